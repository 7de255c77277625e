import { Injectable } from '@nestjs/common';
import type { Tx } from '../database/transactions';

/** The roster_rollover table: one job row per association whose roster rolls on. */
@Injectable()
export class RosterRolloverRepository {
  /**
   * Gives every association with active shift templates a job row, due at `now`: the caller's
   * clock, not the database's now(), which is later than the `now` the claim then compares with.
   */
  async enrol(tx: Tx, now: Date): Promise<void> {
    await tx.query(
      `INSERT INTO roster_rollover (association_id, next_run_at)
       SELECT DISTINCT association_id, $1::timestamptz FROM shift_template WHERE active
       ON CONFLICT (association_id) DO NOTHING`,
      [now],
    );
  }

  /**
   * Claims one association whose roll is due, locked until the transaction ends; rows another
   * instance holds are skipped, so each roll runs on one instance only.
   */
  async claimDue(tx: Tx, now: Date, except: string[] = []): Promise<string | null> {
    const rows: { association_id: string }[] = await tx.query(
      `SELECT association_id FROM roster_rollover
        WHERE next_run_at <= $1 AND association_id <> ALL($2::uuid[])
        ORDER BY next_run_at, association_id
        LIMIT 1
        FOR UPDATE SKIP LOCKED`,
      [now, except],
    );
    return rows[0]?.association_id ?? null;
  }

  async recordRun(
    tx: Tx,
    associationId: string,
    run: { ranAt: Date; nextRunAt: Date; generatedUntil: Date; shifts: number },
  ): Promise<void> {
    await tx.query(
      `UPDATE roster_rollover
          SET last_run_at = $2, next_run_at = $3, generated_until = $4, last_shifts = $5
        WHERE association_id = $1`,
      [associationId, run.ranAt, run.nextRunAt, run.generatedUntil, run.shifts],
    );
  }
}
