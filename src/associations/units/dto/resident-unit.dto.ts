import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { WeeklyRuleDto } from '../../../sharing/dto/offer.dto';
import { RESIDENT_UNIT_KINDS, type ResidentUnitKind } from '../../resident-unit.repository';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The agreement (协议) a resident unit signed with the association: each change a new version. */
export class AgreementDto {
  @ApiProperty({ example: '2026-01-01' })
  @Matches(DATE, { context: { format: 'YYYY-MM-DD' } })
  termFrom!: string;

  @ApiProperty({ example: '2026-12-31' })
  @Matches(DATE, { context: { format: 'YYYY-MM-DD' } })
  termTo!: string;

  @ApiProperty({ example: 30, description: 'How many places the unit lends' })
  @IsInt()
  @Min(1)
  @Max(5000)
  places!: number;

  @ApiProperty({ type: [WeeklyRuleDto], description: 'When the places are lent' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(14)
  @ValidateNested({ each: true })
  @Type(() => WeeklyRuleDto)
  windows!: WeeklyRuleDto[];

  @ApiProperty({ description: 'Who answers for what (免责条款), as signed' })
  @IsString()
  @Length(1, 4000)
  liability!: string;

  @ApiProperty({ example: '刘科长' }) @IsString() @Length(1, 60) contactName!: string;

  @ApiProperty({ example: '010-66001234', description: 'A mobile or a landline' })
  @IsString()
  @Matches(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, { context: { reason: 'field.phone' } })
  contactPhone!: string;

  @ApiProperty({ example: '2025-12-20' })
  @Matches(DATE, { context: { format: 'YYYY-MM-DD' } })
  signedOn!: string;

  @ApiPropertyOptional({
    example: 20,
    description: 'Per cent of the sharing fees the agreement gives the association; 0 or none',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  associationFeePercent?: number;
}

/** POST /api/resident-units: a unit of an association, registered with its agreement. */
export class RegisterUnitDto {
  @ApiProperty({ description: "The association; a council member's own" })
  @IsUUID()
  associationId!: string;

  @ApiProperty({ example: '金融街某单位' }) @IsString() @Length(1, 80) name!: string;

  @ApiProperty({ enum: RESIDENT_UNIT_KINDS })
  @IsIn(RESIDENT_UNIT_KINDS)
  kind!: ResidentUnitKind;

  @ApiPropertyOptional({ example: '二龙路12号' })
  @IsOptional()
  @IsString()
  @Length(0, 200)
  address?: string;

  @ApiProperty({ type: AgreementDto })
  @ValidateNested()
  @Type(() => AgreementDto)
  agreement!: AgreementDto;
}

/** PATCH /api/resident-units/:id: the unit's own particulars (the agreement changes by version). */
export class UpdateUnitDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 80) name?: string;

  @ApiPropertyOptional({ enum: RESIDENT_UNIT_KINDS })
  @IsOptional()
  @IsIn(RESIDENT_UNIT_KINDS)
  kind?: ResidentUnitKind;

  @ApiPropertyOptional() @IsOptional() @IsString() @Length(0, 200) address?: string;
}

/** GET /api/resident-units: a council lists its own; the street one association or all of its. */
export class ListUnitsQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() associationId?: string;
}

/** POST /api/resident-units/:id/staff: an account for someone at the unit's gate or office. */
export class AddUnitStaffDto {
  @ApiProperty({ example: '赵师傅' }) @IsString() @Length(1, 60) name!: string;

  @ApiProperty({ example: '13800000601' })
  @IsString()
  @Matches(/^1\d{10}$/, { context: { reason: 'field.phone' } })
  phone!: string;

  @ApiProperty({ description: '10+ characters, not a common one; they log in with it at once' })
  @IsString()
  @Length(1, 200)
  password!: string;
}
