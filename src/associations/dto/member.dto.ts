import { ApiPropertyOptional, ApiProperty, PartialType, OmitType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { parseBooleanQuery } from '../../common/query';
import { ScopedPageQuery } from '../../common/pagination';
import { ASSOCIATION_ROLES, type Role } from '../../auth/role';

export class CreateMemberDto {
  @ApiProperty({ example: '王秀兰' }) @IsString() @Length(1, 60) name!: string;

  @ApiProperty({ example: '13800000031' })
  @IsString()
  @Matches(/^1\d{10}$/, { context: { reason: 'field.phone' } })
  phone!: string;

  @ApiProperty({ enum: ASSOCIATION_ROLES }) @IsIn(ASSOCIATION_ROLES) role!: Role;

  @ApiPropertyOptional() @IsOptional() @IsUUID() householdId?: string;
  @ApiPropertyOptional({ description: 'Required for unit staff' })
  @IsOptional()
  @IsUUID()
  residentUnitId?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() partyMember?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() volunteer?: boolean;

  @ApiPropertyOptional({
    description:
      'Initial password (10+ characters, not a common one); without it the member cannot log in yet',
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  password?: string;
}

/**
 * Who may change which field is the policy's (associations.policy.ts, canChangeMember): a member
 * their own name and password; the council everything else of its members.
 */
export class UpdateMemberDto extends PartialType(
  OmitType(CreateMemberDto, ['householdId'] as const),
) {
  @ApiPropertyOptional({ description: 'The council only' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ description: 'Required when changing your own password' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  currentPassword?: string;
}

export class MemberQuery extends ScopedPageQuery {
  @ApiPropertyOptional({ enum: ASSOCIATION_ROLES })
  @IsOptional()
  @IsIn(ASSOCIATION_ROLES)
  role?: Role;
  @ApiPropertyOptional() @IsOptional() @IsUUID() householdId?: string;
  @ApiPropertyOptional({ description: 'Name or phone contains' })
  @IsOptional()
  @IsString()
  @Length(1, 60)
  search?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => parseBooleanQuery(value))
  @IsBoolean()
  volunteer?: boolean;
}
