import { Controller, Get, Param, ParseUUIDPipe, StreamableFile, UseGuards } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { Public } from '../auth/decorators';
import { ErrorBody } from '../common/error-body';
import { boardPdf } from './board-pdf';
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

  @Get(':id/board.pdf')
  @Public()
  @UseGuards(ThrottlerGuard)
  // A printed notice is fetched rarely; rendering one costs more than the JSON.
  @Throttle({ login: { limit: 10, ttl: 60_000 } })
  @ApiOperation({
    summary:
      '公示 as a printable A4 PDF (Chinese text, font embedded): convention, votes, notice period, duty, violations by month',
  })
  @ApiProduces('application/pdf')
  @ApiTooManyRequestsResponse({ type: ErrorBody })
  async pdf(@Param('id', ParseUUIDPipe) id: string): Promise<StreamableFile> {
    const pdf = await boardPdf(await this.board.board(id));
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      disposition: 'inline; filename="board.pdf"',
      length: pdf.length,
    });
  }
}
