import { tryTransactionLock } from '../database/advisory-lock';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { AssociationsService } from '../associations/associations.service';
import { AuthService } from '../auth/auth.service';
import { Clock } from '../common/clock';
import { PeriodicJob } from '../common/periodic-job';
import { DAY_MS, MINUTE_MS } from '../common/shanghai-time';
import { type RetentionConfig, retentionConfig } from '../config';
import { Transactions } from '../database/transactions';
import { ScansService } from '../scans/scans.service';
import { OccupancyService } from '../spaces/occupancy.service';

/** Any constant will do, as long as every instance uses the same one. */
const RETENTION_LOCK_KEY = 4143_0015;

/** Months of scans and sessions made ahead of time, besides the current one (see `makeAhead`). */
const MONTHS_AHEAD = 2;

export interface RetentionPass {
  refreshSessions: number;
  scans: number;
  sessions: number;
  /** Months of scans dropped whole, and made ahead */
  scanPartitions: { dropped: string[]; created: string[] };
  /** Scans a violation keeps, moved out of a dropped month */
  keptScans: number;
  /** Months of occupancy sessions dropped whole, and made ahead */
  sessionPartitions: { dropped: string[]; created: string[] };
  /** Sessions moved out of a dropped month: still open, ended within the period, or evidence */
  keptSessions: number;
}

/**
 * Keeps history only as long as allowed (issue 15.2): whereabouts (permit scans, occupancy
 * sessions) older than the association's `whereabouts_days` (default 180) go, except what a
 * violation keeps; refresh sessions past their expiry go. Scans and sessions are partitioned by
 * month (migrations 1765890000000, 1765920000000): a month past every association's period is
 * dropped whole, and the months ahead are made before they are needed. Each pass is two transactions (months, then
 * rows), each under a transaction-level advisory lock taken with `pg_try_…`: with several
 * instances one prunes and the others skip the pass; the lock ends with the transaction, so a
 * crashed instance holds nothing.
 * At most `RETENTION_BATCH` rows per table per pass keep the transaction short; the next pass
 * takes the rest.
 */
@Injectable()
export class RetentionJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Retention');
  private readonly job = new PeriodicJob(
    'Retention',
    () => this.runOnce(this.clock.now()),
    (pass) => {
      const partitions = pass
        ? [pass.scanPartitions, pass.sessionPartitions].reduce(
            (n, months) => n + months.dropped.length + months.created.length,
            0,
          )
        : 0;
      if (pass && pass.refreshSessions + pass.scans + pass.sessions + partitions > 0) {
        this.logger.log(`removed ${JSON.stringify(pass)}`);
      }
    },
  );

  constructor(
    private readonly transactions: Transactions,
    private readonly associations: AssociationsService,
    private readonly scans: ScansService,
    private readonly occupancy: OccupancyService,
    private readonly auth: AuthService,
    private readonly clock: Clock,
    @Inject(retentionConfig.KEY) private readonly config: RetentionConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.job.start(this.config.everyMinutes * MINUTE_MS);
  }

  async onModuleDestroy(): Promise<void> {
    await this.job.stop();
  }

  /**
   * One pass; null when another instance holds the pass. Whole months of scans and sessions go
   * first, in a transaction of their own: detaching a month locks its table briefly, and that lock must
   * not be held while the row removals below run. Then rows, per association, so that every
   * period stays exact whatever month a row is in.
   */
  async runOnce(now: Date): Promise<RetentionPass | null> {
    const { batch } = this.config;
    const months = await this.transactions
      .run(async (tx) => {
        if (!(await tryTransactionLock(tx, RETENTION_LOCK_KEY))) return null;
        const periods = await this.associations.whereaboutsPeriods(tx);
        // Past every association's period; with no association there is nothing to drop.
        const longest = Math.max(0, ...periods.map((p) => p.days));
        const keepAfter = periods.length ? new Date(now.getTime() - longest * DAY_MS) : new Date(0);
        return {
          scans: await this.scans.maintainPartitions(tx, now, keepAfter, MONTHS_AHEAD),
          sessions: await this.occupancy.maintainPartitions(tx, now, keepAfter, MONTHS_AHEAD),
        };
      })
      .catch((error: unknown) => {
        // Most likely the lock timeout behind a long reader: the months wait for the next pass,
        // the rows below need not.
        this.logger.warn(`months of scans and sessions left for the next pass: ${String(error)}`);
        return {
          scans: { dropped: [], created: [], keptScans: 0 },
          sessions: { dropped: [], created: [], kept: 0 },
        };
      });
    if (!months) return null;
    return this.transactions.run(async (tx) => {
      if (!(await tryTransactionLock(tx, RETENTION_LOCK_KEY))) return null;
      const pass: RetentionPass = {
        refreshSessions: await this.auth.removeExpiredSessions(tx, now, batch),
        scans: 0,
        sessions: 0,
        scanPartitions: { dropped: months.scans.dropped, created: months.scans.created },
        keptScans: months.scans.keptScans,
        sessionPartitions: { dropped: months.sessions.dropped, created: months.sessions.created },
        keptSessions: months.sessions.kept,
      };
      for (const { associationId, days } of await this.associations.whereaboutsPeriods(tx)) {
        const before = new Date(now.getTime() - days * DAY_MS);
        pass.scans += await this.scans.pruneBefore(tx, associationId, before, batch);
        pass.sessions += await this.occupancy.pruneEndedBefore(tx, associationId, before, batch);
      }
      return pass;
    });
  }
}
