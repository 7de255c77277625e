import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsLatitude,
  IsLongitude,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import type { CarParkResponse } from '../../shared/api/sharing';

export class CreateCarParkDto {
  @ApiProperty({ example: '金融街中心地下车库' }) @IsString() @Length(1, 80) name!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(0, 200) address?: string;
  @ApiPropertyOptional({ example: '由二龙路北口进入,B2层' })
  @IsOptional()
  @IsString()
  @Length(0, 500)
  entranceNotes?: string;
  @ApiPropertyOptional() @IsOptional() @IsLatitude() latitude?: number;
  @ApiPropertyOptional() @IsOptional() @IsLongitude() longitude?: number;
  @ApiProperty({ example: 60 }) @IsInt() @Min(1) @Max(5000) totalSpaces!: number;
  @ApiPropertyOptional({ example: ['S01', 'S02'], description: 'Named spaces, when painted' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5000)
  @ArrayUnique()
  @Matches(/^[A-Z0-9][A-Z0-9-]{0,15}$/, { each: true, context: { format: 'A-Z 0-9 -' } })
  spaceCodes?: string[];
}

export class CarParkView implements CarParkResponse {
  @ApiProperty() id!: string;
  @ApiProperty() associationId!: string;
  @ApiProperty() residentUnitId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() address!: string;
  @ApiProperty() entranceNotes!: string;
  @ApiPropertyOptional({ nullable: true, type: Number }) latitude!: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) longitude!: number | null;
  @ApiProperty() totalSpaces!: number;
  @ApiProperty({ type: [String] }) spaceCodes!: string[];
}
