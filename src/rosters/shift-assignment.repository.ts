import { Injectable } from '@nestjs/common';
import { type Tx, Transactions } from '../database/transactions';
import { changedRows } from '../database/changed-rows';
import type { Interval } from './coverage';
import type { BusyTime, ShiftKind } from './generation';
import { onDutySql } from './on-duty-sql';

/** A member on a shift, with the shift's facts the rules need. */
export interface ShiftAssignment {
  id: string;
  associationId: string;
  shiftId: string;
  memberId: string;
  signedInAt: Date | null;
  kind: ShiftKind;
  shiftName: string;
  startsAt: Date;
  endsAt: Date;
}

export interface OnDutyRow {
  memberId: string;
  name: string;
  kind: ShiftKind;
  shiftId: string;
  shiftName: string;
  signedInAt: Date;
  endsAt: Date;
}

/**
 * The shift_assignment table: who is on which shift, sign-in and sign-out. A database trigger
 * copies the shift's times onto the row, so the exclusion constraint shift_assignment_no_overlap
 * keeps anyone off two overlapping shifts; inserts name only association, shift and member.
 */
@Injectable()
export class ShiftAssignmentRepository {
  constructor(private readonly transactions: Transactions) {}

  async insert(tx: Tx, associationId: string, shiftId: string, memberId: string): Promise<void> {
    await tx.query(
      `INSERT INTO shift_assignment (association_id, shift_id, member_id) VALUES ($1, $2, $3)`,
      [associationId, shiftId, memberId],
    );
  }

  async insertMany(
    tx: Tx,
    associationId: string,
    seats: { shiftId: string; memberId: string }[],
  ): Promise<void> {
    if (seats.length === 0) return;
    await tx.query(
      `INSERT INTO shift_assignment (association_id, shift_id, member_id)
       SELECT $1, x.shift_id, x.member_id
         FROM unnest($2::uuid[], $3::uuid[]) AS x(shift_id, member_id)`,
      [associationId, seats.map((s) => s.shiftId), seats.map((s) => s.memberId)],
    );
  }

  async find(id: string, tx: Tx = this.transactions.autocommit): Promise<ShiftAssignment | null> {
    const rows: {
      id: string;
      association_id: string;
      shift_id: string;
      member_id: string;
      signed_in_at: Date | null;
      kind: ShiftKind;
      shift_name: string;
      starts_at: Date;
      ends_at: Date;
    }[] = await tx.query(
      `SELECT a.id, a.association_id, a.shift_id, a.member_id, a.signed_in_at,
              s.kind, s.name AS shift_name, s.starts_at, s.ends_at
         FROM shift_assignment a JOIN duty_shift s ON s.id = a.shift_id
        WHERE a.id = $1`,
      [id],
    );
    const row = rows[0];
    return row
      ? {
          id: row.id,
          associationId: row.association_id,
          shiftId: row.shift_id,
          memberId: row.member_id,
          signedInAt: row.signed_in_at,
          kind: row.kind,
          shiftName: row.shift_name,
          startsAt: row.starts_at,
          endsAt: row.ends_at,
        }
      : null;
  }

  /** Hands an assignment to someone else, unless it was signed in meanwhile. */
  async reassign(tx: Tx, id: string, memberId: string): Promise<boolean> {
    const moved = await changedRows(
      tx,
      `UPDATE shift_assignment SET member_id = $2
        WHERE id = $1 AND signed_in_at IS NULL RETURNING id`,
      [id, memberId],
    );
    return moved.length > 0;
  }

  /** Removes an assignment nobody signed in to. */
  async deleteUnsigned(tx: Tx, id: string): Promise<boolean> {
    const deleted = await changedRows(
      tx,
      `DELETE FROM shift_assignment WHERE id = $1 AND signed_in_at IS NULL RETURNING id`,
      [id],
    );
    return deleted.length > 0;
  }

  /** Signs in once: a double tap finds the row already signed in and changes nothing. */
  async signIn(tx: Tx, id: string, at: Date, late: boolean): Promise<boolean> {
    const updated = await changedRows(
      tx,
      `UPDATE shift_assignment SET signed_in_at = $2, late = $3
        WHERE id = $1 AND signed_in_at IS NULL RETURNING id`,
      [id, at, late],
    );
    return updated.length > 0;
  }

  async signOut(tx: Tx, id: string, at: Date): Promise<boolean> {
    const updated = await changedRows(
      tx,
      `UPDATE shift_assignment SET signed_out_at = $2
        WHERE id = $1 AND signed_out_at IS NULL RETURNING id`,
      [id, at],
    );
    return updated.length > 0;
  }

  /** A swap: moves the offerer's place on a shift to the taker, if the shift has not started. */
  async moveBeforeStart(
    tx: Tx,
    shiftId: string,
    from: string,
    to: string,
    now: Date,
  ): Promise<boolean> {
    const moved = await changedRows(
      tx,
      `UPDATE shift_assignment SET member_id = $3
        WHERE shift_id = $1 AND member_id = $2 AND signed_in_at IS NULL AND starts_at > $4
        RETURNING id`,
      [shiftId, from, to, now],
    );
    return moved.length > 0;
  }

  async isBusyDuring(tx: Tx, memberId: string, period: Interval): Promise<boolean> {
    const clash: unknown[] = await tx.query(
      `SELECT 1 FROM shift_assignment WHERE member_id = $1 AND during && tstzrange($2, $3)`,
      [memberId, period.from, period.to],
    );
    return clash.length > 0;
  }

  /** Shifts people already hold around a period, which keep them busy. */
  async busyIn(tx: Tx, associationId: string, period: Interval): Promise<BusyTime[]> {
    const rows: { member_id: string; starts_at: Date; ends_at: Date }[] = await tx.query(
      `SELECT member_id, starts_at, ends_at FROM shift_assignment
        WHERE association_id = $1 AND starts_at < $3 AND ends_at > $2`,
      [associationId, period.from, period.to],
    );
    return rows.map((r) => ({ memberId: r.member_id, from: r.starts_at, to: r.ends_at }));
  }

  /** Minutes each member is rostered for in a period (served or still to serve). */
  async minutesIn(tx: Tx, associationId: string, period: Interval): Promise<Map<string, number>> {
    const rows: { member_id: string; minutes: number }[] = await tx.query(
      `SELECT member_id,
              (sum(extract(epoch FROM ends_at - starts_at)) / 60)::int AS minutes
         FROM shift_assignment
        WHERE association_id = $1 AND starts_at >= $2 AND starts_at < $3
        GROUP BY member_id`,
      [associationId, period.from, period.to],
    );
    return new Map(rows.map((r) => [r.member_id, r.minutes]));
  }

  async isOnDuty(
    memberId: string,
    at: Date,
    tx: Tx = this.transactions.autocommit,
  ): Promise<boolean> {
    const rows: { on_duty: boolean }[] = await tx.query(
      `SELECT ${onDutySql('$1', '$2')} AS on_duty`,
      [memberId, at],
    );
    return rows[0]?.on_duty ?? false;
  }

  /** Who is signed in on a shift at a moment: names and shifts, no phones. */
  async onDutyAt(
    associationId: string,
    at: Date,
    tx: Tx = this.transactions.autocommit,
  ): Promise<OnDutyRow[]> {
    const rows: {
      member_id: string;
      name: string;
      kind: ShiftKind;
      shift_id: string;
      shift_name: string;
      signed_in_at: Date;
      ends_at: Date;
    }[] = await tx.query(
      `SELECT a.member_id, m.name, s.kind, s.id AS shift_id, s.name AS shift_name,
              a.signed_in_at, s.ends_at
         FROM shift_assignment a
         JOIN duty_shift s ON s.id = a.shift_id
         JOIN member m ON m.id = a.member_id
        WHERE a.association_id = $1 AND a.signed_in_at <= $2
          AND $2 < COALESCE(a.signed_out_at, a.ends_at)
        ORDER BY s.kind DESC, a.signed_in_at`,
      [associationId, at],
    );
    return rows.map((r) => ({
      memberId: r.member_id,
      name: r.name,
      kind: r.kind,
      shiftId: r.shift_id,
      shiftName: r.shift_name,
      signedInAt: r.signed_in_at,
      endsAt: r.ends_at,
    }));
  }

  /** Signs in the worked part of the past, for the demo (see demo-data.ts). */
  async markWorkedBefore(tx: Tx, associationId: string, before: Date): Promise<void> {
    // Signed in a few minutes early and out at the end, with the odd late sign-in and, now and
    // then, a missed shift, so the ledger and the roster screen look lived in.
    await tx.query(
      `WITH past AS (
         SELECT id, row_number() OVER (ORDER BY starts_at, member_id) AS n
           FROM shift_assignment WHERE association_id = $1 AND ends_at <= $2)
       UPDATE shift_assignment a
          SET signed_in_at = a.starts_at + CASE WHEN past.n % 9 = 0 THEN interval '17 minutes'
                                                ELSE interval '-5 minutes' END,
              signed_out_at = a.ends_at,
              late = past.n % 9 = 0
         FROM past WHERE a.id = past.id AND past.n % 23 <> 0`,
      [associationId, before],
    );
  }
}
