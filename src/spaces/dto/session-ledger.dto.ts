import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';
import { PageQuery } from '../../common/pagination';

/** The period of the occupancy ledger: sessions that started in [from, to). */
export class SessionPeriodQuery {
  @ApiPropertyOptional() @IsOptional() @IsISO8601() from?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601() to?: string;
}

/** The same period, a page at a time: the list the ledger's export holds. */
export class SessionListQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsISO8601() from?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601() to?: string;
}

/** One occupancy session as the ledger shows it: the plate in full for the council only. */
export class SessionView {
  @ApiProperty({ example: 'XG-07' }) spaceCode!: string;
  @ApiProperty({ example: '京A·12345', description: 'Masked for street-office viewers' })
  plate!: string;
  @ApiProperty({ description: 'No registered vehicle: a visiting car' }) visitor!: boolean;
  @ApiProperty() startedAt!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) endedAt!: string | null;
  @ApiProperty() checkedInBy!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) checkedOutBy!: string | null;
  @ApiProperty({ enum: ['warden', 'sticker'] }) source!: string;
  @ApiPropertyOptional({ type: Boolean, nullable: true }) recorderOnDuty!: boolean | null;
}
