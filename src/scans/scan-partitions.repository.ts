import { Injectable } from '@nestjs/common';
import type { Tx } from '../database/transactions';
import { VIOLATION_KEEPS_SCAN } from './scan.repository';

/** Only partitions the migration or this file made: the month is read from the name. */
const MONTH_PARTITION = /^permit_scan_(\d{4})_(\d{2})$/;

/** Beijing has kept UTC+8 all year since 1991: a month starts at 00:00+08. */
const BEIJING_OFFSET_MS = 8 * 3_600_000;

export interface PartitionPass {
  created: string[];
  dropped: string[];
  /** Scans a violation keeps, moved out of a dropped month into `permit_scan_default` */
  keptScans: number;
}

/**
 * The only code that speaks DDL to the monthly partitions of `permit_scan` (see migration
 * 1765890000000 for the design). Runs in the retention job's transaction, after
 * `lock_timeout` is set: detaching or creating a partition briefly locks the whole table, and
 * while we wait for that lock every new scan queues behind us. Behind a long reader we give up
 * after a second and try again next pass, rather than hold the scans for as long as it reads.
 */
@Injectable()
export class ScanPartitionRepository {
  /** Makes the months from `now`'s to `ahead` months later that do not exist yet. */
  async makeAhead(tx: Tx, now: Date, ahead: number): Promise<string[]> {
    await tx.query(`SET LOCAL lock_timeout = '1s'`);
    const existing = new Set(await this.months(tx));
    const created: string[] = [];
    const { year, month } = beijingMonthOf(now);
    for (let i = 0; i <= ahead; i++) {
      const name = partitionName(year, month + i);
      if (existing.has(name)) continue;
      const [lo, hi] = [monthStart(year, month + i), monthStart(year, month + i + 1)];
      // The default partition may already hold rows of this month (a scan from a wrong clock):
      // PostgreSQL refuses the new partition until they are out, so they wait in a temporary
      // table and come back through the parent, into the new month.
      await tx.query(`CREATE TEMPORARY TABLE permit_scan_stray (LIKE permit_scan) ON COMMIT DROP`);
      await tx.query(
        `WITH moved AS (DELETE FROM permit_scan_default WHERE scanned_at >= $1 AND scanned_at < $2
                        RETURNING *)
         INSERT INTO permit_scan_stray SELECT * FROM moved`,
        [lo, hi],
      );
      await tx.query(
        `CREATE TABLE ${name} PARTITION OF permit_scan
           FOR VALUES FROM ('${lo.toISOString()}') TO ('${hi.toISOString()}')`,
      );
      await tx.query(`INSERT INTO permit_scan SELECT * FROM permit_scan_stray`);
      await tx.query(`DROP TABLE permit_scan_stray`);
      created.push(name);
    }
    return created;
  }

  /**
   * Drops the months that end before `keepAfter` (past every association's period), keeping the
   * scans a violation rests on: they move to the default partition. Their idempotency keys go
   * with them first (a dropped table fires no delete trigger) and come back with the kept rows.
   */
  async dropEndedBefore(tx: Tx, keepAfter: Date): Promise<Omit<PartitionPass, 'created'>> {
    await tx.query(`SET LOCAL lock_timeout = '1s'`);
    const pass = { dropped: [] as string[], keptScans: 0 };
    for (const name of await this.months(tx)) {
      const [, year, month] = MONTH_PARTITION.exec(name)!;
      if (monthStart(Number(year), Number(month) + 1) > keepAfter) continue;
      await tx.query(`ALTER TABLE permit_scan DETACH PARTITION ${name}`);
      await tx.query(
        `DELETE FROM permit_scan_key k USING ${name} s
          WHERE k.scanned_by = s.scanned_by AND k.idempotency_key = s.idempotency_key`,
      );
      const kept: unknown[] = await tx.query(
        `INSERT INTO permit_scan SELECT * FROM ${name} s WHERE ${VIOLATION_KEEPS_SCAN} RETURNING 1`,
      );
      await tx.query(`DROP TABLE ${name}`);
      pass.dropped.push(name);
      pass.keptScans += kept.length;
    }
    return pass;
  }

  /** The monthly partitions, oldest first. */
  private async months(tx: Tx): Promise<string[]> {
    const rows: { name: string }[] = await tx.query(
      `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'permit_scan'::regclass ORDER BY c.relname`,
    );
    return rows.map((r) => r.name).filter((name) => MONTH_PARTITION.test(name));
  }
}

/** `month` counts from 1 and may run past 12 (the next years). */
function monthStart(year: number, month: number): Date {
  return new Date(Date.UTC(year, month - 1, 1) - BEIJING_OFFSET_MS);
}

function beijingMonthOf(at: Date): { year: number; month: number } {
  const local = new Date(at.getTime() + BEIJING_OFFSET_MS);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1 };
}

function partitionName(year: number, month: number): string {
  const start = new Date(Date.UTC(year, month - 1, 1));
  const mm = String(start.getUTCMonth() + 1).padStart(2, '0');
  return `permit_scan_${start.getUTCFullYear()}_${mm}`;
}
