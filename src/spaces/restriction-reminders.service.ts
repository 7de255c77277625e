import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { Clock } from '../common/clock';
import { DomainEvents } from '../common/domain-events';
import { PeriodicJob } from '../common/periodic-job';
import { spacesConfig, type SpacesConfig } from '../config';
import { Transactions } from '../database/transactions';
import { LaneMapService } from './lane-map.service';
import { OccupancyRepository } from './occupancy.repository';
import { restrictionsAhead } from './restrictions-ahead';
import { SpaceRepository } from './space.repository';
import { RestrictionReminderDue } from './spaces.events';

/**
 * Warn before a restriction: 30 minutes before a space's restriction (its own or the convention's)
 * starts, the household whose car is parked there is reminded on its live connection, once per
 * start. The session row is marked in the statement that decides, so instances never both send.
 */
@Injectable()
export class RestrictionRemindersService implements OnModuleInit, OnModuleDestroy {
  private readonly job = new PeriodicJob('RestrictionReminders', () =>
    this.runDue(this.clock.now()),
  );

  constructor(
    @Inject(spacesConfig.KEY) private readonly config: SpacesConfig,
    private readonly spaces: SpaceRepository,
    private readonly sessions: OccupancyRepository,
    private readonly map: LaneMapService,
    private readonly transactions: Transactions,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.job.start(this.config.restrictionReminderIntervalSeconds * 1000);
  }

  async onModuleDestroy(): Promise<void> {
    await this.job.stop();
  }

  /** Reminds every household due a reminder at `now`; answers how many were reminded. */
  async runDue(now: Date): Promise<number> {
    const lead = this.config.restrictionReminderLeadMinutes * 60_000;
    const parked = await this.spaces.occupiedByHouseholds();
    const windows = new Map<string, Awaited<ReturnType<LaneMapService['context']>>>();
    let reminded = 0;
    for (const space of parked) {
      const occupant = space.occupant!;
      if (!windows.has(space.associationId)) {
        windows.set(space.associationId, await this.map.context(space.associationId));
      }
      const context = windows.get(space.associationId)!;
      const [soonest] = restrictionsAhead(space, context.conventionWindows, now, lead);
      if (!soonest || !occupant.householdId) continue;
      const sent = await this.transactions.run(async (tx) => {
        if (!(await this.sessions.markRestrictionReminded(tx, occupant.sessionId, soonest.from))) {
          return false;
        }
        this.events.publish(
          tx,
          new RestrictionReminderDue(occupant.householdId!, {
            spaceId: space.id,
            code: space.code,
            plate: occupant.plate,
            ...soonest,
          }),
        );
        return true;
      });
      if (sent) reminded++;
    }
    return reminded;
  }
}
