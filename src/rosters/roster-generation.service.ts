import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { assertCouncilOf } from '../associations/scope';
import type { GenerateRosterDto } from './dto/roster.dto';
import type { GenerationReportView } from './dto/roster.view';
import { hoursSpread } from './generation';
import { periodOf } from './period';
import { withRosterConstraints } from './roster-errors';
import { generateRoster } from './roster-generator';
import { toGapView } from './roster-views';
import { RostersService } from './rosters.service';

const MAX_GENERATION_DAYS = 62;

@Injectable()
export class RosterGenerationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly rosters: RostersService,
  ) {}

  /** Fills a period (a week, a month) from the templates; the council adjusts by hand after. */
  async generate(actor: Actor, dto: GenerateRosterDto): Promise<GenerationReportView> {
    assertCouncilOf(actor, actor.associationId);
    const period = periodOf(dto.from, dto.to, MAX_GENERATION_DAYS);
    const associationId = actor.associationId;
    return withRosterConstraints(() =>
      this.db.transaction(async (em) => {
        const generated = await generateRoster(em, associationId, period);
        const gaps = await this.rosters.gapsIn(em, associationId, period);
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
      }),
    );
  }
}
