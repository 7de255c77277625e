import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsUUID } from 'class-validator';
import { PERMIT_KINDS, type PermitKind } from '../permit-token';

/** The most cards one sheet run holds (50 A4 pages of 8): more is printed in batches. */
export const MAX_CARDS = 400;

/** GET /api/permits/cards.pdf: the permits chosen, or every permit in force (of a kind). */
export class PermitCardsQuery {
  @ApiPropertyOptional({
    type: [String],
    description: `Permit ids, comma-separated or repeated (at most ${MAX_CARDS}); none: every permit in force`,
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.split(',').filter((id) => id !== '') : value,
  )
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_CARDS)
  @IsUUID('all', { each: true })
  ids?: string[];

  @ApiPropertyOptional({
    enum: PERMIT_KINDS,
    description: 'Without ids: only permits of this kind',
  })
  @IsOptional()
  @IsIn(PERMIT_KINDS)
  kind?: PermitKind;
}
