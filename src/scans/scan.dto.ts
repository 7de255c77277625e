import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDateString,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Min,
} from 'class-validator';
import { PageQuery } from '../common/pagination';
import { VERDICT_CAUSES, VERDICTS, type Verdict, type VerdictCause } from '../shared/scans/verdict';
import type { HolderScan } from '../shared/api/permits';

export class ScanDto {
  @ApiPropertyOptional({ description: 'The QR content (a signed permit token)' })
  @IsOptional()
  @IsString()
  @Length(20, 1000)
  token?: string;

  @ApiPropertyOptional({
    example: 1042,
    description: 'Typed from the card when the QR will not scan',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  permitNumber?: number;

  @ApiPropertyOptional({ example: '京A·12345', description: 'Typed plate alone: finds its permit' })
  @IsOptional()
  @IsString()
  @Length(5, 20)
  plate?: string;

  @ApiPropertyOptional({ example: '京A12345', description: 'The plate the warden sees on the car' })
  @IsOptional()
  @IsString()
  @Length(5, 20)
  plateSeen?: string;

  @ApiPropertyOptional() @IsOptional() @IsUUID() laneId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() carParkId?: string;

  @ApiPropertyOptional({ example: 'XG-07' })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  spaceLabel?: string;

  @ApiPropertyOptional({ description: 'When the scan happened (offline scans); now when omitted' })
  @IsOptional()
  @IsDateString()
  scannedAt?: string;

  @ApiProperty({ example: '6f1c2a9e-offline-0001', description: 'The same key twice records once' })
  @IsString()
  @Length(8, 100)
  @Matches(/^[\w.:-]+$/, { message: 'idempotencyKey: letters, digits and . _ : - only' })
  idempotencyKey!: string;

  @ApiPropertyOptional({ description: 'Verified on the phone without network, synced later' })
  @IsOptional()
  @IsBoolean()
  offline?: boolean;
}

export class ScanPermitView {
  @ApiProperty() number!: number;
  @ApiProperty() kind!: string;
  @ApiProperty({ example: '京A·12345' }) plate!: string;
  @ApiProperty() validTo!: Date;
}

export class ScanView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: VERDICTS }) verdict!: Verdict;
  @ApiProperty({ enum: VERDICT_CAUSES, description: 'Why, more precisely than the verdict' })
  cause!: VerdictCause;
  @ApiProperty({
    example: '有效，可以停放',
    description: 'The cause as a sentence in the reader’s language (Accept-Language)',
  })
  reason!: string;
  @ApiProperty({ description: 'This idempotency key was already recorded; this is that scan' })
  replayed!: boolean;
  @ApiPropertyOptional({ type: ScanPermitView, nullable: true }) permit!: ScanPermitView | null;
  @ApiProperty() scannedAt!: Date;
  @ApiPropertyOptional({
    type: Boolean,
    nullable: true,
    description: 'Whether the scanning warden was signed in on a shift then; null for the council',
  })
  recorderOnDuty!: boolean | null;
}

export class ScanQuery extends PageQuery {}

/** The council's and wardens' list of scans, over a period; the export takes the same filter. */
export class ScanListQuery extends ScanQuery {
  @ApiPropertyOptional({ example: '2026-11-01T00:00:00+08:00', description: 'Scanned at or after' })
  @IsOptional()
  @IsDateString()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-01T00:00:00+08:00', description: 'Scanned before' })
  @IsOptional()
  @IsDateString()
  to?: string;
}

export class ScanLedgerQuery extends OmitType(ScanListQuery, ['page', 'pageSize'] as const) {}

export class HolderScanView implements HolderScan {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: VERDICTS }) verdict!: Verdict;
  @ApiProperty({ enum: VERDICT_CAUSES }) cause!: VerdictCause;
  @ApiProperty({ example: '有效，可以停放', description: 'The cause in the reader’s language' })
  reason!: string;
  @ApiProperty({ type: ScanPermitView }) permit!: ScanPermitView;
  @ApiProperty() scannedAt!: Date;
  @ApiPropertyOptional({ type: String, nullable: true, example: '下岗胡同' })
  laneName!: string | null;
  @ApiProperty({ description: "At a unit's shared car park" }) atCarPark!: boolean;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'XG-07' })
  spaceLabel!: string | null;
}
