import { ApiPropertyOptional, ApiProperty, PartialType, OmitType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { parseBooleanQuery } from '../../common/query';
import { ScopedPageQuery } from '../../common/pagination';
import { ROLES, type Role } from '../../auth/role';

export class CreateMemberDto {
  @ApiProperty({ example: '王秀兰' }) @IsString() @Length(1, 60) name!: string;

  @ApiProperty({ example: '13800000031' })
  @IsString()
  @Matches(/^1\d{10}$/, { message: 'phone must be an 11-digit mobile number' })
  phone!: string;

  @ApiProperty({ enum: ROLES }) @IsIn(ROLES) role!: Role;

  @ApiPropertyOptional() @IsOptional() @IsUUID() householdId?: string;
  @ApiPropertyOptional({ description: 'Required for unit staff' })
  @IsOptional()
  @IsUUID()
  residentUnitId?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() partyMember?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() volunteer?: boolean;

  @ApiPropertyOptional({
    description: 'Initial password (8+ characters); without it the member cannot log in yet',
  })
  @IsOptional()
  @IsString()
  @Length(8, 200)
  password?: string;
}

export class UpdateMemberDto extends PartialType(
  OmitType(CreateMemberDto, ['householdId'] as const),
) {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}

export class MemberQuery extends ScopedPageQuery {
  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES) role?: Role;
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
