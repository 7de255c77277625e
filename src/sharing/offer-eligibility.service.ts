import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { isResident } from '../auth/policy';
import { VehicleLicencesService } from '../associations/vehicle-licences.service';
import { DomainError } from '../common/domain-error';
import type { Lang } from '../shared/i18n';
import { formatPlate } from '../shared/plate';
import { renderReason } from '../shared/reasons';
import type { LicenceFacts } from '../associations/vehicle.repository';
import {
  type ConditionCheck,
  type Eligibility,
  eligibilityOf,
  explain,
  firstMissed,
  missedReasons,
  SHORT_REASONS,
} from './eligibility';
import type { OffPeakOffer } from './off-peak-offer';
import type { ConditionResponse, EligibilityResponse } from '../shared/api/sharing';

interface Judged {
  eligibility: Eligibility;
  vehicles: LicenceFacts[];
}

/**
 * The offer's conditions (eligibility.ts) against the resident's household and cars, as the
 * associations feature knows them: checked on every booking and registration, and shown to the
 * resident condition by condition.
 */
@Injectable()
export class OfferEligibilityService {
  constructor(private readonly licences: VehicleLicencesService) {}

  /** Refuses with the first condition this car misses. */
  async assertMay(actor: Actor, offer: OffPeakOffer, vehicleId: string): Promise<void> {
    const { eligibility } = await this.judge(actor, offer);
    const missed = firstMissed(eligibility, vehicleId);
    if (missed) throw new DomainError(missed);
  }

  /** Every condition, met or missed, for the resident (GET /api/offers/:id/eligibility). */
  async view(actor: Actor, offer: OffPeakOffer, lang: Lang): Promise<EligibilityResponse> {
    return toEligibilityView(await this.judge(actor, offer), lang);
  }

  /** For the offer list: a resident's eligibility for each offer; nothing for anyone else. */
  async views(
    actor: Actor,
    offers: readonly OffPeakOffer[],
    lang: Lang,
  ): Promise<Map<string, EligibilityResponse>> {
    if (!isResident(actor)) return new Map();
    const facts = await this.factsOf(actor);
    return new Map(
      offers.map((offer) => [offer.id, toEligibilityView(judgeWith(actor, offer, facts), lang)]),
    );
  }

  /** The lanes an offer names must be lanes of the associations it is open to. */
  async assertLanes(eligibleAssociationIds: string[], laneIds: string[]): Promise<void> {
    if (laneIds.length === 0) return;
    const associationOf = await this.licences.laneAssociations(laneIds);
    const stray = laneIds.filter(
      (id) => !eligibleAssociationIds.includes(associationOf.get(id) ?? ''),
    );
    if (stray.length > 0) throw new DomainError('offer.lane_not_eligible_association');
  }

  private async judge(actor: Actor, offer: OffPeakOffer): Promise<Judged> {
    return judgeWith(actor, offer, await this.factsOf(actor));
  }

  private async factsOf(
    actor: Actor,
  ): Promise<{ laneId: string | null; vehicles: LicenceFacts[] }> {
    if (!isResident(actor) || !actor.householdId) return { laneId: null, vehicles: [] };
    return this.licences.eligibilityFacts(actor.householdId);
  }
}

function judgeWith(
  actor: Actor,
  offer: OffPeakOffer,
  facts: { laneId: string | null; vehicles: LicenceFacts[] },
): Judged {
  const eligibility = eligibilityOf(
    offer,
    {
      isResident: isResident(actor),
      householdId: actor.householdId,
      associationId: actor.associationId,
      laneId: facts.laneId,
    },
    facts.vehicles,
  );
  return { eligibility, vehicles: facts.vehicles };
}

function toEligibilityView({ eligibility, vehicles }: Judged, lang: Lang): EligibilityResponse {
  const reasons = missedReasons(eligibility);
  const byId = new Map(vehicles.map((v) => [v.id, v]));
  return {
    eligible: eligibility.eligible,
    reasons: reasons.map((r) => SHORT_REASONS[r]),
    explanation: explain(reasons, lang),
    conditions: eligibility.conditions.map((c) => toConditionView(c, lang)),
    vehicles: eligibility.vehicles.map((v) => ({
      vehicleId: v.vehicleId,
      plate: formatPlate(byId.get(v.vehicleId)?.plate ?? ''),
      plateColor: byId.get(v.vehicleId)!.plateColor,
      eligible: v.eligible,
      conditions: v.conditions.map((c) => toConditionView(c, lang)),
    })),
  };
}

function toConditionView(check: ConditionCheck, lang: Lang): ConditionResponse {
  return {
    condition: check.condition,
    met: check.met,
    reason: check.reason,
    message: check.reason ? renderReason(check.reason, {}, lang) : null,
  };
}
