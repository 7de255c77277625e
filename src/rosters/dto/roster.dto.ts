import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { Type } from 'class-transformer';
import type { ShiftKind } from '../generation';
import { SWAP_STATUSES } from '../shift-swap.repository';

const INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/;
const INSTANT_FORMAT = { context: { format: '2025-11-01 / 2025-11-01T08:00+08:00' } };
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_FORMAT = { context: { format: 'YYYY-MM-DD' } };
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const HHMM_OR_MIDNIGHT = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
const HHMM_FORMAT = { context: { format: 'HH:MM' } };

export class PeriodQuery {
  @ApiProperty({ example: '2025-11-01', description: 'Date (Beijing midnight) or ISO date-time' })
  @IsString()
  @Matches(INSTANT, INSTANT_FORMAT)
  from!: string;

  @ApiProperty({ example: '2025-12-01', description: 'Exclusive' })
  @IsString()
  @Matches(INSTANT, INSTANT_FORMAT)
  to!: string;
}

export class RosterPeriodQuery extends PeriodQuery {
  @ApiPropertyOptional({ description: "Defaults to the caller's own association" })
  @IsOptional()
  @IsUUID()
  associationId?: string;
}

export class AssociationScopeQuery {
  @ApiPropertyOptional({ description: "Defaults to the caller's own association" })
  @IsOptional()
  @IsUUID()
  associationId?: string;
}

export class OptionalPeriodQuery {
  @ApiPropertyOptional({ example: '2025-11-01' })
  @IsOptional()
  @IsString()
  @Matches(INSTANT, INSTANT_FORMAT)
  from?: string;

  @ApiPropertyOptional({ example: '2025-12-01' })
  @IsOptional()
  @IsString()
  @Matches(INSTANT, INSTANT_FORMAT)
  to?: string;
}

export class GenerateRosterDto {
  @ApiProperty({ example: '2025-11-01', description: 'First day (Beijing)' })
  @IsString()
  @Matches(DATE, DATE_FORMAT)
  from!: string;

  @ApiProperty({ example: '2025-12-01', description: 'Day after the last (exclusive)' })
  @IsString()
  @Matches(DATE, DATE_FORMAT)
  to!: string;
}

export class CreateShiftTemplateDto {
  @ApiProperty({ example: '晚班' }) @IsString() @Length(1, 40) name!: string;

  @ApiProperty({ enum: ['warden', 'volunteer'] })
  @IsIn(['warden', 'volunteer'])
  kind!: ShiftKind;

  @ApiProperty({ example: '16:00', description: 'Start, Beijing time' })
  @IsString()
  @Matches(HHMM, HHMM_FORMAT)
  start!: string;

  @ApiProperty({ example: 480 })
  @IsInt()
  @Min(15)
  @Max(1440)
  durationMinutes!: number;

  @ApiPropertyOptional({ type: [Number], example: [1, 2, 3, 4, 5], description: '1 = Monday' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(7)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(7, { each: true })
  weekdays?: number[];

  @ApiPropertyOptional({ example: 1 }) @IsOptional() @IsInt() @Min(1) @Max(20) minOnDuty?: number;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  laneIds?: string[];
}

export class CreateDutyShiftDto {
  @ApiProperty({ example: '庙会加班' }) @IsString() @Length(1, 40) name!: string;

  @ApiProperty({ enum: ['warden', 'volunteer'] })
  @IsIn(['warden', 'volunteer'])
  kind!: ShiftKind;

  @ApiProperty({ example: '2025-11-08T10:00' })
  @IsString()
  @Matches(INSTANT, INSTANT_FORMAT)
  from!: string;

  @ApiProperty({ example: '2025-11-08T14:00', description: 'At most 24 hours after from' })
  @IsString()
  @Matches(INSTANT, INSTANT_FORMAT)
  to!: string;

  @ApiPropertyOptional({ example: 1 }) @IsOptional() @IsInt() @Min(1) @Max(20) minOnDuty?: number;
}

export class AssignMemberDto {
  @ApiProperty() @IsUUID() memberId!: string;
}

export class SignOutDto {
  @ApiPropertyOptional({ description: 'Handover note (交接班) for the incoming shift' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  handoverNote?: string;
}

export class HandoverNoteDto {
  @ApiProperty({ example: '5号车位地锁坏了, 已报社区' })
  @IsString()
  @Length(1, 1000)
  body!: string;
}

export class SwapOfferDto {
  @ApiPropertyOptional({ example: '家里有事' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  note?: string;
}

export class UnavailabilityDto {
  @ApiProperty({ example: '2025-11-10' })
  @IsString()
  @Matches(INSTANT, INSTANT_FORMAT)
  from!: string;

  @ApiProperty({ example: '2025-11-15' })
  @IsString()
  @Matches(INSTANT, INSTANT_FORMAT)
  to!: string;

  @ApiPropertyOptional({ example: '回老家' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  reason?: string;
}

export class SwapQuery {
  @ApiPropertyOptional({ enum: SWAP_STATUSES })
  @IsOptional()
  @IsIn(SWAP_STATUSES)
  status?: string;

  @ApiPropertyOptional({ default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit: number = 100;
}

/** Who must be on duty when (值守要求), resting on an article of the convention in force. */
export class DutyRequirementDto {
  @ApiProperty({ example: '红袖标全天值守' }) @IsString() @Length(1, 40) name!: string;

  @ApiProperty({ enum: ['warden', 'volunteer'], description: 'The line of duty' })
  @IsIn(['warden', 'volunteer'])
  kind!: ShiftKind;

  @ApiProperty({ type: [Number], example: [1, 2, 3, 4, 5, 6, 7], description: '1 = Monday' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(7)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(7, { each: true })
  weekdays!: number[];

  @ApiProperty({ example: '00:00', description: 'Beijing time the window opens on those days' })
  @IsString()
  @Matches(HHMM, HHMM_FORMAT)
  from!: string;

  @ApiProperty({
    example: '24:00',
    description: 'When it closes; at or before `from` it runs into the next day (22:00–06:00)',
  })
  @IsString()
  @Matches(HHMM_OR_MIDNIGHT, HHMM_FORMAT)
  to!: string;

  @ApiProperty({ example: 1, description: 'People who must be on duty at once' })
  @IsInt()
  @Min(1)
  @Max(20)
  people!: number;

  @ApiProperty({ example: 5, description: 'The convention article it rests on (第N条)' })
  @IsInt()
  @Min(1)
  @Max(999)
  article!: number;
}

export class RosterMonthQuery {
  @ApiProperty({ example: '2026-11', description: 'A Beijing calendar month, YYYY-MM' })
  @IsString()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { context: { format: 'YYYY-MM' } })
  month!: string;

  @ApiPropertyOptional({ description: "Defaults to the caller's own association" })
  @IsOptional()
  @IsUUID()
  associationId?: string;
}
