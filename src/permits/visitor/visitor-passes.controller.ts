import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../auth/actor';
import { CurrentActor, Public, Roles } from '../../auth/decorators';
import { ApiStandardErrors } from '../../common/api-errors.decorator';
import { IssueVisitorPassDto, VisitorPassView } from './visitor-pass.dto';
import { VisitorPassesService } from './visitor-passes.service';
import { Idempotent } from '../../common/idempotency/idempotent.decorator';

const GUEST_TOKEN = /^[A-Za-z0-9_-]{16,64}$/;

@ApiTags('permits')
@Controller()
export class VisitorPassesController {
  constructor(private readonly passes: VisitorPassesService) {}

  @Post('api/visitor-passes')
  @Idempotent()
  @Roles('resident', 'admin')
  @ApiStandardErrors()
  @ApiOkResponse({ type: VisitorPassView })
  @ApiOperation({
    summary: "Issue a visitor pass for a guest's plate, within the convention's monthly quota",
  })
  issue(
    @CurrentActor() actor: Actor,
    @Body() body: IssueVisitorPassDto,
    @Req() request: FastifyRequest,
  ): Promise<VisitorPassView> {
    return this.passes.issue(actor, body, `${request.protocol}://${request.host}`);
  }

  @Get('visit/:token')
  @Public()
  @ApiExcludeEndpoint()
  async guestPage(@Param('token') token: string, @Res() reply: FastifyReply): Promise<void> {
    const html = GUEST_TOKEN.test(token) ? await this.passes.guestPage(token) : null;
    void reply
      .status(html ? 200 : 404)
      .type('text/html; charset=utf-8')
      .header('Cache-Control', 'no-store')
      .header('Referrer-Policy', 'no-referrer')
      .send(
        html ?? '<!doctype html><meta charset="utf-8"><p>通行证不存在 / no such visitor pass</p>',
      );
  }
}
