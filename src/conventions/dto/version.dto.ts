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

/**
 * Adoption rules (who votes, quorum, threshold, periods). On a draft they are its content: they
 * govern amendments of it once it is in force. Left out, they are those of the amended version.
 */
export class AdoptionRulesDto {
  @ApiPropertyOptional({ enum: ['household', 'member'] })
  @IsOptional()
  @IsIn(['household', 'member'])
  votingUnit?: 'household' | 'member';

  @ApiPropertyOptional({ type: FractionDto, description: 'Share of voters who must vote' })
  @IsOptional()
  @ValidateNested()
  @Type(() => FractionDto)
  quorum?: FractionDto;

  @ApiPropertyOptional({ type: FractionDto, description: 'Share of yes votes needed' })
  @IsOptional()
  @ValidateNested()
  @Type(() => FractionDto)
  threshold?: FractionDto;

  @ApiPropertyOptional({ description: 'Abstentions count in the threshold base' })
  @IsOptional()
  @IsBoolean()
  abstentionsCountAsCast?: boolean;

  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(60) commentDays?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(60) votingDays?: number;
  @ApiPropertyOptional({ description: '公示 days after the result' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(60)
  noticeDays?: number;
}

class VersionFieldsDto extends AdoptionRulesDto {
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

  @ApiPropertyOptional({
    example: 10,
    description: 'The article stating the adoption rules; kept from the amended version if absent',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(99)
  adoptionArticle?: number;

  @ApiPropertyOptional({
    type: AdoptionRulesDto,
    description:
      'Rules for this draft’s own vote: those in force (article 10) unless stricter ones are asked for; looser ones are refused',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => AdoptionRulesDto)
  ballot?: AdoptionRulesDto;

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

export class CommentReplyDto {
  @ApiProperty({ example: '感谢建议。访客证次数将在下次修订时讨论。' })
  @IsString()
  @Length(1, 2000)
  text!: string;
}

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
