import { Injectable } from '@nestjs/common';
import { Transactions, type Tx } from '../database/transactions';
import type { FinanceCategory, FinanceDirection } from './finance-categories';

export interface FinanceEntry {
  id: string;
  associationId: string;
  direction: FinanceDirection;
  category: FinanceCategory;
  amountCny: number;
  occurredOn: string;
  note: string;
  receiptNo: string | null;
}

interface Row {
  id: string;
  association_id: string;
  direction: FinanceDirection;
  category: FinanceCategory;
  amount_cny: string;
  occurred_on: string;
  note: string;
  receipt_no: string | null;
}

const COLUMNS = `id, association_id, direction, category, amount_cny,
  to_char(occurred_on, 'YYYY-MM-DD') AS occurred_on, note, receipt_no`;

/** The only SQL of `finance_entry`. */
@Injectable()
export class FinanceEntryRepository {
  constructor(private readonly transactions: Transactions) {}

  async insert(tx: Tx, entry: Omit<FinanceEntry, 'id'>, recordedBy: string): Promise<FinanceEntry> {
    const rows: Row[] = await tx.query(
      `INSERT INTO finance_entry (association_id, direction, category, amount_cny, occurred_on,
                                  note, receipt_no, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLUMNS}`,
      [
        entry.associationId,
        entry.direction,
        entry.category,
        entry.amountCny,
        entry.occurredOn,
        entry.note,
        entry.receiptNo,
        recordedBy,
      ],
    );
    return toEntry(rows[0]!);
  }

  /**
   * A page of the association's lines, newest first: the ledger's order (a day's lines by when
   * they were recorded), so page after page reads exactly what the export holds.
   */
  async page(
    associationId: string,
    skip: number,
    take: number,
    tx: Tx = this.transactions.autocommit,
  ): Promise<{ rows: FinanceEntry[]; total: number }> {
    const [rows, counted] = await Promise.all([
      tx.query<Row[]>(
        `SELECT ${COLUMNS} FROM finance_entry WHERE association_id = $1
          ORDER BY occurred_on DESC, created_at DESC, id DESC LIMIT $2 OFFSET $3`,
        [associationId, take, skip],
      ),
      tx.query<{ count: string }[]>(
        `SELECT count(*) FROM finance_entry WHERE association_id = $1`,
        [associationId],
      ),
    ]);
    return { rows: rows.map(toEntry), total: Number(counted[0]?.count ?? 0) };
  }

  /** Every line in the list's order, a batch at a time (keyset, so memory stays bounded). */
  async *inLedgerOrder(associationId: string, batch = 500): AsyncGenerator<FinanceEntry[]> {
    // The recording time as text: a Date would drop its microseconds, and lines recorded in one
    // transaction share their `now()` to the microsecond.
    let after: { occurredOn: string; createdAt: string; id: string } | null = null;
    for (;;) {
      const rows: (Row & { created_key: string })[] = await this.transactions.autocommit.query(
        `SELECT ${COLUMNS}, created_at::text AS created_key FROM finance_entry
          WHERE association_id = $1
            AND ($2::date IS NULL OR (occurred_on, created_at, id) < ($2, $3::timestamptz, $4::uuid))
          ORDER BY occurred_on DESC, created_at DESC, id DESC LIMIT $5`,
        [
          associationId,
          after?.occurredOn ?? null,
          after?.createdAt ?? null,
          after?.id ?? null,
          batch,
        ],
      );
      if (rows.length === 0) return;
      yield rows.map(toEntry);
      const last = rows[rows.length - 1]!;
      after = { occurredOn: last.occurred_on, createdAt: last.created_key, id: last.id };
      if (rows.length < batch) return;
    }
  }

  /** Income and spending by month from `since` (a 'YYYY-MM-DD' date). */
  async byMonth(associationId: string, since: string, tx: Tx = this.transactions.autocommit) {
    const rows: { month: string; direction: FinanceDirection; total: string }[] = await tx.query(
      `SELECT to_char(occurred_on, 'YYYY-MM') AS month, direction, sum(amount_cny) AS total
         FROM finance_entry WHERE association_id = $1 AND occurred_on >= $2
        GROUP BY 1, 2`,
      [associationId, since],
    );
    return rows.map((r) => ({ month: r.month, direction: r.direction, total: Number(r.total) }));
  }
}

function toEntry(row: Row): FinanceEntry {
  return {
    id: row.id,
    associationId: row.association_id,
    direction: row.direction,
    category: row.category,
    amountCny: Number(row.amount_cny),
    occurredOn: row.occurred_on,
    note: row.note,
    receiptNo: row.receipt_no,
  };
}
