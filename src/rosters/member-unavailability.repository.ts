import { Injectable } from '@nestjs/common';
import { type Tx, Transactions } from '../database/transactions';
import { changedRows } from '../database/changed-rows';
import type { Interval } from './coverage';
import type { BusyTime } from './generation';

/** Times a warden or volunteer declared they cannot be on duty; generation respects them. */
export interface MemberUnavailability {
  id: string;
  startsAt: Date;
  endsAt: Date;
  reason: string;
}

interface UnavailabilityRecord {
  id: string;
  starts_at: Date;
  ends_at: Date;
  reason: string;
}

/** The member_unavailability table. */
@Injectable()
export class MemberUnavailabilityRepository {
  constructor(private readonly transactions: Transactions) {}

  async endingAfter(memberId: string, at: Date): Promise<MemberUnavailability[]> {
    const rows: UnavailabilityRecord[] = await this.transactions.autocommit.query(
      `SELECT id, starts_at, ends_at, reason FROM member_unavailability
        WHERE member_id = $1 AND ends_at > $2 ORDER BY starts_at`,
      [memberId, at],
    );
    return rows.map(toUnavailability);
  }

  async insert(
    tx: Tx,
    row: { associationId: string; memberId: string; period: Interval; reason: string },
  ): Promise<MemberUnavailability> {
    const rows: UnavailabilityRecord[] = await tx.query(
      `INSERT INTO member_unavailability (association_id, member_id, starts_at, ends_at, reason)
       VALUES ($1, $2, $3, $4, $5) RETURNING id, starts_at, ends_at, reason`,
      [row.associationId, row.memberId, row.period.from, row.period.to, row.reason],
    );
    return toUnavailability(rows[0]!);
  }

  async deleteOwn(tx: Tx, id: string, memberId: string): Promise<boolean> {
    const rows = await changedRows(
      tx,
      `DELETE FROM member_unavailability WHERE id = $1 AND member_id = $2 RETURNING id`,
      [id, memberId],
    );
    return rows.length > 0;
  }

  async busyIn(tx: Tx, associationId: string, period: Interval): Promise<BusyTime[]> {
    const rows: { member_id: string; starts_at: Date; ends_at: Date }[] = await tx.query(
      `SELECT member_id, starts_at, ends_at FROM member_unavailability
        WHERE association_id = $1 AND starts_at < $3 AND ends_at > $2`,
      [associationId, period.from, period.to],
    );
    return rows.map((r) => ({ memberId: r.member_id, from: r.starts_at, to: r.ends_at }));
  }
}

function toUnavailability(row: UnavailabilityRecord): MemberUnavailability {
  return { id: row.id, startsAt: row.starts_at, endsAt: row.ends_at, reason: row.reason };
}
