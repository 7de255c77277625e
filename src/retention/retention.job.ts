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

export interface RetentionPass {
  refreshSessions: number;
  scans: number;
  sessions: number;
}

/**
 * Keeps history only as long as allowed (issue 15.2): whereabouts (permit scans, occupancy
 * sessions) older than the association's `whereabouts_days` (default 180) go, except what a
 * violation keeps; refresh sessions past their expiry go. Each pass is one transaction under a
 * transaction-level advisory lock taken with `pg_try_…`: with several instances one prunes and the
 * others skip the pass; the lock ends with the transaction, so a crashed instance holds nothing.
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
      if (pass && pass.refreshSessions + pass.scans + pass.sessions > 0) {
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

  /** One pass; null when another instance holds the pass. */
  async runOnce(now: Date): Promise<RetentionPass | null> {
    const { batch } = this.config;
    return this.transactions.run(async (tx) => {
      if (!(await tryTransactionLock(tx, RETENTION_LOCK_KEY))) return null;
      const pass: RetentionPass = {
        refreshSessions: await this.auth.removeExpiredSessions(tx, now, batch),
        scans: 0,
        sessions: 0,
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
