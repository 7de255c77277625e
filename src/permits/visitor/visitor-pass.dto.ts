import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
} from 'class-validator';
import { PLATE_COLORS, type PlateColor } from '../../shared/plate';
import type { VisitorPassResponse } from '../../shared/api/permits';
import { PermitView } from '../dto/permit.view';

export class IssueVisitorPassDto {
  @ApiProperty({ example: '京N·6B217', description: "The guest's plate" })
  @IsString()
  @Length(5, 20)
  plate!: string;

  @ApiPropertyOptional({ enum: PLATE_COLORS })
  @IsOptional()
  @IsIn(PLATE_COLORS)
  plateColor?: PlateColor;

  @ApiPropertyOptional({ description: 'Now when omitted' })
  @IsOptional()
  @IsDateString()
  validFrom?: string;

  @ApiProperty({ example: 6, description: "At most the convention's visitorPassMaxHours" })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(24 * 31)
  hours!: number;

  @ApiPropertyOptional() @IsOptional() @IsUUID() laneId?: string;

  @ApiPropertyOptional({ example: '女儿回家看望' })
  @IsOptional()
  @IsString()
  @Length(0, 200)
  note?: string;
}

export class VisitorPassView implements VisitorPassResponse {
  @ApiProperty({ type: PermitView }) permit!: PermitView;
  @ApiProperty({
    example: 'https://parking.example.cn/visit/Xk3…',
    description:
      'Send to the guest: shows the QR, no login. Built from PUBLIC_URL, else the request',
  })
  guestUrl!: string;
  @ApiProperty({ example: 3 }) usedThisMonth!: number;
  @ApiProperty({ example: 4 }) quota!: number;
}
