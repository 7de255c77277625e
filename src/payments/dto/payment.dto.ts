import { IsYuan } from '../../common/yuan';
import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDateString, IsIn, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { ScopedPageQuery } from '../../common/pagination';
import { PAYMENT_METHODS, type PaymentMethod } from '../payment';
import type { PaymentResponse } from '../../shared/api/payments';

/** The fields of a payment the council records (登记缴费), on a permit or an allocation. */
export class RecordPaymentDto {
  @ApiProperty({ example: 150, description: 'Yuan received, with fen (no payment gateway)' })
  @Type(() => Number)
  @IsYuan()
  @Min(0.01)
  @Max(1_000_000)
  amountCny!: number;

  @ApiPropertyOptional({ enum: PAYMENT_METHODS, default: 'cash' })
  @IsOptional()
  @IsIn(PAYMENT_METHODS)
  method?: PaymentMethod;

  @ApiPropertyOptional({ example: '0042', description: 'Once per association' })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  receiptNumber?: string;

  @ApiPropertyOptional({ example: '现金，收据 No. 0042' })
  @IsOptional()
  @IsString()
  @Length(0, 200)
  note?: string;
}

export class PaymentQuery extends ScopedPageQuery {
  @ApiPropertyOptional({
    example: '2026-11-01T00:00:00+08:00',
    description: 'Recorded at or after',
  })
  @IsOptional()
  @IsDateString()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-01T00:00:00+08:00', description: 'Recorded before' })
  @IsOptional()
  @IsDateString()
  to?: string;
}

/** One row of the payment ledger (收费台账); flat, so a spreadsheet export can reuse it. */
export class PaymentView implements PaymentResponse {
  @ApiProperty() id!: string;
  @ApiProperty() recordedAt!: string;
  @ApiProperty({ enum: ['permit', 'allocation'] }) subject!: 'permit' | 'allocation';
  @ApiPropertyOptional({ nullable: true, type: String }) permitId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) allocationId!: string | null;
  @ApiProperty({ example: '停车证 No.1042', description: 'What was paid for' }) reference!: string;
  @ApiProperty({ example: '京A·12345' }) plate!: string;
  @ApiPropertyOptional({ nullable: true, type: String, example: '下岗胡同3号' })
  household!: string | null;
  @ApiProperty({ example: 150 }) amountCny!: number;
  @ApiProperty({ enum: PAYMENT_METHODS }) method!: PaymentMethod;
  @ApiPropertyOptional({ nullable: true, type: String }) receiptNumber!: string | null;
  @ApiProperty() note!: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Who recorded it' })
  recordedBy!: string | null;
}

/** The ledger's export takes the list's filters, so both show the same rows. */
export class PaymentLedgerQuery extends OmitType(PaymentQuery, ['page', 'pageSize'] as const) {}
