import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/decorators';
import { ApiStandardErrors } from '../common/api-errors.decorator';
import { SwapQuery } from './dto/roster.dto';
import { SwapView } from './dto/swap.view';
import { SwapsService } from './swaps.service';

@ApiTags('rosters')
@ApiStandardErrors()
@Controller('api/swaps')
export class SwapsController {
  constructor(private readonly swaps: SwapsService) {}

  @Get()
  @Roles('admin', 'warden', 'resident')
  @ApiOperation({ summary: 'Swaps of the association, newest first: open offers and the history' })
  @ApiOkResponse({ type: [SwapView] })
  list(@CurrentActor() actor: Actor, @Query() query: SwapQuery): Promise<SwapView[]> {
    return this.swaps.list(actor, query);
  }

  @Post(':id/take')
  @HttpCode(200)
  @Roles('admin', 'warden', 'resident')
  @ApiOperation({
    summary:
      'Take an offered shift; goes through at once when the convention lets wardens swap freely',
  })
  @ApiOkResponse({ type: SwapView })
  take(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<SwapView> {
    return this.swaps.take(actor, id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles('admin')
  @ApiOkResponse({ type: SwapView })
  approve(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<SwapView> {
    return this.swaps.approve(actor, id);
  }

  @Post(':id/decline')
  @HttpCode(200)
  @Roles('admin')
  @ApiOkResponse({ type: SwapView })
  decline(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<SwapView> {
    return this.swaps.decline(actor, id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles('admin', 'warden', 'resident')
  @ApiOkResponse({ type: SwapView })
  cancel(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<SwapView> {
    return this.swaps.cancel(actor, id);
  }
}
