import { IsYuan } from '../../common/yuan';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { FINANCE_CATEGORIES, type FinanceCategory } from '../finance-categories';
import type { FinanceMonth, FinanceSummary } from '../../shared/api/board';

/** POST /api/finance/entries: one line of the accounts, with its receipt. */
export class RecordFinanceEntryDto {
  @ApiProperty({ enum: ['income', 'expense'] })
  @IsIn(['income', 'expense'])
  direction!: 'income' | 'expense';

  @ApiProperty({ enum: FINANCE_CATEGORIES, example: 'wardens_pay' })
  @IsIn(FINANCE_CATEGORIES)
  category!: FinanceCategory;

  @ApiProperty({ example: 3000, description: 'CNY, up to two decimals' })
  @IsYuan()
  @Min(0.01)
  @Max(9_999_999)
  amountCny!: number;

  @ApiProperty({ example: '2026-03-05', description: 'Beijing date' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  occurredOn!: string;

  @ApiPropertyOptional({ example: '三月红袖标补贴' })
  @IsOptional()
  @IsString()
  @Length(0, 200)
  note?: string;

  @ApiPropertyOptional({ example: 'NO.20260305-01', description: 'The receipt (票据) number' })
  @IsOptional()
  @IsString()
  @Length(1, 60)
  receiptNo?: string;
}

export class FinanceEntryView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['income', 'expense'] }) direction!: 'income' | 'expense';
  @ApiProperty({ enum: FINANCE_CATEGORIES }) category!: FinanceCategory;
  @ApiProperty() amountCny!: number;
  @ApiProperty() occurredOn!: string;
  @ApiProperty() note!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) receiptNo!: string | null;
}

export class FinanceMonthView implements FinanceMonth {
  @ApiProperty({ example: '2026-03' }) month!: string;
  @ApiProperty({ description: 'Permit fees paid that month plus recorded income' })
  incomeCny!: number;
  @ApiProperty() expenseCny!: number;
}

export class FinanceSummaryView implements FinanceSummary {
  @ApiProperty({
    type: [FinanceMonthView],
    description: 'The last 12 Beijing months, oldest first',
  })
  months!: FinanceMonthView[];
}
