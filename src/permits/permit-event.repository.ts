import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Tx } from '../database/transactions';
import type { PermitKind } from './permit-token';
import type { PermitEventType } from '../shared/api/permits';

export { PERMIT_EVENT_TYPES, type PermitEventType } from '../shared/api/permits';

/** One row of a permit's ledger (台账): who (null: the system) did what, when and why. */
export interface PermitEventRecord {
  permitId: string;
  associationId: string;
  type: PermitEventType;
  actorMemberId: string | null;
  reason?: string;
  details?: Record<string, unknown>;
  at: Date;
}

export interface PermitEvent {
  id: string;
  permitId: string;
  type: PermitEventType;
  actorMemberId: string | null;
  reason: string;
  at: Date;
}

/** A ledger row with the permit it is about, for the association's CSV. */
export interface LedgerLine extends PermitEvent {
  permitNumber: number;
  householdId: string | null;
  plate: string;
  kind: PermitKind;
}

/** The latest suspension, reinstatement or revocation of a permit. */
export interface RevocationLine {
  number: number;
  type: 'suspended' | 'reinstated' | 'revoked';
  until: Date | null;
  at: Date;
}

interface EventRow {
  id: string;
  permit_id: string;
  type: PermitEventType;
  actor_member_id: string | null;
  reason: string;
  at: Date;
}

/** The only code that speaks SQL to `permit_event`, the append-only ledger of transitions. */
@Injectable()
export class PermitEventRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Written in the transition's own transaction: no change without its ledger row. */
  async record(event: PermitEventRecord, tx: Tx): Promise<void> {
    await tx.query(
      `INSERT INTO permit_event (permit_id, association_id, type, actor_member_id, reason, details, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        event.permitId,
        event.associationId,
        event.type,
        event.actorMemberId,
        event.reason ?? '',
        event.details ?? {},
        event.at,
      ],
    );
  }

  /** Fees received (登记缴费 on a permit), summed by Asia/Shanghai month since `since`. */
  async feesPaidByMonth(
    associationId: string,
    since: Date,
  ): Promise<{ month: string; feeCny: number }[]> {
    const rows: { month: string; fee: string }[] = await this.dataSource.manager.query(
      `SELECT to_char(at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month,
              sum(COALESCE((details->>'amountCny')::numeric, 0)) AS fee
         FROM permit_event
        WHERE association_id = $1 AND type = 'fee_paid' AND at >= $2
        GROUP BY 1 ORDER BY 1`,
      [associationId, since],
    );
    return rows.map((r) => ({ month: r.month, feeCny: Number(r.fee) }));
  }

  async eventsOf(permitId: string): Promise<PermitEvent[]> {
    const rows: EventRow[] = await this.dataSource.query(
      `SELECT id, permit_id, type, actor_member_id, reason, at
         FROM permit_event WHERE permit_id = $1 ORDER BY id`,
      [permitId],
    );
    return rows.map(toEvent);
  }

  /** The written reasons of each refused permit among `permitIds` (its `rejected` event). */
  async refusalReasonsOf(permitIds: string[]): Promise<Map<string, string>> {
    if (permitIds.length === 0) return new Map();
    const rows: { permit_id: string; reason: string }[] = await this.dataSource.query(
      `SELECT DISTINCT ON (permit_id) permit_id, reason
         FROM permit_event WHERE permit_id = ANY($1::uuid[]) AND type = 'rejected'
        ORDER BY permit_id, id DESC`,
      [permitIds],
    );
    return new Map(rows.map((r) => [r.permit_id, r.reason]));
  }

  /**
   * The association's transitions in the order they happened, `batch` at a time after the last
   * one seen (keyset on the serial id), so a long ledger is read without holding it.
   * `household`: only that household's permits, as a resident's list (null: none at all).
   */
  async *ledgerInOrder(
    associationId: string,
    household?: { householdId: string | null },
    batch = 500,
  ): AsyncGenerator<LedgerLine[]> {
    if (household && household.householdId === null) return;
    let after: string | null = null;
    for (;;) {
      const rows: (EventRow & {
        number: string;
        plate: string;
        kind: PermitKind;
        household_id: string | null;
      })[] = await this.dataSource.query(
        `SELECT e.id, e.permit_id, e.type, e.actor_member_id, e.reason, e.at,
                p.number, p.plate, p.kind, p.household_id
           FROM permit_event e
           JOIN permit p ON p.id = e.permit_id AND p.association_id = e.association_id
          WHERE e.association_id = $1 AND ($2::bigint IS NULL OR e.id > $2)
            AND ($4::uuid IS NULL OR p.household_id = $4)
          ORDER BY e.id LIMIT $3`,
        [associationId, after, batch, household?.householdId ?? null],
      );
      if (rows.length === 0) return;
      yield rows.map((r) => ({
        ...toEvent(r),
        permitNumber: Number(r.number),
        householdId: r.household_id,
        plate: r.plate,
        kind: r.kind,
      }));
      after = String(rows[rows.length - 1]!.id);
      if (rows.length < batch) return;
    }
  }

  /** The latest change of each permit not yet past its end, since a point (or ever). */
  async revocationsSince(
    associationId: string,
    since: Date | null,
    now: Date,
  ): Promise<RevocationLine[]> {
    const rows: {
      number: string;
      type: RevocationLine['type'];
      until: string | null;
      at: Date;
    }[] = await this.dataSource.query(
      `SELECT DISTINCT ON (e.permit_id) p.number, e.type, e.details->>'until' AS until, e.at
         FROM permit_event e
         JOIN permit p ON p.id = e.permit_id AND p.association_id = e.association_id
        WHERE e.association_id = $1 AND e.type IN ('suspended', 'reinstated', 'revoked')
          AND ($2::timestamptz IS NULL OR e.at > $2) AND p.valid_to > $3
        ORDER BY e.permit_id, e.id DESC`,
      [associationId, since, now],
    );
    return rows.map((r) => ({
      number: Number(r.number),
      type: r.type,
      until: r.until ? new Date(r.until) : null,
      at: r.at,
    }));
  }
}

function toEvent(row: EventRow): PermitEvent {
  return {
    id: String(row.id),
    permitId: row.permit_id,
    type: row.type,
    actorMemberId: row.actor_member_id,
    reason: row.reason,
    at: row.at,
  };
}
