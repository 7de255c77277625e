import { Controller, Get, Param, ParseUUIDPipe, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { Public } from '../auth/decorators';
import { ErrorBody } from '../common/error-body';
import { PublicBoardView } from './board.view';
import { PublicBoardService } from './public-board.service';

@ApiTags('public')
@Controller('api/public/associations')
export class PublicBoardController {
  constructor(private readonly board: PublicBoardService) {}

  @Get(':id/board')
  @Public()
  // The only throttler registered (AuthModule) is named 'login'; here it gets its own,
  // generous limit per address and route, enough for a notice-board screen refreshing.
  @UseGuards(ThrottlerGuard)
  @Throttle({ login: { limit: 60, ttl: 60_000 } })
  @ApiOperation({
    summary:
      '公示 board: convention in force, vote results, notice period, duty, violation statistics',
  })
  @ApiOkResponse({ type: PublicBoardView })
  @ApiTooManyRequestsResponse({ type: ErrorBody })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<PublicBoardView> {
    return this.board.board(id);
  }
}
