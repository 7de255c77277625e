import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PLATE_COLORS, type PlateColor } from '../../shared/plate';
import type { VehicleResponse } from '../../shared/api/associations';

export class VehicleView implements VehicleResponse {
  @ApiProperty() id!: string;
  @ApiProperty() associationId!: string;
  @ApiProperty() householdId!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) ownerMemberId!: string | null;
  @ApiProperty({
    example: '京A·12345',
    description: 'As painted; masked (京A·***45) unless the reader needs it',
  })
  plate!: string;
  @ApiProperty({ enum: PLATE_COLORS }) plateColor!: PlateColor;
}
