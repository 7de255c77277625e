import { Injectable } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { Transactions, type Tx } from '../database/transactions';

export interface NewSession {
  associationId: string;
  laneId: string;
  spaceId: string;
  vehicleId: string | null;
  /** The household whose registered car it is; null for a visiting car */
  householdId: string | null;
  plate: string;
  source: 'warden' | 'sticker';
  startedAt: Date;
  checkedInBy: string;
  /** Whether the warden who checked it in was on a shift; null when no warden did */
  recorderOnDuty: boolean | null;
}

/** One line of the occupancy ledger; members by id (their names come from associations). */
export interface LedgerRow {
  code: string;
  plate: string;
  vehicleId: string | null;
  startedAt: Date;
  endedAt: Date | null;
  checkedInBy: string;
  checkedOutBy: string | null;
  source: string;
  recorderOnDuty: boolean | null;
}

/**
 * Whether a violation keeps the session `o`: one of its plate recorded during it or within a day
 * (the session is the evidence of that violation and of its appeal).
 */
export const VIOLATION_KEEPS_SESSION = `EXISTS (
  SELECT 1 FROM violation v
   WHERE v.association_id = o.association_id AND v.plate = o.plate
     AND v.occurred_at BETWEEN o.started_at - interval '1 day'
                           AND coalesce(o.ended_at, 'infinity') + interval '1 day')`;

/**
 * Occupancy sessions (停车登记), partitioned by month of their start. One open session per space
 * and one per plate are the keys of `occupancy_open`, kept by a trigger on every write (migration
 * 1765920000000): the database decides the race between two wardens, see `conflictOf`.
 */
@Injectable()
export class OccupancyRepository {
  constructor(private readonly transactions: Transactions) {}

  /**
   * Removes up to `limit` of the association's sessions that ended before `before`; how many.
   * A session is kept while a violation of its plate was recorded during it (or within a day):
   * it is the evidence of that violation and of its appeal. Open sessions are never removed.
   */
  async pruneEndedBefore(tx: Tx, associationId: string, before: Date, limit: number) {
    const rows: { n: number }[] = await tx.query(
      `WITH gone AS (
         DELETE FROM occupancy_session WHERE id IN (
           SELECT o.id FROM occupancy_session o
            WHERE o.association_id = $1 AND o.ended_at < $2
              AND NOT ${VIOLATION_KEEPS_SESSION}
            LIMIT $3)
         RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
      [associationId, before, limit],
    );
    return rows[0]?.n ?? 0;
  }

  async start(tx: Tx, session: NewSession): Promise<void> {
    await tx.query(
      `INSERT INTO occupancy_session
         (association_id, lane_id, space_id, vehicle_id, household_id, plate, source, started_at,
          checked_in_by, recorder_on_duty)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        session.associationId,
        session.laneId,
        session.spaceId,
        session.vehicleId,
        session.householdId,
        session.plate,
        session.source,
        session.startedAt,
        session.checkedInBy,
        session.recorderOnDuty,
      ],
    );
  }

  /** Marks the session reminded of the restriction starting at `from`; false if it already was. */
  async markRestrictionReminded(tx: Tx, sessionId: string, from: Date): Promise<boolean> {
    const rows: { id: string }[] = await tx.query(
      `WITH marked AS (
         UPDATE occupancy_session SET restriction_reminded_for = $2
          WHERE id = $1 AND ended_at IS NULL AND restriction_reminded_for IS DISTINCT FROM $2
          RETURNING id)
       SELECT id FROM marked`,
      [sessionId, from],
    );
    return rows.length > 0;
  }

  async end(tx: Tx, sessionId: string, at: Date, by: string): Promise<void> {
    await tx.query(
      `UPDATE occupancy_session SET ended_at = $2, checked_out_by = $3 WHERE id = $1`,
      [sessionId, at, by],
    );
  }

  /** The household's other cars checked in now, anywhere in the association's lanes. */
  async countOtherCarsParked(tx: Tx, householdId: string, plate: string): Promise<number> {
    const rows: { count: string }[] = await tx.query(
      `SELECT count(DISTINCT plate) FROM occupancy_session
        WHERE household_id = $1 AND plate <> $2 AND ended_at IS NULL`,
      [householdId, plate],
    );
    return Number(rows[0]?.count ?? 0);
  }

  /** The code of the space where the plate is checked in now, if it is. */
  async spaceOfPlate(
    associationId: string,
    plate: string,
    tx: Tx = this.transactions.autocommit,
  ): Promise<string | null> {
    const rows: { code: string }[] = await tx.query(
      `SELECT s.code FROM occupancy_session o JOIN space s ON s.id = o.space_id
        WHERE o.association_id = $1 AND o.plate = $2 AND o.ended_at IS NULL`,
      [associationId, plate],
    );
    return rows[0]?.code ?? null;
  }

  /** A page of the lane's sessions that started in [from, to), oldest first (the ledger's order). */
  async page(
    laneId: string,
    period: { from?: Date; to?: Date },
    skip: number,
    take: number,
  ): Promise<{ rows: LedgerRow[]; total: number }> {
    const params = [laneId, period.from ?? null, period.to ?? null];
    const [rows, counted] = await Promise.all([
      this.transactions.autocommit.query<SessionLedgerRecord[]>(
        `${LEDGER_SELECT} WHERE ${LEDGER_WHERE} ORDER BY ${LEDGER_ORDER} LIMIT $4 OFFSET $5`,
        [...params, take, skip],
      ),
      this.transactions.autocommit.query<{ count: string }[]>(
        `SELECT count(*) FROM occupancy_session o WHERE ${LEDGER_WHERE}`,
        params,
      ),
    ]);
    return { rows: rows.map(toLedgerRow), total: Number(counted[0]?.count ?? 0) };
  }

  /**
   * The sessions `page` lists, in its order, `batch` at a time after the last one seen (keyset),
   * so a year of a lane's sessions is read without holding it.
   */
  async *inLedgerOrder(
    laneId: string,
    period: { from?: Date; to?: Date },
    batch = 500,
  ): AsyncGenerator<LedgerRow[]> {
    let after: SessionLedgerRecord | null = null;
    for (;;) {
      const rows: SessionLedgerRecord[] = await this.transactions.autocommit.query(
        `${LEDGER_SELECT} WHERE ${LEDGER_WHERE}
           AND ($4::timestamptz IS NULL OR (o.started_at, s.code, o.id) > ($4, $5, $6::uuid))
           -- Implied by the key, and lets the lane's (lane_id, started_at) index skip what was read.
           AND ($4::timestamptz IS NULL OR o.started_at >= $4)
          ORDER BY ${LEDGER_ORDER} LIMIT $7`,
        [
          laneId,
          period.from ?? null,
          period.to ?? null,
          after?.started_key ?? null,
          after?.code ?? null,
          after?.id ?? null,
          batch,
        ],
      );
      if (rows.length === 0) return;
      yield rows.map(toLedgerRow);
      after = rows[rows.length - 1]!;
      if (rows.length < batch) return;
    }
  }

  /** Cars parked in the association's spaces at each of `instants` (aggregates only). */
  async parkedAt(
    associationId: string,
    instants: Date[],
    tx: Tx = this.transactions.autocommit,
  ): Promise<number[]> {
    const rows: { count: number }[] = await tx.query(
      `SELECT count(s.id)::int AS count
         FROM unnest($2::timestamptz[]) WITH ORDINALITY AS g(at, n)
         LEFT JOIN occupancy_session s
           ON s.association_id = $1 AND s.started_at <= g.at
          AND (s.ended_at IS NULL OR s.ended_at > g.at)
        GROUP BY g.n ORDER BY g.n`,
      [associationId, instants.map((at) => at.toISOString())],
    );
    return rows.map((r) => r.count);
  }
}

/** Which of the one-car-per-space rules a failed check-in ran into, if it was one of them. */
export function conflictOf(error: unknown): 'space' | 'plate' | null {
  if (!(error instanceof QueryFailedError)) return null;
  const constraint = (error.driverError as { constraint?: string }).constraint;
  if (constraint === 'occupancy_session_open_space_key') return 'space';
  if (constraint === 'occupancy_session_open_plate_key') return 'plate';
  return null;
}

interface SessionLedgerRecord {
  id: string;
  code: string;
  plate: string;
  vehicle_id: string | null;
  started_at: Date;
  /** The start as text, for the keyset: a Date would drop its microseconds. */
  started_key: string;
  ended_at: Date | null;
  checked_in_by: string;
  checked_out_by: string | null;
  source: string;
  recorder_on_duty: boolean | null;
}

const LEDGER_SELECT = `
  SELECT o.id, s.code, o.plate, o.vehicle_id, o.started_at, o.started_at::text AS started_key,
         o.ended_at, o.source,
         o.recorder_on_duty, o.checked_in_by, o.checked_out_by
    FROM occupancy_session o
    JOIN space s ON s.id = o.space_id`;
/** $1 the lane, $2 and $3 the period's ends (either may be null). */
const LEDGER_WHERE = `o.lane_id = $1 AND ($2::timestamptz IS NULL OR o.started_at >= $2)
  AND ($3::timestamptz IS NULL OR o.started_at < $3)`;
const LEDGER_ORDER = 'o.started_at, s.code, o.id';

function toLedgerRow(r: SessionLedgerRecord): LedgerRow {
  return {
    code: r.code,
    plate: r.plate,
    vehicleId: r.vehicle_id,
    startedAt: r.started_at,
    endedAt: r.ended_at,
    checkedInBy: r.checked_in_by,
    checkedOutBy: r.checked_out_by,
    source: r.source,
    recorderOnDuty: r.recorder_on_duty,
  };
}
