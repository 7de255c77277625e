import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/decorators';
import { ApiStandardErrors } from '../common/api-errors.decorator';
import { DrawView, PublishDrawDto } from './dto/draw.dto';
import { DrawsService } from './draws.service';

@ApiTags('sharing')
@ApiStandardErrors()
@Controller('api')
export class DrawsController {
  constructor(private readonly draws: DrawsService) {}

  @Post('offers/:id/draws')
  @Roles('unit', 'admin')
  @ApiOperation({
    summary:
      "Close registration for a public lottery: publishes SHA-256(seed) over the registrations waiting now (a rotation: and those holding a place), grouped by the convention's priority tiers",
  })
  @ApiCreatedResponse({ type: DrawView })
  publish(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body?: PublishDrawDto,
  ): Promise<DrawView> {
    return this.draws.publish(actor, id, body?.kind);
  }

  @Get('offers/:id/draws')
  @ApiOperation({
    summary:
      "The offer's draws, newest first: admissions and rotations (轮换), each recomputable, for every member who may read the offer",
  })
  @ApiOkResponse({ type: [DrawView] })
  history(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<DrawView[]> {
    return this.draws.history(actor, id);
  }

  @Get('draws/:id')
  @ApiOperation({
    summary: 'A draw: its seed hash, and once drawn its seed, order and admitted, to recompute',
  })
  @ApiOkResponse({ type: DrawView })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<DrawView> {
    return this.draws.view(actor, id);
  }
}
