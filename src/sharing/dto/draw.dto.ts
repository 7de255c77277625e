import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** GET /api/draws/:id: everything needed to recompute the draw (the seed once drawn). */
export class DrawView {
  @ApiProperty() id!: string;
  @ApiProperty() offerId!: string;
  @ApiProperty({ enum: ['lottery'] }) method!: 'lottery';
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
    type: [String],
    description:
      'Drawn order: registrations sorted ascending by SHA-256 hex of `${seed}:${registrationId}`; empty before the draw',
  })
  order!: string[];
  @ApiProperty({ type: [String], description: 'Admitted at the draw, in drawn order' })
  admitted!: string[];
  @ApiProperty() publishedAt!: Date;
  @ApiPropertyOptional({ type: String, nullable: true }) drawnAt!: Date | null;
}

/** A draw on the public board: the same fields, and the offer it admitted to. */
export class BoardDrawView extends DrawView {
  @ApiProperty() offerTitle!: string;
}
