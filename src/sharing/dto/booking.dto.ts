import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsUUID, Matches } from 'class-validator';
import type { PlateColor } from '../../shared/plate';
import type { BookingResponse } from '../../shared/api/sharing';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class BookNightDto {
  @ApiProperty({ example: '2026-03-02', description: 'The night: the local date the window opens' })
  @Matches(DATE, { context: { format: 'YYYY-MM-DD' } })
  date!: string;

  @ApiProperty() @IsUUID() vehicleId!: string;

  @ApiPropertyOptional({
    description: "Accepts the unit's terms (免责); required when it has terms",
  })
  @IsOptional()
  @IsBoolean()
  acceptTerms?: boolean;

  @ApiPropertyOptional({ description: 'The termsHash read; refused if the terms changed since' })
  @IsOptional()
  @Matches(/^[0-9a-f]{64}$/, { context: { format: 'sha256 (64 hex)' } })
  termsHash?: string;
}

export class NightQuery {
  @ApiPropertyOptional({ example: '2026-03-02', description: 'Defaults to tonight' })
  @IsOptional()
  @Matches(DATE, { context: { format: 'YYYY-MM-DD' } })
  night?: string;
}

export class LedgerQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(DATE, { context: { format: 'YYYY-MM-DD' } })
  from?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(DATE, { context: { format: 'YYYY-MM-DD' } })
  to?: string;
}

export class BookingView implements BookingResponse {
  @ApiProperty() id!: string;
  @ApiProperty() offerId!: string;
  @ApiProperty() offerTitle!: string;
  @ApiProperty() carParkId!: string;
  @ApiProperty() carParkName!: string;
  @ApiProperty() night!: string;
  @ApiProperty() startsAt!: string;
  @ApiProperty({ description: 'Must leave by' }) endsAt!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) spaceCode!: string | null;
  @ApiProperty({ description: "Full for the household and the car park's own unit staff" })
  plate!: string;
  @ApiProperty() plateColor!: PlateColor;
  @ApiProperty({ enum: ['booked', 'cancelled'] }) status!: 'booked' | 'cancelled';
  @ApiProperty() termsHash!: string;
  @ApiProperty() termsAcceptedAt!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) arrivedAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) leftAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) cancelledAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) cancelReason!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) cancelReasonText!: string | null;
  @ApiProperty() bookedAt!: string;
}
