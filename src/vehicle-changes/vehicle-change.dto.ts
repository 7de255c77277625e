import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { PageQuery } from '../common/pagination';
import { PLATE_COLORS, type PlateColor } from '../shared/plate';
import { VEHICLE_CHANGE_STATUSES, type VehicleChangeStatus } from './vehicle-change.repository';
import type {
  VehicleChangeResponse,
  VehicleChangeRuleResponse,
} from '../shared/api/vehicle-changes';

export class RequestVehicleChangeDto {
  @ApiPropertyOptional({
    description: "The household's car whose plate changes; omit for a new car",
  })
  @IsOptional()
  @IsUUID()
  vehicleId?: string;

  @ApiProperty({ example: '京A·12345', description: 'Separators, case and O/0, I/1 are fixed' })
  @IsString()
  @Length(1, 20)
  plate!: string;

  @ApiPropertyOptional({ enum: PLATE_COLORS, description: 'Inferred from the plate when omitted' })
  @IsOptional()
  @IsIn(PLATE_COLORS)
  plateColor?: PlateColor;
}

export class ApproveVehicleChangeDto {
  @ApiPropertyOptional({ example: '已核对行驶证。' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  note?: string;
}

export class RefuseVehicleChangeDto {
  @ApiProperty({ example: '行驶证上的车主不是本户成员。', description: 'Shown to the household' })
  @IsString()
  @Length(1, 500)
  note!: string;
}

export class VehicleChangeQuery extends PageQuery {
  @ApiPropertyOptional({ enum: VEHICLE_CHANGE_STATUSES })
  @IsOptional()
  @IsIn(VEHICLE_CHANGE_STATUSES)
  status?: VehicleChangeStatus;
}

export class VehicleChangeView implements VehicleChangeResponse {
  @ApiProperty() id!: string;
  @ApiProperty() householdId!: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'null: a new car not yet in' })
  vehicleId!: string | null;
  @ApiProperty({ enum: ['add', 'edit'] }) kind!: 'add' | 'edit';
  @ApiProperty({ example: '京A·12345' }) plate!: string;
  @ApiProperty({ enum: PLATE_COLORS }) plateColor!: PlateColor;
  @ApiProperty({
    enum: VEHICLE_CHANGE_STATUSES,
    description: 'applied: entered at once (no approval needed); approved / refused by the council',
  })
  status!: VehicleChangeStatus;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: "The council's written reason",
  })
  decisionNote!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) decidedAt!: string | null;
  @ApiProperty() requestedAt!: string;
}

export class VehicleChangeRuleView implements VehicleChangeRuleResponse {
  @ApiProperty({
    description: "The convention makes residents' vehicle changes wait for the council",
  })
  needsApproval!: boolean;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'The article that says so' })
  approvalArticle!: number | null;
  @ApiProperty({ description: 'How many of a household’s cars may hold a permit at once' })
  vehiclesPerHousehold!: number;
  @ApiPropertyOptional({ type: Number, nullable: true }) quotaArticle!: number | null;
}
