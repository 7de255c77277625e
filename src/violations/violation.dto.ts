import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import {
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  IsString,
  Length,
  Matches,
  MaxLength,
  Max,
  Min,
} from 'class-validator';
import { PageQuery } from '../common/pagination';
import { PENALTY_ACTIONS, type PenaltyAction } from '../shared/conventions/parameters';
import type { AppealStatus, ViolationResponse } from '../shared/api/violations';
import { VIOLATION_KINDS, type ViolationKind } from './violation';
import { PERSUASION_OUTCOMES, type PersuasionOutcome } from './persuasions/persuasion';

/** A small photo as a data URL; larger ones are refused (the lane's phones shrink them first). */
export const PHOTO_MAX_CHARS = 200_000;

export class RecordViolationDto {
  @ApiProperty({ enum: VIOLATION_KINDS }) @IsIn(VIOLATION_KINDS) kind!: ViolationKind;
  @ApiProperty({ example: '京A·12345' }) @IsString() @Length(5, 20) plate!: string;
  @ApiProperty({ example: '下岗胡同东口消防通道' }) @IsString() @Length(1, 120) place!: string;
  @ApiPropertyOptional({ description: 'Now when omitted; never in the future' })
  @IsOptional()
  @IsDateString()
  occurredAt?: string;
  @ApiPropertyOptional({
    description: 'The article broken; by default the one the kind falls under',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(99)
  articleNumber?: number;
  @ApiPropertyOptional({
    description: `data:image/jpeg|png|webp;base64,… at most ${PHOTO_MAX_CHARS} characters`,
  })
  @IsOptional()
  @IsString()
  @MaxLength(PHOTO_MAX_CHARS)
  @Matches(/^data:image\/(jpeg|png|webp);base64,[A-Za-z0-9+/]+=*$/, {
    context: { format: 'data:image/jpeg;base64,…' },
  })
  photo?: string;
  @ApiPropertyOptional({
    example: '请您挪到东口空位，这里是消防通道。',
    description: 'What was said',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
  @ApiPropertyOptional({
    enum: PERSUASION_OUTCOMES,
    description:
      'What came of it; given, the step keeps a persuasion record (photos: POST /api/persuasions/{id}/photos)',
  })
  @IsOptional()
  @IsIn(PERSUASION_OUTCOMES)
  outcome?: PersuasionOutcome;
}

export class AppealDto {
  @ApiProperty({ example: '当时是送老人去医院，临时停靠。' })
  @IsString()
  @Length(1, 1000)
  reason!: string;
}

export class AppealDecisionDto {
  @ApiProperty({ enum: ['upheld', 'overturned'], description: 'upheld: the violation stands' })
  @IsIn(['upheld', 'overturned'])
  decision!: 'upheld' | 'overturned';
  @ApiProperty({ example: '经核实情况属实，撤销记录。' })
  @IsString()
  @Length(1, 1000)
  note!: string;
}

export class ViolationQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['none', 'pending', 'upheld', 'overturned'] })
  @IsOptional()
  @IsIn(['none', 'pending', 'upheld', 'overturned'])
  appealStatus?: 'none' | 'pending' | 'upheld' | 'overturned';
  @ApiPropertyOptional({ enum: VIOLATION_KINDS })
  @IsOptional()
  @IsIn(VIOLATION_KINDS)
  kind?: ViolationKind;
  @ApiPropertyOptional({ example: '2026-11', description: 'A Beijing calendar month' })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { context: { format: 'YYYY-MM' } })
  month?: string;
  @ApiPropertyOptional({
    description: 'A street office names one of the associations granted to it',
  })
  @IsOptional()
  @IsUUID()
  associationId?: string;
}

/** The ledger's export takes the list's filters, so both show the same rows. */
export class ViolationLedgerQuery extends OmitType(ViolationQuery, ['page', 'pageSize'] as const) {}

export class ViolationView implements ViolationResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: VIOLATION_KINDS }) kind!: ViolationKind;
  @ApiProperty({ description: 'Masked unless staff or the household' }) plate!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) householdId!: string | null;
  @ApiProperty() place!: string;
  @ApiProperty() occurredAt!: Date;
  @ApiProperty({ description: 'Which violation this is on the ladder' }) step!: number;
  @ApiProperty({ enum: PENALTY_ACTIONS }) action!: PenaltyAction;
  @ApiPropertyOptional({ type: Number, nullable: true }) articleNumber!: number | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '第八条' }) article!: string | null;
  @ApiProperty({
    enum: ['convention', 'offer'],
    description: "The rule broken: the convention's article, or a lending unit's own terms",
  })
  rule!: 'convention' | 'offer';
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: "For an overstay: the grace that applied (the offer's, or the convention's)",
  })
  graceMinutes!: number | null;
  @ApiPropertyOptional({ type: String, nullable: true }) suspendedUntil!: Date | null;
  @ApiProperty({ description: 'A permit was suspended through the permit lifecycle' })
  permitSuspended!: boolean;
  @ApiProperty({ enum: ['none', 'pending', 'upheld', 'overturned'] })
  appealStatus!: AppealStatus;
  @ApiPropertyOptional({ type: String, nullable: true }) appealReason!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) appealNote!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) photo?: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'On recording: the persuasion record kept with this step, if an outcome was given',
  })
  persuasionId?: string | null;
}
