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
import {
  HHMM,
  INTEGER_LIMITS as INT,
  PARAMETER_LIMITS as LIMIT,
  PENALTY_ACTIONS,
  type PenaltyAction,
  TIER_KEY,
} from '../../shared/conventions/parameters';

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
  @ApiProperty({ example: '消防通道夜间禁停' })
  @IsString()
  @Length(1, LIMIT.windowReasonLength)
  reason!: string;
}

export class PenaltyStepDto {
  @ApiProperty({ example: 1 }) @IsInt() @Min(1) @Max(LIMIT.penaltySteps) step!: number;
  @ApiProperty({ example: 90 })
  @IsInt()
  @Min(LIMIT.withinDays[0])
  @Max(LIMIT.withinDays[1])
  withinDays!: number;
  @ApiProperty({ enum: PENALTY_ACTIONS })
  @IsIn(PENALTY_ACTIONS)
  action!: PenaltyAction;
  @ApiPropertyOptional({ example: 7 })
  @IsOptional()
  @IsInt()
  @Min(LIMIT.suspensionDays[0])
  @Max(LIMIT.suspensionDays[1])
  suspensionDays?: number;
}

export class PriorityTierDto {
  @ApiProperty({ example: 'disability' })
  @Matches(TIER_KEY, { context: { format: 'a-z, 0-9, _ (up to 32)' } })
  key!: string;
  @ApiProperty({ example: '残疾人驾驶员' })
  @IsString()
  @Length(1, LIMIT.tierLabelLength)
  label!: string;
}

/** Parameters a draft sets; those left out keep the value of the version it amends. */
export class ParametersDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(INT.vehiclesPerHousehold[0])
  @Max(INT.vehiclesPerHousehold[1])
  vehiclesPerHousehold?: number;
  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(INT.visitorPassesPerMonth[0])
  @Max(INT.visitorPassesPerMonth[1])
  visitorPassesPerMonth?: number;
  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(INT.visitorPassMaxHours[0])
  @Max(INT.visitorPassMaxHours[1])
  visitorPassMaxHours?: number;
  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(INT.monthlyFeeCny[0])
  @Max(INT.monthlyFeeCny[1])
  monthlyFeeCny?: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() standingAllocationOnePerHousehold?: boolean;
  @ApiPropertyOptional({ type: [TimeWindowDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIMIT.noParkingWindows)
  @ValidateNested({ each: true })
  @Type(() => TimeWindowDto)
  noParkingWindows?: TimeWindowDto[];
  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(INT.sharedGraceMinutes[0])
  @Max(INT.sharedGraceMinutes[1])
  sharedGraceMinutes?: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() wardenSwapsWithoutApproval?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() violationsOnlyByWardensOnDuty?: boolean;
  @ApiPropertyOptional({ type: [PenaltyStepDto] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(LIMIT.penaltySteps)
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
  @ArrayMaxSize(LIMIT.priorityTiers)
  @ValidateNested({ each: true })
  @Type(() => PriorityTierDto)
  priorityTiers?: PriorityTierDto[];
  @ApiPropertyOptional({
    description: '轮换: months a standing place is held before a redraw; 0: none',
  })
  @IsOptional()
  @IsInt()
  @Min(INT.rotationPeriodMonths[0])
  @Max(INT.rotationPeriodMonths[1])
  rotationPeriodMonths?: number;
}
