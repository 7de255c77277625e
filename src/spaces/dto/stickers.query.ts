import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional } from 'class-validator';
import { STICKERS_PER_PAGE, type StickersPerPage } from '../sticker-pdf';

export class StickersPdfQuery {
  @ApiPropertyOptional({
    enum: STICKERS_PER_PAGE,
    default: 4,
    description: 'Stickers on one A4 page: 1 (a large one for a wall), 2, 4 or 6',
  })
  @IsOptional()
  @Type(() => Number)
  @IsIn(STICKERS_PER_PAGE)
  perPage?: StickersPerPage;
}
