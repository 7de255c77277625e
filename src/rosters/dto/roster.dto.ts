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

const INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/;
const INSTANT_MESSAGE =
  '$property must be a date (2025-11-01) or date-time (2025-11-01T08:00+08:00)';
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class PeriodQuery {
  @ApiProperty({ example: '2025-11-01', description: 'Date (Beijing midnight) or ISO date-time' })
  @IsString()
  @Matches(INSTANT, { message: INSTANT_MESSAGE })
  from!: string;

  @ApiProperty({ example: '2025-12-01', description: 'Exclusive' })
  @IsString()
  @Matches(INSTANT, { message: INSTANT_MESSAGE })
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
  @Matches(INSTANT, { message: INSTANT_MESSAGE })
  from?: string;

  @ApiPropertyOptional({ example: '2025-12-01' })
  @IsOptional()
  @IsString()
  @Matches(INSTANT, { message: INSTANT_MESSAGE })
  to?: string;
}

export class GenerateRosterDto {
  @ApiProperty({ example: '2025-11-01', description: 'First day (Beijing)' })
  @IsString()
  @Matches(DATE, { message: '$property must be a date like 2025-11-01' })
  from!: string;

  @ApiProperty({ example: '2025-12-01', description: 'Day after the last (exclusive)' })
  @IsString()
  @Matches(DATE, { message: '$property must be a date like 2025-12-01' })
  to!: string;
}

export class CreateShiftTemplateDto {
  @ApiProperty({ example: '晚班' }) @IsString() @Length(1, 40) name!: string;

  @ApiProperty({ enum: ['warden', 'volunteer'] })
  @IsIn(['warden', 'volunteer'])
  kind!: ShiftKind;

  @ApiProperty({ example: '16:00', description: 'Start, Beijing time' })
  @IsString()
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'start must be HH:MM' })
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
  @Matches(INSTANT, { message: INSTANT_MESSAGE })
  from!: string;

  @ApiProperty({ example: '2025-11-08T14:00', description: 'At most 24 hours after from' })
  @IsString()
  @Matches(INSTANT, { message: INSTANT_MESSAGE })
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
  @Matches(INSTANT, { message: INSTANT_MESSAGE })
  from!: string;

  @ApiProperty({ example: '2025-11-15' })
  @IsString()
  @Matches(INSTANT, { message: INSTANT_MESSAGE })
  to!: string;

  @ApiPropertyOptional({ example: '回老家' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  reason?: string;
}

export class SwapQuery {
  @ApiPropertyOptional({ enum: ['offered', 'taken', 'approved', 'declined', 'cancelled'] })
  @IsOptional()
  @IsIn(['offered', 'taken', 'approved', 'declined', 'cancelled'])
  status?: string;

  @ApiPropertyOptional({ default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit: number = 100;
}
