import { Injectable } from '@nestjs/common';
import { type Tx, Transactions } from '../database/transactions';
import { startOfShanghaiDay } from '../common/shanghai-time';
import type { Interval } from './coverage';
import type { ShiftKind } from './generation';
import type { ShiftRow } from './roster-views';
import type { Role } from '../auth/role';

/** One occurrence of duty: from when to when, how many people it needs. */
export interface DutyShift {
  id: string;
  associationId: string;
  templateId: string | null;
  kind: ShiftKind;
  name: string;
  startsAt: Date;
  endsAt: Date;
  minOnDuty: number;
  laneIds: string[];
}

/** A shift with how many people are on it, for coverage. */
export interface StaffedShift extends DutyShift {
  scheduled: number;
}

interface DutyShiftRecord {
  id: string;
  association_id: string;
  template_id: string | null;
  kind: ShiftKind;
  name: string;
  starts_at: Date;
  ends_at: Date;
  min_on_duty: number;
  lane_ids: string[];
}

/** Shifts with the people on them (and their role), from the rows of shift LEFT JOIN assignment. */
const SHIFT_ROWS_SQL = `
  SELECT s.id, s.name, s.kind, s.starts_at, s.ends_at, s.min_on_duty, s.lane_ids,
         a.id AS assignment_id, a.member_id, m.name AS member_name, m.role,
         a.signed_in_at, a.signed_out_at, a.late
    FROM duty_shift s
    LEFT JOIN shift_assignment a ON a.shift_id = s.id
    LEFT JOIN member m ON m.id = a.member_id`;

/** The roster's order, the list's and the ledger's alike: by start, wardens first, by name. */
const ROSTER_ORDER = 's.starts_at, s.kind DESC, s.id, m.name, a.id';

/** A shift with one of its people (or none, for a shift nobody is on), for the ledgers (台账). */
export interface RosterLine extends ShiftRow {
  role: Role | null;
}

/**
 * The duty_shift table: shifts, generated from templates or added by hand, and the views of them
 * with their people (names only; the member table is read for names until the associations
 * feature offers them).
 */
@Injectable()
export class DutyShiftRepository {
  constructor(private readonly transactions: Transactions) {}

  async find(id: string, tx: Tx = this.transactions.autocommit): Promise<DutyShift | null> {
    const rows: DutyShiftRecord[] = await tx.query(`SELECT * FROM duty_shift WHERE id = $1`, [id]);
    return rows[0] ? toDutyShift(rows[0]) : null;
  }

  async insertOneOff(
    tx: Tx,
    shift: Pick<DutyShift, 'associationId' | 'kind' | 'name' | 'startsAt' | 'endsAt' | 'minOnDuty'>,
  ): Promise<string> {
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO duty_shift (association_id, kind, name, starts_at, ends_at, min_on_duty)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [shift.associationId, shift.kind, shift.name, shift.startsAt, shift.endsAt, shift.minOnDuty],
    );
    return rows[0]!.id;
  }

  /** Occurrences of templates, named, sized and placed as their template says. */
  insertFromTemplates(
    tx: Tx,
    associationId: string,
    occurrences: { templateId: string; startsAt: Date }[],
  ): Promise<{ id: string; template_id: string; starts_at: Date }[]> {
    if (occurrences.length === 0) return Promise.resolve([]);
    return tx.query(
      `INSERT INTO duty_shift
         (association_id, template_id, kind, name, starts_at, ends_at, min_on_duty, lane_ids)
       SELECT $1, t.id, t.kind, t.name, x.starts_at,
              x.starts_at + make_interval(mins => t.duration_minutes), t.min_on_duty, t.lane_ids
         FROM unnest($2::uuid[], $3::timestamptz[]) AS x(template_id, starts_at)
         JOIN shift_template t ON t.id = x.template_id AND t.association_id = $1
       RETURNING id, template_id, starts_at`,
      [associationId, occurrences.map((o) => o.templateId), occurrences.map((o) => o.startsAt)],
    );
  }

  /**
   * Serialises generating the roster of one association until the transaction ends: the council's
   * "generate" and the rolling job on any instance never plan the same days at once.
   */
  async lockGeneration(tx: Tx, associationId: string): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('roster-generation:' || $1))`, [
      associationId,
    ]);
  }

  async hasGeneratedIn(tx: Tx, associationId: string, period: Interval): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `SELECT 1 FROM duty_shift
        WHERE association_id = $1 AND template_id IS NOT NULL AND starts_at >= $2 AND starts_at < $3
        LIMIT 1`,
      [associationId, period.from, period.to],
    );
    return rows.length > 0;
  }

  /** The Beijing days of the period on which shifts were generated from templates. */
  async generatedDays(tx: Tx, associationId: string, period: Interval): Promise<Set<number>> {
    const rows: { starts_at: Date }[] = await tx.query(
      `SELECT starts_at FROM duty_shift
        WHERE association_id = $1 AND template_id IS NOT NULL AND starts_at >= $2 AND starts_at < $3`,
      [associationId, period.from, period.to],
    );
    return new Set(rows.map((r) => startOfShanghaiDay(r.starts_at).getTime()));
  }

  async staffedIn(
    associationId: string,
    period: Interval,
    tx: Tx = this.transactions.autocommit,
  ): Promise<StaffedShift[]> {
    const rows: (DutyShiftRecord & { scheduled: number })[] = await tx.query(
      `SELECT s.*, count(a.id)::int AS scheduled
         FROM duty_shift s LEFT JOIN shift_assignment a ON a.shift_id = s.id
        WHERE s.association_id = $1 AND s.starts_at < $3 AND s.ends_at > $2
        GROUP BY s.id`,
      [associationId, period.from, period.to],
    );
    return rows.map((r) => ({ ...toDutyShift(r), scheduled: r.scheduled }));
  }

  rowsInPeriod(associationId: string, period: Interval): Promise<ShiftRow[]> {
    return this.transactions.autocommit.query(
      `${SHIFT_ROWS_SQL}
        WHERE s.association_id = $1 AND s.starts_at < $3 AND s.ends_at > $2
        ORDER BY ${ROSTER_ORDER}`,
      [associationId, period.from, period.to],
    );
  }

  /**
   * The roster as the ledgers read it, in the list's order, `batch` shifts at a time after the
   * last one seen (keyset), so a year of the roster is never held at once. `overlapping`: the
   * shifts the list shows for the period; otherwise those starting in it (each counted once).
   */
  async *ledgerInOrder(
    associationId: string,
    period: Interval,
    which: 'overlapping' | 'starting',
    batch = 200,
  ): AsyncGenerator<RosterLine[]> {
    const inPeriod =
      which === 'overlapping'
        ? 's.starts_at < $3 AND s.ends_at > $2'
        : 's.starts_at >= $2 AND s.starts_at < $3';
    let after: { startsAt: string; kind: string; id: string } | null = null;
    for (;;) {
      // The start as text: a Date would drop its microseconds.
      const shifts: { id: string; kind: string; starts_key: string }[] =
        await this.transactions.autocommit.query(
          `SELECT s.id, s.kind, s.starts_at::text AS starts_key FROM duty_shift s
            WHERE s.association_id = $1 AND ${inPeriod}
              AND ($4::timestamptz IS NULL OR s.starts_at > $4
                   OR (s.starts_at = $4 AND (s.kind < $5 OR (s.kind = $5 AND s.id > $6::uuid))))
            ORDER BY s.starts_at, s.kind DESC, s.id LIMIT $7`,
          [
            associationId,
            period.from,
            period.to,
            after?.startsAt ?? null,
            after?.kind ?? null,
            after?.id ?? null,
            batch,
          ],
        );
      if (shifts.length === 0) return;
      yield await this.transactions.autocommit.query<RosterLine[]>(
        `${SHIFT_ROWS_SQL} WHERE s.id = ANY($1::uuid[]) ORDER BY ${ROSTER_ORDER}`,
        [shifts.map((s) => s.id)],
      );
      const last = shifts[shifts.length - 1]!;
      after = { startsAt: last.starts_key, kind: last.kind, id: last.id };
      if (shifts.length < batch) return;
    }
  }

  rowsOfShift(shiftId: string, tx: Tx = this.transactions.autocommit): Promise<ShiftRow[]> {
    return tx.query(`${SHIFT_ROWS_SQL} WHERE s.id = $1 ORDER BY m.name`, [shiftId]);
  }

  /** The shifts a member is on in a period, each with everyone on it. */
  rowsOfMember(memberId: string, period: Interval): Promise<ShiftRow[]> {
    return this.transactions.autocommit.query(
      `${SHIFT_ROWS_SQL}
        WHERE s.id IN (SELECT shift_id FROM shift_assignment
                        WHERE member_id = $1 AND starts_at < $3 AND ends_at > $2)
        ORDER BY s.starts_at, m.name`,
      [memberId, period.from, period.to],
    );
  }

  async rowOfMemberOnShift(
    shiftId: string,
    memberId: string,
    tx: Tx = this.transactions.autocommit,
  ): Promise<ShiftRow | null> {
    const rows: ShiftRow[] = await tx.query(
      `${SHIFT_ROWS_SQL} WHERE s.id = $1 AND a.member_id = $2`,
      [shiftId, memberId],
    );
    return rows[0] ?? null;
  }

  async rowOfAssignment(
    assignmentId: string,
    tx: Tx = this.transactions.autocommit,
  ): Promise<ShiftRow> {
    const rows: ShiftRow[] = await tx.query(`${SHIFT_ROWS_SQL} WHERE a.id = $1`, [assignmentId]);
    return rows[0]!;
  }
}

function toDutyShift(row: DutyShiftRecord): DutyShift {
  return {
    id: row.id,
    associationId: row.association_id,
    templateId: row.template_id,
    kind: row.kind,
    name: row.name,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    minOnDuty: row.min_on_duty,
    laneIds: row.lane_ids,
  };
}
