import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

export class LanePointDto {
  @ApiProperty() @IsNumber() @Min(-10000) @Max(10000) x!: number;
  @ApiProperty() @IsNumber() @Min(-10000) @Max(10000) y!: number;
}

export class CreateLaneDto {
  @ApiProperty({ example: '下岗胡同' }) @IsString() @Length(1, 60) name!: string;

  @ApiProperty({ type: [LanePointDto] })
  @ValidateNested({ each: true })
  @Type(() => LanePointDto)
  @ArrayMinSize(2)
  @ArrayMaxSize(500)
  geometry!: LanePointDto[];
}

export class UpdateLaneDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 60) name?: string;

  @ApiPropertyOptional({ type: [LanePointDto] })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => LanePointDto)
  @ArrayMinSize(2)
  @ArrayMaxSize(500)
  geometry?: LanePointDto[];
}
