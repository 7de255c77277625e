import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { associationToRead } from '../associations/scope';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { lastTwelveMonths } from '../common/months';
import { type Page, pageOf, type ScopedPageQuery, skipOf } from '../common/pagination';
import { Transactions } from '../database/transactions';
import { PermitsService } from '../permits/permits.service';
import type { FinanceEntryView, RecordFinanceEntryDto } from './dto/finance.dto';
import { directionOf } from './finance-categories';
import { type FinanceEntry, FinanceEntryRepository } from './finance-entry.repository';
import { canReadFinanceLines, canRecordFinance } from './finance.policy';
import type { FinanceSummary } from '../shared/api/board';

/**
 * The association's accounts (登记缴费, 收支公示): the council records income and spending with
 * receipts; permit fees count from the permits the moment a payment is recorded on one.
 */
@Injectable()
export class FinanceService {
  constructor(
    private readonly entries: FinanceEntryRepository,
    private readonly permits: PermitsService,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async record(actor: Actor, dto: RecordFinanceEntryDto): Promise<FinanceEntryView> {
    const associationId = actor.associationId;
    if (!canRecordFinance(actor, associationId)) throw new DomainError('council.only');
    if (directionOf(dto.category) !== dto.direction) {
      throw new DomainError('finance.category_mismatch', {
        category: dto.category,
        direction: dto.direction,
      });
    }
    const entry = await this.transactions.run((tx) =>
      this.entries.insert(
        tx,
        {
          associationId,
          direction: dto.direction,
          category: dto.category,
          amountCny: dto.amountCny,
          occurredOn: dto.occurredOn,
          note: dto.note ?? '',
          receiptNo: dto.receiptNo ?? null,
        },
        actor.memberId,
      ),
    );
    return toView(entry);
  }

  /** A page of the lines, in the ledger's order: every line the export holds, page by page. */
  async list(actor: Actor, query: ScopedPageQuery): Promise<Page<FinanceEntryView>> {
    const associationId = associationToRead(actor, query.associationId);
    if (!canReadFinanceLines(actor, associationId)) throw new DomainError('council.only');
    const { rows, total } = await this.entries.page(associationId, skipOf(query), query.pageSize);
    return pageOf(rows.map(toView), total, query);
  }

  /** The last twelve months' totals, for the public board: no names, no receipts. */
  async monthlyTotals(associationId: string): Promise<FinanceSummary> {
    const months = lastTwelveMonths(this.clock.now());
    const since = `${months[0]!}-01`;
    const [fees, lines] = await Promise.all([
      this.permits.feesPaidByMonth(associationId, new Date(`${since}T00:00:00+08:00`)),
      this.entries.byMonth(associationId, since),
    ]);
    return {
      months: months.map((month) => {
        const fee = fees.find((f) => f.month === month)?.feeCny ?? 0;
        const sum = (direction: string) =>
          lines
            .filter((l) => l.month === month && l.direction === direction)
            .reduce((total, l) => total + l.total, 0);
        return {
          month,
          incomeCny: round(fee + sum('income')),
          expenseCny: round(sum('expense')),
        };
      }),
    };
  }
}

const round = (cny: number) => Math.round(cny * 100) / 100;

function toView(entry: FinanceEntry): FinanceEntryView {
  return {
    id: entry.id,
    direction: entry.direction,
    category: entry.category,
    amountCny: entry.amountCny,
    occurredOn: entry.occurredOn,
    note: entry.note,
    receiptNo: entry.receiptNo,
  };
}
