import { ApiProperty } from '@nestjs/swagger';
import { MemberView } from './member.view';
import { VehicleView } from './vehicle.view';

export class HouseholdView {
  @ApiProperty() id!: string;
  @ApiProperty() associationId!: string;
  @ApiProperty({ example: '下岗胡同19号' }) address!: string;
  @ApiProperty() memberCount!: number;
  @ApiProperty() vehicleCount!: number;
}

export class HouseholdDetailView extends HouseholdView {
  @ApiProperty({ type: [MemberView] }) members!: MemberView[];
  @ApiProperty({ type: [VehicleView] }) vehicles!: VehicleView[];
}
