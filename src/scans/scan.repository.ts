import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, QueryFailedError } from 'typeorm';
import { DatabaseError } from 'pg';
import { runPrepared } from '../database/prepared-statement';
import type { Tx } from '../database/transactions';
import type { VersionedPermit } from '../permits/permit';
import { permitUnchangedSql } from '../permits/scanned-permits';
import { onDutySql } from '../rosters/on-duty-sql';
import type { Verdict, VerdictCause, VerdictParams } from '../shared/scans/verdict';

export type ScanMethod = 'token' | 'number' | 'plate';

/** A recorded scan as a warden's list shows it. */
export interface ScanRecord {
  id: string;
  permitId: string | null;
  verdict: Verdict;
  cause: VerdictCause;
  causeParams: VerdictParams;
  scannedAt: Date;
  recorderOnDuty: boolean | null;
}

/** A scan as the permit's household reads it: when, where, the verdict; never who scanned. */
export interface HolderScanRecord extends ScanRecord {
  laneId: string | null;
  carParkId: string | null;
  spaceLabel: string | null;
}

export interface NewScan {
  associationId: string;
  scannedBy: string;
  idempotencyKey: string;
  permitId: string | null;
  method: ScanMethod;
  plateSeen: string | null;
  laneId: string | null;
  carParkId: string | null;
  spaceLabel: string | null;
  verdict: Verdict;
  cause: VerdictCause;
  causeParams: VerdictParams;
  scannedAt: Date;
  recordedAt: Date;
  offline: boolean;
  /** A warden's scan records whether they were on duty at `scannedAt`; the council's, null. */
  recordsDuty: boolean;
}

interface ScanRow {
  id: string;
  permit_id: string | null;
  verdict: Verdict;
  reason: VerdictCause;
  reason_params: VerdictParams;
  scanned_at: Date;
  recorder_on_duty: boolean | null;
}

interface PlaceRow {
  lane_id: string | null;
  car_park_id: string | null;
  space_label: string | null;
}

/**
 * Whether a violation keeps the scan `s`: one of its permit or plate recorded within a day of it
 * (the scan is the evidence of that violation and of its appeal).
 */
export const VIOLATION_KEEPS_SCAN = `EXISTS (
  SELECT 1 FROM violation v
   WHERE v.association_id = s.association_id
     AND (v.permit_id = s.permit_id OR v.plate = s.plate_seen)
     AND v.occurred_at BETWEEN s.scanned_at - interval '1 day' AND s.scanned_at + interval '1 day')`;

const COLUMNS = 'id, permit_id, verdict, reason, reason_params, scanned_at, recorder_on_duty';

/** A scan to record, and the permit row (at the version read) its verdict rests on, if any. */
export interface ScanToRecord {
  scan: NewScan;
  judgedOn: VersionedPermit | null;
}

/** Recorded, or not because the permit it was judged on changed meanwhile. */
export type Recorded = ScanRecord | 'permit_changed';

// One prepared statement for one scan or many: each column is an array, a row per scan.
const INSERT_ALL = `INSERT INTO permit_scan (association_id, scanned_by, idempotency_key, permit_id,
    method, plate_seen, lane_id, car_park_id, space_label, verdict, reason, reason_params,
    scanned_at, recorded_at, offline, recorder_on_duty)
  SELECT s.association_id, s.scanned_by, s.idempotency_key, s.permit_id, s.method, s.plate_seen,
    s.lane_id, s.car_park_id, s.space_label, s.verdict, s.reason, s.reason_params::jsonb,
    s.scanned_at, s.recorded_at, s.offline,
    CASE WHEN s.records_duty THEN ${onDutySql('s.scanned_by', 's.scanned_at')} END
  FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::uuid[], $5::text[], $6::text[],
    $7::uuid[], $8::uuid[], $9::text[], $10::text[], $11::text[], $12::text[],
    $13::timestamptz[], $14::timestamptz[], $15::boolean[], $16::boolean[], $17::uuid[],
    $18::xid[])
    AS s(association_id, scanned_by, idempotency_key, permit_id, method, plate_seen, lane_id,
      car_park_id, space_label, verdict, reason, reason_params, scanned_at, recorded_at, offline,
      records_duty, judged_permit, judged_version)
  WHERE s.judged_permit IS NULL OR ${permitUnchangedSql('s.judged_permit', 's.judged_version')}
  RETURNING scanned_by, idempotency_key, ${COLUMNS}`;

function columnsOf(scans: readonly ScanToRecord[]): unknown[][] {
  const column = <T>(of: (entry: ScanToRecord) => T): T[] => scans.map(of);
  return [
    column(({ scan }) => scan.associationId),
    column(({ scan }) => scan.scannedBy),
    column(({ scan }) => scan.idempotencyKey),
    column(({ scan }) => scan.permitId),
    column(({ scan }) => scan.method),
    column(({ scan }) => scan.plateSeen),
    column(({ scan }) => scan.laneId),
    column(({ scan }) => scan.carParkId),
    column(({ scan }) => scan.spaceLabel),
    column(({ scan }) => scan.verdict),
    column(({ scan }) => scan.cause),
    column(({ scan }) => JSON.stringify(scan.causeParams)),
    column(({ scan }) => scan.scannedAt),
    column(({ scan }) => scan.recordedAt),
    column(({ scan }) => scan.offline),
    column(({ scan }) => scan.recordsDuty),
    column(({ judgedOn }) => judgedOn?.permit.id ?? null),
    column(({ judgedOn }) => judgedOn?.version ?? null),
  ];
}

/** A scan's idempotency key as one value: its warden's and the key they sent. */
export function keyOf(scannedBy: string, idempotencyKey: string): string {
  return `${scannedBy} ${idempotencyKey}`;
}

function compareKeys(a: NewScan, b: NewScan): number {
  const left = keyOf(a.scannedBy, a.idempotencyKey);
  const right = keyOf(b.scannedBy, b.idempotencyKey);
  return left < right ? -1 : left > right ? 1 : 0;
}

/** The only code that speaks SQL to `permit_scan`, the record of every scan. */
@Injectable()
export class ScanRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Removes up to `limit` of the association's scans from before `before`; how many. A scan is kept
   * while a violation of its permit or plate was recorded within a day of it (it is the evidence
   * of that violation and of its appeal).
   */
  async pruneBefore(tx: Tx, associationId: string, before: Date, limit: number): Promise<number> {
    const rows: { n: number }[] = await tx.query(
      `WITH gone AS (
         DELETE FROM permit_scan WHERE (id, scanned_at) IN (
           SELECT s.id, s.scanned_at FROM permit_scan s
            WHERE s.association_id = $1 AND s.scanned_at < $2
              AND NOT ${VIOLATION_KEEPS_SCAN}
            LIMIT $3)
         RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
      [associationId, before, limit],
    );
    return rows[0]?.n ?? 0;
  }

  /**
   * Records the scan, or nothing (null) when its warden already sent this idempotency key, or
   * 'permit_changed' when the permit it was judged on is no longer at the version read. The key
   * is claimed by a trigger in `permit_scan_key` (a partitioned table cannot hold that unique
   * key): a second sender waits for the first to commit, then runs into the key and gets
   * nothing. One statement on its own, so the refused insert aborts no caller's transaction.
   */
  async insertOnce(scan: NewScan, judgedOn: VersionedPermit | null): Promise<Recorded | null> {
    try {
      const [recorded] = await this.insertAll([{ scan, judgedOn }]);
      return recorded!;
    } catch (error) {
      if (keyTaken(error)) return null;
      throw error;
    }
  }

  /**
   * Records the scans in one statement, each as `insertOnce` would ('permit_changed' for one
   * whose permit changed), or none of them: a key sent before refuses the whole statement.
   * One round trip (issue 15.5): each permit's version and each warden's duty are checked inside
   * this INSERT, by conditions the permits and rosters features write (`permitUnchangedSql`,
   * `onDutySql`), rather than read beforehand. The keys are claimed in one order, so two
   * statements holding the same keys wait for each other instead of deadlocking.
   */
  async insertAll(scans: readonly ScanToRecord[]): Promise<Recorded[]> {
    const ordered = [...scans].sort((a, b) => compareKeys(a.scan, b.scan));
    const rows = await runPrepared<ScanRow & { scanned_by: string; idempotency_key: string }>(
      this.dataSource,
      'scan_insert_all',
      INSERT_ALL,
      columnsOf(ordered),
    );
    const byKey = new Map(rows.map((row) => [keyOf(row.scanned_by, row.idempotency_key), row]));
    return scans.map(({ scan }) => {
      const row = byKey.get(keyOf(scan.scannedBy, scan.idempotencyKey));
      return row ? toRecord(row) : 'permit_changed';
    });
  }

  async byKey(scannedBy: string, idempotencyKey: string): Promise<ScanRecord | null> {
    const rows: ScanRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM permit_scan WHERE scanned_by = $1 AND idempotency_key = $2`,
      [scannedBy, idempotencyKey],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /** The scans of these permits, the latest first (the household's own, in one association). */
  async pageOfPermits(
    associationId: string,
    permitIds: string[],
    skip: number,
    take: number,
  ): Promise<[HolderScanRecord[], number]> {
    if (permitIds.length === 0) return [[], 0];
    const where = `association_id = $1 AND permit_id = ANY($2::uuid[])`;
    const [rows, counted] = await Promise.all([
      this.dataSource.query<(ScanRow & PlaceRow)[]>(
        `SELECT ${COLUMNS}, lane_id, car_park_id, space_label FROM permit_scan WHERE ${where}
          ORDER BY scanned_at DESC, id LIMIT $3 OFFSET $4`,
        [associationId, permitIds, take, skip],
      ),
      this.dataSource.query<{ count: string }[]>(
        `SELECT count(*) FROM permit_scan WHERE ${where}`,
        [associationId, permitIds],
      ),
    ]);
    return [
      rows.map((row) => ({
        ...toRecord(row),
        laneId: row.lane_id,
        carParkId: row.car_park_id,
        spaceLabel: row.space_label,
      })),
      Number(counted[0]?.count ?? 0),
    ];
  }

  /** An association's scans, the latest first. */
  async page(filter: ScanFilter, skip: number, take: number): Promise<[ScanRecord[], number]> {
    const [where, params] = scanFilterSql(filter);
    const n = params.length;
    const [rows, counted] = await Promise.all([
      this.dataSource.query<ScanRow[]>(
        `SELECT ${COLUMNS} FROM permit_scan WHERE ${where}
          ORDER BY scanned_at DESC, id DESC LIMIT $${n + 1} OFFSET $${n + 2}`,
        [...params, take, skip],
      ),
      this.dataSource.query<{ count: string }[]>(
        `SELECT count(*) FROM permit_scan WHERE ${where}`,
        params,
      ),
    ]);
    return [rows.map(toRecord), Number(counted[0]?.count ?? 0)];
  }

  /** Every scan in the list's order, a batch at a time (keyset, so memory stays bounded). */
  async *inLedgerOrder(filter: ScanFilter, batch = 500): AsyncGenerator<ScanRecord[]> {
    const [where, params] = scanFilterSql(filter);
    const n = params.length;
    // The time as text: a Date would drop its microseconds and skip rows of one millisecond.
    let after: { scannedAt: string; id: string } | null = null;
    for (;;) {
      const rows: (ScanRow & { key_at: string })[] = await this.dataSource.query(
        `SELECT ${COLUMNS}, scanned_at::text AS key_at FROM permit_scan WHERE ${where}
           AND ($${n + 1}::timestamptz IS NULL OR (scanned_at, id) < ($${n + 1}, $${n + 2}::uuid))
          ORDER BY scanned_at DESC, id DESC LIMIT $${n + 3}`,
        [...params, after?.scannedAt ?? null, after?.id ?? null, batch],
      );
      if (rows.length === 0) return;
      const records = rows.map(toRecord);
      yield records;
      const last = rows[rows.length - 1]!;
      after = { scannedAt: last.key_at, id: last.id };
      if (rows.length < batch) return;
    }
  }
}

export interface ScanFilter {
  associationId: string;
  from?: Date;
  to?: Date;
}

function scanFilterSql(filter: ScanFilter): [string, unknown[]] {
  const params: unknown[] = [filter.associationId];
  const where = ['association_id = $1'];
  if (filter.from) where.push(`scanned_at >= $${params.push(filter.from)}`);
  if (filter.to) where.push(`scanned_at < $${params.push(filter.to)}`);
  return [where.join(' AND '), params];
}

function toRecord(row: ScanRow): ScanRecord {
  return {
    id: row.id,
    permitId: row.permit_id,
    verdict: row.verdict,
    cause: row.reason,
    causeParams: row.reason_params,
    scannedAt: row.scanned_at,
    recorderOnDuty: row.recorder_on_duty,
  };
}

function keyTaken(error: unknown): boolean {
  // pg's own error from a prepared statement; TypeORM's wraps it as `driverError`.
  const cause: unknown = error instanceof QueryFailedError ? error.driverError : error;
  return cause instanceof DatabaseError && cause.constraint === 'permit_scan_idempotency_key';
}
