import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role } from '../../auth/role';
import type { MemberResponse } from '../../shared/api/associations';

export class MemberView implements MemberResponse {
  @ApiProperty() id!: string;
  @ApiProperty() associationId!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) householdId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) residentUnitId!: string | null;
  @ApiProperty({ example: '王秀兰' }) name!: string;
  @ApiProperty({ example: '138****0001', description: 'Masked unless the reader needs it' })
  phone!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty() partyMember!: boolean;
  @ApiProperty() volunteer!: boolean;
  @ApiProperty() active!: boolean;
}
