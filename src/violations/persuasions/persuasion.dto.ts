import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsDateString,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
} from 'class-validator';
import { PageQuery } from '../../common/pagination';
import { PERSUASION_OUTCOMES, type PersuasionOutcome } from './persuasion';
import { PHOTO_DATA_URL_MAX_CHARS, PHOTO_MAX_BYTES } from './persuasion-photo';
import type {
  MonthlyPersuasionCount as MonthlyPersuasionCountShape,
  PersuasionKind,
  PersuasionResponse,
  RecordedOutcome,
} from '../../shared/api/violations';

/** What the warden said and what came of it: with a violation, or alone. */
export class PersuasionFieldsDto {
  @ApiPropertyOptional({ example: '请您挪到东口空位，这里是消防通道。' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
  @ApiPropertyOptional({ enum: PERSUASION_OUTCOMES, description: 'Given: a persuasion record' })
  @IsOptional()
  @IsIn(PERSUASION_OUTCOMES)
  outcome?: PersuasionOutcome;
}

export class RecordPersuasionDto {
  @ApiProperty({ example: '京A·12345' }) @IsString() @Length(5, 20) plate!: string;
  @ApiProperty({ example: '下岗胡同东口' }) @IsString() @Length(1, 120) place!: string;
  @ApiPropertyOptional({ example: '车主答应五分钟内挪走。' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
  @ApiProperty({ enum: PERSUASION_OUTCOMES })
  @IsIn(PERSUASION_OUTCOMES)
  outcome!: PersuasionOutcome;
  @ApiPropertyOptional({ description: 'Now when omitted; never in the future' })
  @IsOptional()
  @IsDateString()
  occurredAt?: string;
}

export class RecordGuidanceDto {
  @ApiPropertyOptional({ example: '引导至XG-12' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  place?: string;
}

export class AddPhotoDto {
  @ApiProperty({
    description: `data:image/jpeg|png;base64,… of at most ${PHOTO_MAX_BYTES} bytes; metadata (EXIF, GPS) is removed`,
  })
  @IsString()
  @MaxLength(PHOTO_DATA_URL_MAX_CHARS)
  photo!: string;
}

export class PersuasionQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() violationId?: string;
}

export class PersuasionView implements PersuasionResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['persuasion', 'guidance'] }) kind!: PersuasionKind;
  @ApiPropertyOptional({ type: String, nullable: true }) violationId!: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Masked unless staff or the household',
  })
  plate!: string | null;
  @ApiProperty() place!: string;
  @ApiProperty() note!: string;
  @ApiProperty({ enum: [...PERSUASION_OUTCOMES, 'guided'] }) outcome!: RecordedOutcome;
  @ApiProperty() occurredAt!: Date;
  @ApiProperty({
    type: [String],
    description: 'GET /api/persuasions/{id}/photos/{photoId}: staff and the household only',
  })
  photoIds!: string[];
}

export class MonthlyPersuasionCount implements MonthlyPersuasionCountShape {
  @ApiProperty({ example: '2026-11' }) month!: string;
  @ApiProperty({ enum: [...PERSUASION_OUTCOMES, 'guided'] }) outcome!: RecordedOutcome;
  @ApiProperty() count!: number;
}
