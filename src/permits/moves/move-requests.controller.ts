import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../auth/actor';
import { CurrentActor, Roles } from '../../auth/decorators';
import { ApiStandardErrors } from '../../common/api-errors.decorator';
import { AnswerMoveDto, AskedMoveView, AskToMoveDto, MoveRequestView } from './move-request.dto';
import { MoveRequestsService } from './move-requests.service';
import { Idempotent } from '../../common/idempotency/idempotent.decorator';

@ApiTags('permits')
@ApiStandardErrors()
@Controller('api/move-requests')
export class MoveRequestsController {
  constructor(private readonly moves: MoveRequestsService) {}

  @Post()
  @Idempotent()
  @Roles('warden', 'admin', 'resident')
  @ApiOkResponse({ type: AskedMoveView })
  @ApiOperation({
    summary:
      '挪车: ask the holder of the permit for a plate to move (their phone stays private); a plate the association does not know gets a printable windscreen notice with a QR',
  })
  ask(
    @CurrentActor() actor: Actor,
    @Body() body: AskToMoveDto,
    @Req() request: FastifyRequest,
  ): Promise<AskedMoveView> {
    return this.moves.ask(actor, body.plate, body.note, `${request.protocol}://${request.host}`);
  }

  @Get()
  @ApiOkResponse({ type: [MoveRequestView] })
  @ApiOperation({ summary: 'Requests I asked and requests asked of me' })
  mine(@CurrentActor() actor: Actor): Promise<MoveRequestView[]> {
    return this.moves.mine(actor);
  }

  @Post(':id/answer')
  @HttpCode(200)
  @ApiOkResponse({ type: MoveRequestView })
  answer(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: AnswerMoveDto,
  ): Promise<MoveRequestView> {
    return this.moves.answer(actor, id, body.answer);
  }
}
