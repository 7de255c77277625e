import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import type { PlateColor } from '../../shared/plate';
import type { AllocationResponse } from '../../shared/api/sharing';

export class RegisterAllocationDto {
  @ApiProperty() @IsUUID() vehicleId!: string;
  @ApiPropertyOptional({ description: "Accepts the unit's terms (免责)" })
  @IsOptional()
  @IsBoolean()
  acceptTerms?: boolean;
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[0-9a-f]{64}$/, { context: { format: 'sha256 (64 hex)' } })
  termsHash?: string;
}

export const ADMISSION_METHODS = ['first_come', 'lottery'] as const;
export type AdmissionMethod = (typeof ADMISSION_METHODS)[number];

export class AdmitBatchDto {
  @ApiPropertyOptional({ description: 'How many to admit; default: every free standing place' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5000)
  count?: number;

  @ApiPropertyOptional({
    enum: ['first_come', 'lottery'],
    description:
      "first_come (default): registration order; lottery: the offer's published draw (POST /api/offers/:id/draws) is drawn",
  })
  @IsOptional()
  @IsIn(ADMISSION_METHODS)
  method?: AdmissionMethod;
}

export class AllocationView implements AllocationResponse {
  @ApiProperty() id!: string;
  @ApiProperty() offerId!: string;
  @ApiProperty() offerTitle!: string;
  @ApiProperty({ enum: ['waiting', 'admitted', 'cancelled'] })
  status!: 'waiting' | 'admitted' | 'cancelled';
  @ApiPropertyOptional({ nullable: true, type: Number, description: '1 = next in line' })
  position!: number | null;
  @ApiProperty() plate!: string;
  @ApiProperty() plateColor!: PlateColor;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: "The convention's priority tier the council marked; null: none",
  })
  priorityTier!: string | null;
  @ApiProperty({ description: 'Periods it has held a place (轮换)' }) periodsHeld!: number;
  @ApiPropertyOptional({ nullable: true, type: String }) spaceCode!: string | null;
  @ApiProperty() registeredAt!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) admittedAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) permitId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) cancelReason!: string | null;
  @ApiProperty({ description: "Due: the offer's monthly fee, from admission (yuan)" })
  feeDueCny!: number;
  @ApiProperty({ description: 'Paid so far: the sum of its payments in the ledger' })
  paidCny!: number;
}

export class AdmissionView {
  @ApiProperty({ type: [AllocationView] }) admitted!: AllocationView[];
  @ApiProperty({ description: 'Still waiting after this batch' }) waiting!: number;
  @ApiProperty({ description: 'Skipped: their household already holds a place (convention rule)' })
  skippedOnePerHousehold!: number;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'The draw, when admitted by lottery (GET /api/draws/:id)',
  })
  drawId!: string | null;
}

/** PUT /api/allocations/:id/priority: the council's mark (null clears it). */
export class SetPriorityDto {
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'disability',
    description: "A tier key of the convention's priorityTiers, or null",
  })
  @ValidateIf((_dto, value) => value !== null)
  @Matches(/^[a-z][a-z0-9_]{0,31}$/, { context: { format: 'a tier key' } })
  tier!: string | null;
}
