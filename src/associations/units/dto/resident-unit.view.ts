import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RESIDENT_UNIT_KINDS, type ResidentUnitKind } from '../../resident-unit.repository';
import type {
  AgreementResponse,
  AgreementWindow,
  ResidentUnitDetail,
  ResidentUnitList,
  ResidentUnitResponse,
  UnitStaff,
} from '../../../shared/api/units';

export class AgreementWindowView implements AgreementWindow {
  @ApiProperty({ enum: ['weekdays', 'weekends', 'daily', 'custom'] })
  days!: AgreementWindow['days'];
  @ApiPropertyOptional({ type: [Number] }) weekdays?: number[];
  @ApiProperty({ example: '19:00' }) from!: string;
  @ApiProperty({ example: '07:30' }) to!: string;
}

export class AgreementView implements AgreementResponse {
  @ApiProperty({ example: 1 }) version!: number;
  @ApiProperty({ example: '2026-01-01' }) termFrom!: string;
  @ApiProperty({ example: '2026-12-31' }) termTo!: string;
  @ApiProperty() places!: number;
  @ApiProperty({ type: [AgreementWindowView] }) windows!: AgreementWindowView[];
  @ApiProperty() liability!: string;
  @ApiProperty() contactName!: string;
  @ApiProperty() contactPhone!: string;
  @ApiProperty({ example: '2025-12-20' }) signedOn!: string;
  @ApiProperty() associationFeePercent!: number;
  @ApiProperty() recordedAt!: string;
}

export class UnitStaffView implements UnitStaff {
  @ApiProperty() id!: string;
  @ApiProperty({ example: '赵师傅' }) name!: string;
  @ApiProperty({ example: '138****0601' }) phone!: string;
}

export class ResidentUnitView implements ResidentUnitResponse {
  @ApiProperty() id!: string;
  @ApiProperty() associationId!: string;
  @ApiProperty({ example: '4143车友会' }) associationName!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: RESIDENT_UNIT_KINDS }) kind!: ResidentUnitKind;
  @ApiProperty() address!: string;
  @ApiPropertyOptional({ type: AgreementView, nullable: true, description: 'The current version' })
  agreement!: AgreementView | null;
  @ApiProperty({ description: 'Staff accounts of the unit' }) staffCount!: number;
}

export class ResidentUnitDetailView extends ResidentUnitView implements ResidentUnitDetail {
  @ApiProperty({ type: [AgreementView], description: 'Every version, the newest first' })
  history!: AgreementView[];
  @ApiProperty({ type: [UnitStaffView] }) staff!: UnitStaffView[];
}

export class ResidentUnitListView implements ResidentUnitList {
  @ApiProperty({ type: [ResidentUnitView] }) units!: ResidentUnitView[];
}
