import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { PARAMETER_NAMES } from '../parameter-rules';
import { ParametersDto } from './parameters.dto';

export class FractionDto {
  @ApiProperty({ example: 2 }) @IsInt() @Min(0) @Max(100) numerator!: number;
  @ApiProperty({ example: 3 }) @IsInt() @Min(1) @Max(100) denominator!: number;
}

export class ArticleDto {
  @ApiProperty({ example: 5 }) @IsInt() @Min(1) @Max(99) number!: number;
  @ApiProperty({ example: '每户限一辆车在胡同车位停放。' })
  @IsString()
  @Length(1, 2000)
  text!: string;
  @ApiPropertyOptional({ example: ['vehiclesPerHousehold'], enum: PARAMETER_NAMES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsIn(PARAMETER_NAMES, { each: true })
  parameters?: string[];
}

class VersionFieldsDto {
  @ApiProperty({ example: '下岗胡同停车管理自治公约（修订）' })
  @IsString()
  @Length(1, 120)
  title!: string;

  @ApiPropertyOptional({
    type: [ArticleDto],
    description: 'The whole text; copied from the amended version when absent',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(60)
  @ValidateNested({ each: true })
  @Type(() => ArticleDto)
  articles?: ArticleDto[];

  @ApiPropertyOptional({ type: ParametersDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ParametersDto)
  parameters?: ParametersDto;

  @ApiPropertyOptional({ enum: ['household', 'member'], default: 'household' })
  @IsOptional()
  @IsIn(['household', 'member'])
  votingUnit?: 'household' | 'member';

  @ApiPropertyOptional({
    type: FractionDto,
    description: 'Share of voters who must vote (default 1/2)',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => FractionDto)
  quorum?: FractionDto;

  @ApiPropertyOptional({
    type: FractionDto,
    description: 'Share of yes votes needed (default 2/3)',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => FractionDto)
  threshold?: FractionDto;

  @ApiPropertyOptional({ default: true, description: 'Abstentions count in the threshold base' })
  @IsOptional()
  @IsBoolean()
  abstentionsCountAsCast?: boolean;

  @ApiPropertyOptional({ default: 7 }) @IsOptional() @IsInt() @Min(1) @Max(60) commentDays?: number;
  @ApiPropertyOptional({ default: 7 }) @IsOptional() @IsInt() @Min(1) @Max(60) votingDays?: number;
  @ApiPropertyOptional({ default: 7, description: '公示 days after the result' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(60)
  noticeDays?: number;

  @ApiPropertyOptional({ description: 'Never earlier than the end of the notice period' })
  @IsOptional()
  @IsDateString()
  proposedEffectiveFrom?: string;
}

export class DraftVersionDto extends VersionFieldsDto {
  @ApiPropertyOptional({ description: 'The version this amends; defaults to the one in force' })
  @IsOptional()
  @IsUUID()
  amendsVersionId?: string;
}

export class UpdateDraftDto extends PartialType(VersionFieldsDto) {}

export class CommentDto {
  @ApiPropertyOptional({ example: 3 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(99)
  articleNumber?: number;
  @ApiProperty({ example: '建议访客证每月增加到六次。' })
  @IsString()
  @Length(1, 2000)
  text!: string;
}

export class VoteDto {
  @ApiProperty({ enum: ['yes', 'no', 'abstain'] })
  @IsIn(['yes', 'no', 'abstain'])
  choice!: 'yes' | 'no' | 'abstain';
}
