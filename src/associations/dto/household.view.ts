import { ApiProperty } from '@nestjs/swagger';
import { MemberView } from './member.view';
import { VehicleView } from './vehicle.view';
import type { HouseholdDetail, HouseholdResponse } from '../../shared/api/associations';

export class HouseholdView implements HouseholdResponse {
  @ApiProperty() id!: string;
  @ApiProperty() associationId!: string;
  @ApiProperty({ example: '下岗胡同19号' }) address!: string;
  @ApiProperty({ nullable: true, type: String }) laneId!: string | null;
  @ApiProperty() memberCount!: number;
  @ApiProperty() vehicleCount!: number;
}

export class HouseholdDetailView extends HouseholdView implements HouseholdDetail {
  @ApiProperty({ type: [MemberView] }) members!: MemberView[];
  @ApiProperty({ type: [VehicleView] }) vehicles!: VehicleView[];
}
