import type { Tx } from './transactions';

/** Beijing has kept UTC+8 all year since 1991: a month starts at 00:00+08. */
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/**
 * A table partitioned by Beijing month of one column, its months named `<table>_YYYY_MM`, with a
 * `<table>_default` partition for every other time (migrations 1765890000000, 1765920000000).
 */
export interface MonthlyTable {
  table: string;
  column: string;
  /**
   * Removes the rows of a side table that belong to the rows of `month` (a detached partition),
   * before the rows that outlive it come back through the parent: a dropped table fires no delete
   * trigger, and the kept rows' triggers add them again.
   */
  forgetSideRows: (month: string) => string;
  /**
   * An SQL condition on the month's row (named `alias`) that keeps it past its month;
   * `period.keep_after` is the start of what is still within every association's period.
   */
  outlives: string;
  alias: string;
}

export interface MonthsPass {
  created: string[];
  dropped: string[];
  /** Rows moved out of a dropped month into the default partition */
  kept: number;
}

/**
 * The DDL of a monthly-partitioned table, run in the retention job's transaction. Sets
 * `lock_timeout`: detaching or creating a partition briefly locks the whole table, and while we
 * wait for that lock every new row queues behind us. Behind a long reader we give up after a
 * second and try again next pass, rather than hold the writers for as long as it reads.
 */
export class MonthlyPartitions {
  private readonly monthName: RegExp;

  constructor(private readonly spec: MonthlyTable) {
    this.monthName = new RegExp(`^${spec.table}_(\\d{4})_(\\d{2})$`);
  }

  /** Makes the months from `now`'s to `ahead` months later that do not exist yet. */
  async makeAhead(tx: Tx, now: Date, ahead: number): Promise<string[]> {
    const { table, column } = this.spec;
    await tx.query(`SET LOCAL lock_timeout = '1s'`);
    const existing = new Set(await this.months(tx));
    const created: string[] = [];
    const { year, month } = beijingMonthOf(now);
    for (let i = 0; i <= ahead; i++) {
      const name = this.partitionName(year, month + i);
      if (existing.has(name)) continue;
      const [lo, hi] = [monthStart(year, month + i), monthStart(year, month + i + 1)];
      // The default partition may already hold rows of this month (a wrong clock): PostgreSQL
      // refuses the new partition until they are out, so they wait in a temporary table and
      // come back through the parent, into the new month.
      await tx.query(`CREATE TEMPORARY TABLE ${table}_stray (LIKE ${table}) ON COMMIT DROP`);
      await tx.query(
        `WITH moved AS (DELETE FROM ${table}_default WHERE ${column} >= $1 AND ${column} < $2
                        RETURNING *)
         INSERT INTO ${table}_stray SELECT * FROM moved`,
        [lo, hi],
      );
      await tx.query(
        `CREATE TABLE ${name} PARTITION OF ${table}
           FOR VALUES FROM ('${lo.toISOString()}') TO ('${hi.toISOString()}')`,
      );
      await tx.query(`INSERT INTO ${table} SELECT * FROM ${table}_stray`);
      await tx.query(`DROP TABLE ${table}_stray`);
      created.push(name);
    }
    return created;
  }

  /**
   * Drops the months that end before `keepAfter` (past every association's period); the rows that
   * outlive their month move to the default partition first.
   */
  async dropEndedBefore(tx: Tx, keepAfter: Date): Promise<Omit<MonthsPass, 'created'>> {
    const { table, forgetSideRows, outlives, alias } = this.spec;
    await tx.query(`SET LOCAL lock_timeout = '1s'`);
    const pass = { dropped: [] as string[], kept: 0 };
    for (const name of await this.months(tx)) {
      const [, year, month] = this.monthName.exec(name)!;
      if (monthStart(Number(year), Number(month) + 1) > keepAfter) continue;
      await tx.query(`ALTER TABLE ${table} DETACH PARTITION ${name}`);
      await tx.query(forgetSideRows(name));
      const kept: unknown[] = await tx.query(
        `INSERT INTO ${table}
         SELECT ${alias}.* FROM ${name} ${alias}, (SELECT $1::timestamptz AS keep_after) period
          WHERE ${outlives}
         RETURNING 1`,
        [keepAfter],
      );
      await tx.query(`DROP TABLE ${name}`);
      pass.dropped.push(name);
      pass.kept += kept.length;
    }
    return pass;
  }

  /** The monthly partitions, oldest first. */
  private async months(tx: Tx): Promise<string[]> {
    const rows: { name: string }[] = await tx.query(
      `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = $1::regclass ORDER BY c.relname`,
      [this.spec.table],
    );
    return rows.map((r) => r.name).filter((name) => this.monthName.test(name));
  }

  private partitionName(year: number, month: number): string {
    const start = new Date(Date.UTC(year, month - 1, 1));
    const mm = String(start.getUTCMonth() + 1).padStart(2, '0');
    return `${this.spec.table}_${start.getUTCFullYear()}_${mm}`;
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
