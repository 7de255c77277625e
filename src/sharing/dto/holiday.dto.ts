import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsString,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import type { CalendarDayKind } from '../offer-windows';

export class CalendarDayDto {
  @ApiProperty({ example: '2026-10-01' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { context: { format: 'YYYY-MM-DD' } })
  date!: string;

  @ApiProperty({ enum: ['holiday', 'workday'], description: 'holiday: off; workday: 调休上班' })
  @IsIn(['holiday', 'workday'])
  kind!: CalendarDayKind;

  @ApiProperty({ example: '国庆节' }) @IsString() @Length(1, 40) name!: string;
}

export class ReplaceCalendarYearDto {
  @ApiProperty({ type: [CalendarDayDto] })
  @IsArray()
  @ArrayMaxSize(120)
  @ValidateNested({ each: true })
  @Type(() => CalendarDayDto)
  days!: CalendarDayDto[];
}

export class CalendarDayView {
  @ApiProperty() date!: string;
  @ApiProperty({ enum: ['holiday', 'workday'] }) kind!: CalendarDayKind;
  @ApiProperty() name!: string;
}
