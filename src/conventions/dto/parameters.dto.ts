import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export class TimeWindowDto {
  @ApiProperty({ example: '22:00' })
  @Matches(HHMM, { context: { format: 'HH:MM' } })
  from!: string;
  @ApiProperty({ example: '06:00' }) @Matches(HHMM, { context: { format: 'HH:MM' } }) to!: string;
  @ApiPropertyOptional({
    example: [1, 2, 3, 4, 5],
    description: 'ISO weekdays; every day when absent',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(7, { each: true })
  days?: number[];
  @ApiProperty({ example: '消防通道夜间禁停' }) @IsString() @Length(1, 120) reason!: string;
}

export class PenaltyStepDto {
  @ApiProperty({ example: 1 }) @IsInt() @Min(1) @Max(10) step!: number;
  @ApiProperty({ example: 90 }) @IsInt() @Min(1) @Max(730) withinDays!: number;
  @ApiProperty({ enum: ['persuasion', 'notice', 'suspension'] })
  @IsIn(['persuasion', 'notice', 'suspension'])
  action!: 'persuasion' | 'notice' | 'suspension';
  @ApiPropertyOptional({ example: 7 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  suspensionDays?: number;
}

export class PriorityTierDto {
  @ApiProperty({ example: 'disability' })
  @Matches(/^[a-z][a-z0-9_]{0,31}$/, { context: { format: 'a-z, 0-9, _ (up to 32)' } })
  key!: string;
  @ApiProperty({ example: '残疾人驾驶员' }) @IsString() @Length(1, 40) label!: string;
}

/** Parameters a draft sets; those left out keep the value of the version it amends. */
export class ParametersDto {
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(10) vehiclesPerHousehold?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(100) visitorPassesPerMonth?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(168) visitorPassMaxHours?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(10000) monthlyFeeCny?: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() standingAllocationOnePerHousehold?: boolean;
  @ApiPropertyOptional({ type: [TimeWindowDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => TimeWindowDto)
  noParkingWindows?: TimeWindowDto[];
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(240) sharedGraceMinutes?: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() wardenSwapsWithoutApproval?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() violationsOnlyByWardensOnDuty?: boolean;
  @ApiPropertyOptional({ type: [PenaltyStepDto] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => PenaltyStepDto)
  penaltyLadder?: PenaltyStepDto[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() vehicleChangesNeedApproval?: boolean;
  @ApiPropertyOptional({
    type: [PriorityTierDto],
    description: 'Drawn first, in this order, at a lottery for standing places',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => PriorityTierDto)
  priorityTiers?: PriorityTierDto[];
  @ApiPropertyOptional({
    description: '轮换: months a standing place is held before a redraw; 0: none',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(24)
  rotationPeriodMonths?: number;
}
