import { Controller, Get, Param, ParseUUIDPipe, Query, Req, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/decorators';
import { ApiStandardErrors } from '../common/api-errors.decorator';
import { StickersPdfQuery } from './dto/stickers.query';
import { StickersService } from './stickers.service';

@ApiTags('spaces')
@ApiStandardErrors()
@Controller('api')
export class StickersController {
  constructor(private readonly stickers: StickersService) {}

  @Get('lanes/:id/stickers.pdf')
  @Roles('admin')
  @ApiProduces('application/pdf')
  @ApiOperation({
    summary: "The lane's space stickers (车位码) as an A4 PDF: code, lane and self check-in QR",
    description: 'The council of the lane’s association. 1, 2, 4 or 6 to a page, with crop marks.',
  })
  async pdf(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: StickersPdfQuery,
    @Req() request: FastifyRequest,
  ): Promise<StreamableFile> {
    const origin = `${request.protocol}://${request.host}`;
    const pdf = await this.stickers.pdf(actor, id, origin, query.perPage ?? 4);
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      disposition: 'attachment; filename="space-stickers.pdf"',
      length: pdf.length,
    });
  }
}
