import {
  Inject,
  Injectable,
  Logger,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { sharingConfig, type SharingConfig } from '../config';
import { ConventionRulesService } from '../conventions/convention-rules.service';
import { AllocationsService } from './allocations.service';
import { DrawsService } from './draws.service';
import type { OffPeakOffer } from './off-peak-offer';
import { OffPeakOfferRepository } from './off-peak-offer.repository';
import { StandingAllocationRepository } from './standing-allocation.repository';

export interface RotationRun {
  /** Offers whose period ended: the redraw's seed hash is published. */
  published: string[];
  /** Offers whose published redraw was drawn. */
  drawn: string[];
}

/**
 * 轮换: where cars outnumber standing places, the convention's rotationPeriodMonths bounds how
 * long a place is held. When an offer's period has ended (its last draw, else its earliest
 * admission, plus the period) and someone is waiting, a pass publishes a rotation draw (the hash
 * first, as every lottery), and the next pass draws it: every place is released and redrawn, those
 * who held one behind those who did not. The council or the unit may do the same by hand
 * (POST /api/offers/:id/draws { kind: 'rotation' }, then admit by lottery).
 */
@Injectable()
export class RotationsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('SharingRotations');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    @Inject(sharingConfig.KEY) private readonly config: SharingConfig,
    private readonly offers: OffPeakOfferRepository,
    private readonly allocations: StandingAllocationRepository,
    private readonly draws: DrawsService,
    private readonly admissions: AllocationsService,
    private readonly conventions: ConventionRulesService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    if (this.config.rotationIntervalSeconds === 0) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.runDue(this.clock.now())
        .catch((error: unknown) => this.logger.error(error))
        .finally(() => (this.running = null));
    }, this.config.rotationIntervalSeconds * 1000);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  async runDue(now: Date): Promise<RotationRun> {
    const run: RotationRun = { published: [], drawn: [] };
    for (const offer of await this.offers.liveWithStandingPlaces()) {
      try {
        const step = await this.step(offer, now);
        if (step) run[step].push(offer.id);
      } catch (error) {
        // Another instance took the step first, or the offer changed meanwhile: next pass.
        if (!(error instanceof DomainError)) throw error;
        this.logger.warn(`rotation of offer ${offer.id}: ${error.reason}`);
      }
    }
    return run;
  }

  private async step(offer: OffPeakOffer, now: Date): Promise<keyof RotationRun | null> {
    const rules = await this.conventions.rulesInForce(offer.associationId, now);
    const months = rules.parameters.rotationPeriodMonths;
    if (months === 0) return null;
    const open = await this.draws.openOf(offer.id);
    if (open) {
      // A person's admission draw waits for them; a rotation's is drawn at the next pass.
      if (open.kind !== 'rotation') return null;
      await this.admissions.admitOffer(offer, { method: 'lottery', by: null });
      return 'drawn';
    }
    const since =
      (await this.draws.lastDrawnAt(offer.id)) ?? (await this.allocations.heldSince(offer.id));
    if (!since || periodEnd(since, months) > now) return null;
    const waiting = (await this.allocations.waitingCounts([offer.id])).get(offer.id) ?? 0;
    if (waiting === 0) return null;
    await this.draws.publishFor(offer, 'rotation', null);
    return 'published';
  }
}

export function periodEnd(since: Date, months: number): Date {
  const end = new Date(since);
  end.setUTCMonth(end.getUTCMonth() + months);
  return end;
}
