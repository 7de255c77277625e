import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { Clock } from '../common/clock';
import { DomainEvents } from '../common/domain-events';
import { OutboxService } from '../common/outbox/outbox.service';
import { PeriodicJob } from '../common/periodic-job';
import { sharingConfig, type SharingConfig } from '../config';
import { ConventionRulesService } from '../conventions/convention-rules.service';
import { Transactions } from '../database/transactions';
import type { SharingRule } from '../shared/live/sharing';
import { BookingRepository } from './booking.repository';
import { OverstayRepository } from './overstay.repository';
import { BookingReminderDue, OverstayFlagged } from './sharing.events';

export interface ReminderRun {
  reminded: number;
  overstays: number;
}

/**
 * Before must-leave-by, residents still parked get a reminder on their live connection; after
 * the grace period (the offer's, else the convention's sharedGraceMinutes) the overstay is kept
 * in sharing_overstay and announced as OverstayFlagged: to the unit and the association's
 * wardens, and to the violations that put it on the household's ladder. Each step marks its row
 * in the same statement that selects it, so two instances never send the same notice or raise
 * the same event twice.
 */
@Injectable()
export class RemindersService implements OnModuleInit, OnModuleDestroy {
  private readonly job = new PeriodicJob('SharingReminders', () =>
    this.runDueReminders(this.clock.now()),
  );

  constructor(
    @Inject(sharingConfig.KEY) private readonly config: SharingConfig,
    private readonly bookings: BookingRepository,
    private readonly overstays: OverstayRepository,
    private readonly conventions: ConventionRulesService,
    private readonly transactions: Transactions,
    private readonly events: DomainEvents,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.job.start(this.config.reminderIntervalSeconds * 1000);
  }

  async onModuleDestroy(): Promise<void> {
    await this.job.stop();
  }

  async runDueReminders(now: Date): Promise<ReminderRun> {
    const reminded = await this.transactions.run(async (tx) => {
      const due = await this.bookings.markReminded(tx, now, this.config.reminderLeadMinutes);
      for (const booking of due)
        this.events.publish(
          tx,
          new BookingReminderDue(booking.member_id, {
            bookingId: booking.id,
            offerTitle: booking.title,
            mustLeaveBy: new Date(booking.ends_at).toISOString(),
            rule: 'offer',
          }),
        );
      return due.length;
    });
    const overstays = await this.flagOverstays(now);
    // One run leaves its consequences (the violations) recorded before it returns.
    if (overstays > 0) await this.outbox.drain();
    return { reminded, overstays };
  }

  private async flagOverstays(now: Date): Promise<number> {
    let flagged = 0;
    for (const associationId of await this.overstays.dueAssociations(now)) {
      const rules = await this.conventions.rulesInForce(associationId, now);
      const conventionGrace: SharingRule = {
        rule: 'convention',
        article: rules.articleFor('sharedGraceMinutes')?.number ?? null,
      };
      const overstays = await this.transactions.run(async (tx) => {
        const flaggedNow = await this.overstays.flag(
          tx,
          now,
          associationId,
          rules.parameters.sharedGraceMinutes,
        );
        for (const o of flaggedNow) {
          const event = new OverstayFlagged(
            o.bookingId,
            o.associationId,
            o.residentUnitId,
            o.carParkId,
            o.carParkName,
            o.spaceCode,
            o.plate,
            o.mustLeaveBy,
            new Date(o.mustLeaveBy.getTime() + o.graceMinutes * 60_000),
            o.graceMinutes,
            o.offerGrace ? { rule: 'offer' } : conventionGrace,
            now,
          );
          // The unit and the wardens hear of it after commit; the household's ladder (another
          // feature) gets it through the outbox, retried until the violation is recorded.
          this.events.publish(tx, event);
          await this.outbox.enqueue(tx, OverstayFlagged.type, event);
        }
        return flaggedNow;
      });
      flagged += overstays.length;
    }
    return flagged;
  }
}
