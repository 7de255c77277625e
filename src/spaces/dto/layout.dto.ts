import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { SIZE_CLASSES, type SizeClass } from '../../shared/lane-geometry';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export class CreateSpaceDto {
  @ApiProperty({ example: 'XG-41' })
  @Matches(/^[A-Z0-9][A-Z0-9-]{0,15}$/, { context: { reason: 'field.space_code' } })
  code!: string;
  @ApiProperty({ description: 'Centre, metres on the lane schematic' })
  @IsNumber()
  @Min(-10000)
  @Max(10000)
  x!: number;
  @ApiProperty() @IsNumber() @Min(-10000) @Max(10000) y!: number;
  @ApiPropertyOptional({ enum: SIZE_CLASSES, default: 'standard' })
  @IsOptional()
  @IsIn(SIZE_CLASSES)
  sizeClass?: SizeClass;
  @ApiPropertyOptional({ description: 'A household the space is assigned to' })
  @IsOptional()
  @IsUUID()
  householdId?: string;
  @ApiPropertyOptional({ type: [String], description: 'Households whose door or window it faces' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  facingHouseholdIds?: string[];
  @ApiPropertyOptional({ default: 7, description: 'Days the facing households may object' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(30)
  objectionDays?: number;
}

export class UpdateSpaceDto {
  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(-10000) @Max(10000) x?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(-10000) @Max(10000) y?: number;
  @ApiPropertyOptional({ enum: SIZE_CLASSES })
  @IsOptional()
  @IsIn(SIZE_CLASSES)
  sizeClass?: SizeClass;
  @ApiPropertyOptional({ enum: ['open', 'reserved', 'closed'] })
  @IsOptional()
  @IsIn(['open', 'reserved', 'closed'])
  availability?: 'open' | 'reserved' | 'closed';
  @ApiPropertyOptional({ description: 'Why it is closed or reserved, shown on the map' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  closedReason?: string;
  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsUUID()
  householdId?: string | null;
}

export class LaneSegmentDto {
  @ApiProperty() @IsNumber() @Min(0) @Max(100000) fromM!: number;
  @ApiProperty() @IsNumber() @Min(0) @Max(100000) toM!: number;
  @ApiProperty({ example: 6.5 }) @IsNumber() @Min(1) @Max(100) widthM!: number;
  @ApiProperty({ example: 4, description: '消防通道: the width that must stay clear' })
  @IsNumber()
  @Min(1)
  @Max(100)
  clearPassageM!: number;
}

export class LaneSegmentsDto {
  @ApiProperty({ type: [LaneSegmentDto] })
  @ValidateNested({ each: true })
  @Type(() => LaneSegmentDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  segments!: LaneSegmentDto[];
}

export class CreateRestrictionDto {
  @ApiProperty({ example: '07:00' })
  @Matches(HHMM, { context: { format: 'HH:MM' } })
  from!: string;
  @ApiProperty({ example: '09:00' }) @Matches(HHMM, { context: { format: 'HH:MM' } }) to!: string;
  @ApiPropertyOptional({ type: [Number], description: 'ISO weekdays; every day when absent' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(7, { each: true })
  days?: number[];
  @ApiProperty({ example: '垃圾清运车停靠' })
  @IsString()
  @Length(1, 200)
  reason!: string;
}
