import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import type { Association } from '../associations/association.repository';
import { AssociationsService } from '../associations/associations.service';
import { OnboardingService } from '../associations/onboarding.service';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { RostersService } from '../rosters/rosters.service';
import { BookingsService } from '../sharing/bookings.service';
import { SpaceStatisticsService } from '../spaces/space-statistics.service';
import { ViolationLedgerService } from '../violations/violation-ledger.service';
import { PersuasionsService } from '../violations/persuasions/persuasions.service';
import { lastTwelveMonths } from '../common/months';
import { canReadStreetOverview } from './street.policy';
import type { AssociationFigures, StreetOverview } from '../shared/api/street';

const HOUR_MS = 3_600_000;

/**
 * 街道's view across its associations. It gathers figures from the features that own them (spaces,
 * rosters, violations, sharing) and owns no table; what it returns are counts, never people.
 */
@Injectable()
export class StreetOverviewService {
  constructor(
    private readonly associations: AssociationsService,
    private readonly onboarding: OnboardingService,
    private readonly spaces: SpaceStatisticsService,
    private readonly rosters: RostersService,
    private readonly violations: ViolationLedgerService,
    private readonly persuasions: PersuasionsService,
    private readonly bookings: BookingsService,
    private readonly clock: Clock,
  ) {}

  async overview(actor: Actor): Promise<StreetOverview> {
    if (!canReadStreetOverview(actor)) throw new DomainError('street.only');
    const now = this.clock.now();
    const associations = actor.streetOffice
      ? await this.onboarding.streetAssociations(actor)
      : await this.associations.list(actor);
    const figures: AssociationFigures[] = [];
    // One after another: a street has a handful of associations, and the machine few cores.
    for (const association of associations) figures.push(await this.figuresOf(association, now));
    return { streetOffice: actor.streetOffice ?? null, generatedAt: now, associations: figures };
  }

  private async figuresOf(
    association: Pick<Association, 'id' | 'name' | 'community'>,
    now: Date,
  ): Promise<AssociationFigures> {
    const [spaces, lanes, gaps, violations, persuasions, bookingsTonight] = await Promise.all([
      this.spaces.ofAssociation(association.id),
      this.associations.laneIdsOf(association.id),
      this.rosters.gapsAhead(association.id, undefined, now),
      this.violations.monthlyStatistics(association.id, now),
      this.persuasions.monthlyStatistics(association.id, now),
      this.bookings.bookedTonight(association.id),
    ]);
    const months = lastTwelveMonths(now);
    const byMonth = new Map<string, number>();
    for (const row of violations) byMonth.set(row.month, (byMonth.get(row.month) ?? 0) + row.count);
    const uncoveredMs = gaps.reduce(
      (sum, gap) => sum + (new Date(gap.to).getTime() - new Date(gap.from).getTime()),
      0,
    );
    return {
      id: association.id,
      name: association.name,
      community: association.community,
      lanes: lanes.length,
      spaces: spaces.spaces,
      occupiedNow: spaces.occupiedNow,
      freeNow: spaces.freeNow,
      coverageGapsNext7Days: gaps.length,
      uncoveredHoursNext7Days: Math.ceil(uncoveredMs / HOUR_MS),
      violationsThisMonth: byMonth.get(months[months.length - 1]!) ?? 0,
      bookingsTonight,
      occupancyByHour: spaces.occupancyByHour,
      violationsByMonth: months.map((month) => ({ month, count: byMonth.get(month) ?? 0 })),
      // 劝导 and 引导 of the last 12 months by outcome, as the board publishes them (issue 17.1).
      persuasionsByMonth: persuasions,
      persuasionsThisMonth: persuasions
        .filter((row) => row.month === months[months.length - 1])
        .reduce((sum, row) => sum + row.count, 0),
    };
  }
}
