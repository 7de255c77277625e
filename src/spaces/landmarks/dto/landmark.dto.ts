import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { LANDMARK_KINDS, type LandmarkKind, type LandmarkView } from '../../../shared/landmarks';

export class CreateLandmarkDto {
  @ApiProperty({ enum: LANDMARK_KINDS, example: 'door' })
  @IsIn(LANDMARK_KINDS)
  kind!: LandmarkKind;
  @ApiProperty({ example: '12号', description: 'As residents say it' })
  @IsString()
  @Length(1, 40)
  label!: string;
  @ApiProperty({ description: 'Metres on the lane schematic, as spaces' })
  @IsNumber()
  @Min(-10000)
  @Max(10000)
  x!: number;
  @ApiProperty() @IsNumber() @Min(-10000) @Max(10000) y!: number;
  @ApiPropertyOptional({ description: 'car_park only: a car park of the association' })
  @ValidateIf((dto: CreateLandmarkDto) => dto.kind === 'car_park' || dto.carParkId !== undefined)
  @IsUUID()
  carParkId?: string;
  @ApiPropertyOptional({ example: '出西口右转，沿二龙路向北约200米', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  directions?: string;
  @ApiPropertyOptional({ example: 4, description: 'Minutes on foot from this point' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(60)
  walkMinutes?: number;
}

export class UpdateLandmarkDto extends PartialType(CreateLandmarkDto) {}

export class LandmarkViewDto implements LandmarkView {
  @ApiProperty() id!: string;
  @ApiProperty() laneId!: string;
  @ApiProperty({ enum: LANDMARK_KINDS }) kind!: LandmarkKind;
  @ApiProperty() label!: string;
  @ApiProperty() x!: number;
  @ApiProperty() y!: number;
  @ApiProperty({ description: 'Metres from the lane start along its centre line' })
  chainage!: number;
  @ApiProperty({ enum: [-1, 0, 1] }) side!: -1 | 0 | 1;
  @ApiProperty({ nullable: true, type: String }) carParkId!: string | null;
  @ApiProperty() directions!: string;
  @ApiProperty({ nullable: true, type: Number }) walkMinutes!: number | null;
  @ApiProperty() updatedAt!: string;
}
