import { Injectable } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { Transactions, type Tx } from '../database/transactions';
import type { NewPayment, Payment, PaymentMethod } from './payment';

interface PaymentRow {
  id: string;
  association_id: string;
  permit_id: string | null;
  allocation_id: string | null;
  household_id: string | null;
  plate: string;
  reference: string;
  amount_cny: string;
  method: PaymentMethod;
  receipt_number: string | null;
  note: string;
  recorded_by: string | null;
  recorded_at: Date;
}

const COLUMNS = `id, association_id, permit_id, allocation_id, household_id, plate, reference,
  amount_cny, method, receipt_number, note, recorded_by, recorded_at`;

export interface PaymentFilter {
  associationId: string;
  from?: Date;
  to?: Date;
}

/** The only SQL of the `payment` table: rows are added, never changed. */
@Injectable()
export class PaymentRepository {
  constructor(private readonly transactions: Transactions) {}

  async insert(payment: NewPayment, tx: Tx): Promise<Payment> {
    const subject = payment.subject;
    try {
      const rows = await tx.query<PaymentRow[]>(
        `INSERT INTO payment (association_id, permit_id, allocation_id, household_id, plate,
           reference, amount_cny, method, receipt_number, note, recorded_by, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING ${COLUMNS}`,
        [
          payment.associationId,
          'permitId' in subject ? subject.permitId : null,
          'allocationId' in subject ? subject.allocationId : null,
          payment.householdId,
          payment.plate,
          payment.reference,
          payment.amountCny,
          payment.method,
          payment.receiptNumber,
          payment.note,
          payment.recordedBy,
          payment.recordedAt,
        ],
      );
      return toPayment(rows[0]!);
    } catch (error) {
      const constraint = (error instanceof QueryFailedError ? error.driverError : {}) as {
        constraint?: string;
      };
      if (constraint.constraint === 'payment_receipt_key')
        throw new DomainError('payment.receipt_repeated', { receiptNumber: payment.receiptNumber });
      throw error;
    }
  }

  /** The ledger, latest first. */
  async page(filter: PaymentFilter, skip: number, take: number): Promise<[Payment[], number]> {
    const [condition, params] = filterSql(filter);
    const db = this.transactions.autocommit;
    const rows = await db.query<PaymentRow[]>(
      `SELECT ${COLUMNS} FROM payment WHERE ${condition}
        ORDER BY recorded_at DESC, id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, take, skip],
    );
    const [counted] = await db.query<{ count: string }[]>(
      `SELECT count(*) FROM payment WHERE ${condition}`,
      params,
    );
    return [rows.map(toPayment), Number(counted?.count ?? 0)];
  }

  /** The whole ledger in the list's order, a batch at a time (keyset, so memory stays bounded). */
  async *inLedgerOrder(filter: PaymentFilter, batch = 500): AsyncGenerator<Payment[]> {
    const [condition, params] = filterSql(filter);
    const n = params.length;
    // The time as text: a Date would drop its microseconds and skip rows of one millisecond.
    let after: { recordedAt: string; id: string } | null = null;
    for (;;) {
      const rows: (PaymentRow & { key_at: string })[] = await this.transactions.autocommit.query(
        `SELECT ${COLUMNS}, recorded_at::text AS key_at FROM payment WHERE ${condition}
           AND ($${n + 1}::timestamptz IS NULL OR (recorded_at, id) < ($${n + 1}, $${n + 2}::uuid))
          ORDER BY recorded_at DESC, id DESC LIMIT $${n + 3}`,
        [...params, after?.recordedAt ?? null, after?.id ?? null, batch],
      );
      if (rows.length === 0) return;
      const payments = rows.map(toPayment);
      yield payments;
      const last = rows[rows.length - 1]!;
      after = { recordedAt: last.key_at, id: last.id };
      if (rows.length < batch) return;
    }
  }
}

function filterSql(filter: PaymentFilter): [string, unknown[]] {
  const params: unknown[] = [filter.associationId];
  const where = ['association_id = $1'];
  if (filter.from) where.push(`recorded_at >= $${params.push(filter.from)}`);
  if (filter.to) where.push(`recorded_at < $${params.push(filter.to)}`);
  return [where.join(' AND '), params];
}

function toPayment(row: PaymentRow): Payment {
  return {
    id: row.id,
    associationId: row.association_id,
    subject: row.permit_id ? { permitId: row.permit_id } : { allocationId: row.allocation_id! },
    householdId: row.household_id,
    plate: row.plate,
    reference: row.reference,
    amountCny: Number(row.amount_cny),
    method: row.method,
    receiptNumber: row.receipt_number,
    note: row.note,
    recordedBy: row.recorded_by,
    recordedAt: row.recorded_at,
  };
}
