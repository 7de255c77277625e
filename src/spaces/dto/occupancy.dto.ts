import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { SpaceView } from './space.view';
import type { RestrictionWarning } from '../../shared/api/spaces';

export class CheckInDto {
  @ApiProperty({ example: '京A12345' }) @IsString() @Length(7, 12) plate!: string;

  @ApiPropertyOptional({
    description: "A resident checking in themselves: the token from the space's QR sticker",
  })
  @IsOptional()
  @IsString()
  @Matches(/^[0-9a-f]{32}$/, { context: { reason: 'field.sticker' } })
  sticker?: string;
}

/** A restriction starting within 12 hours of a check-in: the car must be gone by `from`. */
export class RestrictionWarningView implements RestrictionWarning {
  @ApiProperty({
    enum: ['restriction', 'no_parking_hours'],
    description:
      "restriction: the council's window for this space; no_parking_hours: the convention's",
  })
  reason!: 'restriction' | 'no_parking_hours';
  @ApiProperty() from!: Date;
  @ApiProperty() to!: Date;
  @ApiPropertyOptional({ type: Number, nullable: true, description: "The convention's article" })
  article!: number | null;
  @ApiProperty({ example: '垃圾车清运' }) note!: string;
}

export class CheckInView extends SpaceView {
  @ApiProperty({
    type: [RestrictionWarningView],
    description: 'Restrictions starting within the next 12 hours, soonest first',
  })
  warnings!: RestrictionWarningView[];
}
