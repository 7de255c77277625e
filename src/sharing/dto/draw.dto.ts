import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { BoardDraw, DrawResponse, DrawTier } from '../../shared/api/sharing';

/** POST /api/offers/:id/draws: an admission of the places free now, or a rotation's redraw. */
export class PublishDrawDto {
  @ApiPropertyOptional({
    enum: ['admission', 'rotation'],
    description:
      "admission (default): those waiting, for the places free now; rotation (轮换): those waiting and those holding a place, for every place, as the convention's rotationPeriodMonths sets",
  })
  @IsOptional()
  @IsIn(['admission', 'rotation'])
  kind?: 'admission' | 'rotation';
}

/** One group of a draw, drawn whole before the next. */
export class DrawTierView implements DrawTier {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: "The convention's priority tier key; null: no tier",
  })
  tier!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Its name in the convention' })
  label!: string | null;
  @ApiProperty({ description: 'Held a place in the period that ends (rotation): drawn after' })
  heldBefore!: boolean;
  @ApiProperty({ type: [String] }) registrations!: string[];
}

/** GET /api/draws/:id: everything needed to recompute the draw (the seed once drawn). */
export class DrawView implements DrawResponse {
  @ApiProperty() id!: string;
  @ApiProperty() offerId!: string;
  @ApiProperty({ enum: ['lottery'] }) method!: 'lottery';
  @ApiProperty({ enum: ['admission', 'rotation'] }) kind!: 'admission' | 'rotation';
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'rotation: months the places are held before the next redraw',
  })
  periodMonths!: number | null;
  @ApiProperty({ description: 'SHA-256 of the seed, hex: published before the draw' })
  seedHash!: string;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Revealed at the draw; null before',
  })
  seed!: string | null;
  @ApiProperty({ type: [String], description: 'The registrations the draw closed over' })
  registrations!: string[];
  @ApiProperty({
    type: [DrawTierView],
    description:
      "Groups in drawing order: the convention's tiers as listed, then no tier; within each, those who did not hold a place before those who did",
  })
  tiers!: DrawTierView[];
  @ApiProperty({
    type: [String],
    description:
      'Drawn order: the tiers one after the other, each sorted ascending by SHA-256 hex of `${seed}:${registrationId}`; empty before the draw',
  })
  order!: string[];
  @ApiProperty({ type: [String], description: 'Admitted at the draw, in drawn order' })
  admitted!: string[];
  @ApiProperty() publishedAt!: Date;
  @ApiPropertyOptional({ type: String, nullable: true }) drawnAt!: Date | null;
}

/** A draw on the public board: the same fields, and the offer it admitted to. */
export class BoardDrawView extends DrawView implements BoardDraw {
  @ApiProperty() offerTitle!: string;
}
