import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { Transactions } from '../database/transactions';
import type { GenerateRosterDto } from './dto/roster.dto';
import { hoursSpread } from './generation';
import { periodOf } from './period';
import { RosterGenerator } from './roster-generator';
import { toGapView } from './roster-views';
import { assertCanManageRoster } from './rosters.policy';
import { RostersService } from './rosters.service';
import type { GenerationReport } from '../shared/api/rosters';

const MAX_GENERATION_DAYS = 62;

@Injectable()
export class RosterGenerationService {
  constructor(
    private readonly transactions: Transactions,
    private readonly generator: RosterGenerator,
    private readonly rosters: RostersService,
  ) {}

  /** Fills a period (a week, a month) from the templates; the council adjusts by hand after. */
  async generate(actor: Actor, dto: GenerateRosterDto): Promise<GenerationReport> {
    assertCanManageRoster(actor, actor.associationId);
    const period = periodOf(dto.from, dto.to, MAX_GENERATION_DAYS);
    const associationId = actor.associationId;
    return this.transactions.run(async (tx) => {
      const generated = await this.generator.generate(tx, associationId, period);
      const gaps = await this.rosters.gapsIn(associationId, period, tx);
      const hours = generated.plan.hours.map((h) => ({
        memberId: h.memberId,
        name: generated.names.get(h.memberId) ?? '',
        kind: h.kind,
        hours: h.minutes / 60,
      }));
      return {
        from: period.from.toISOString(),
        to: period.to.toISOString(),
        shifts: generated.shifts,
        assignments: generated.assignments,
        unfilledSeats: generated.plan.unfilledSeats,
        hours,
        spread: {
          warden: hoursSpread(generated.plan.hours, 'warden'),
          volunteer: hoursSpread(generated.plan.hours, 'volunteer'),
        },
        gaps: gaps.map(toGapView),
      };
    });
  }
}
