import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { ScopedPageQuery } from '../../common/pagination';
import { PLATE_COLORS, type PlateColor } from '../../shared/plate';

export class CreateVehicleDto {
  @ApiProperty({
    example: '京A·12345',
    description: 'Separators, case and O/0, I/1 mix-ups are fixed on entry',
  })
  @IsString()
  @Length(1, 20)
  plate!: string;

  @ApiPropertyOptional({ enum: PLATE_COLORS, description: 'Inferred from the plate when omitted' })
  @IsOptional()
  @IsIn(PLATE_COLORS)
  plateColor?: PlateColor;

  @ApiPropertyOptional({
    description: "The council names the household; a resident's vehicle joins their own",
  })
  @IsOptional()
  @IsUUID()
  householdId?: string;

  @ApiPropertyOptional() @IsOptional() @IsUUID() ownerMemberId?: string;
}

export class UpdateVehicleDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 20) plate?: string;
  @ApiPropertyOptional({ enum: PLATE_COLORS })
  @IsOptional()
  @IsIn(PLATE_COLORS)
  plateColor?: PlateColor;
  @ApiPropertyOptional() @IsOptional() @IsUUID() ownerMemberId?: string;
}

export class VehicleQuery extends ScopedPageQuery {
  @ApiPropertyOptional({ description: 'Plate contains (normalised)' })
  @IsOptional()
  @IsString()
  @Length(1, 16)
  plate?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() householdId?: string;
}
