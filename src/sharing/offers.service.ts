import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { AssociationsService } from '../associations/associations.service';
import { VehiclesService } from '../associations/vehicles.service';
import { DomainError } from '../common/domain-error';
import { ConventionRulesService } from '../conventions/convention-rules.service';
import { Transactions } from '../database/transactions';
import type { Lang } from '../shared/i18n';
import { AvailabilityService } from './availability.service';
import { CarParkRepository } from './car-park.repository';
import type { PublishOfferDto } from './dto/offer.dto';
import { OfferEligibilityService } from './offer-eligibility.service';
import type { OffPeakOffer } from './off-peak-offer';
import { OffPeakOfferRepository } from './off-peak-offer.repository';
import { fromRuleDto, toOfferView } from './offer-views';
import { type OfferSchedule, scheduleProblems } from './offer-windows';
import { assertLender, canReadOffer, sharingScopeOf } from './sharing.policy';
import { StandingAllocationRepository } from './standing-allocation.repository';
import type { EligibilityResponse, OfferResponse } from '../shared/api/sharing';

export function termsHashOf(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Refuses a schedule that cannot be used, naming its first problem. */
export function assertSchedule(schedule: OfferSchedule): void {
  const [problem] = scheduleProblems(schedule);
  if (problem) throw new DomainError(problem.reason, problem.params);
}

/** Publishing and reading off-peak offers. Changes to live offers: OfferLifecycleService. */
@Injectable()
export class OffersService {
  constructor(
    private readonly offers: OffPeakOfferRepository,
    private readonly carParks: CarParkRepository,
    private readonly allocations: StandingAllocationRepository,
    private readonly availability: AvailabilityService,
    private readonly associations: AssociationsService,
    private readonly vehicles: VehiclesService,
    private readonly conventions: ConventionRulesService,
    private readonly transactions: Transactions,
    private readonly eligibilityOf: OfferEligibilityService,
  ) {}

  /** The resident's eligibility for one offer they may read, condition by condition. */
  async eligibility(actor: Actor, id: string, lang: Lang): Promise<EligibilityResponse> {
    const offer = await this.readable(actor, id);
    return this.eligibilityOf.view(actor, offer, lang);
  }

  /** Residents: the offers open to their association; unit staff: their own; council: theirs. */
  async list(actor: Actor, lang: Lang): Promise<OfferResponse[]> {
    const scope = sharingScopeOf(actor);
    const offers =
      scope.kind === 'unit'
        ? await this.offers.listOfUnit(scope.residentUnitId)
        : scope.kind === 'eligible'
          ? await this.offers.listOpenTo(scope.associationId)
          : await this.offers.listOfAssociations(scope.associationIds);
    return this.views(actor, offers, lang);
  }

  async get(actor: Actor, id: string, lang: Lang): Promise<OfferResponse> {
    const [view] = await this.views(actor, [await this.readable(actor, id)], lang);
    return view!;
  }

  /** The offer if the actor may read it, else 404. */
  async readable(actor: Actor, id: string): Promise<OffPeakOffer> {
    const offer = await this.offers.find(id);
    if (!offer || !canReadOffer(actor, offer)) throw DomainError.notFound('offer', id);
    return offer;
  }

  /** Every eligible association must exist: an offer open to nobody helps nobody. */
  async assertAssociationsExist(ids: string[]): Promise<void> {
    const missing = await this.associations.missingIds(ids);
    if (missing.length > 0)
      throw new DomainError('offer.unknown_associations', { ids: missing.join(', ') });
  }

  async publish(actor: Actor, dto: PublishOfferDto, lang: Lang): Promise<OfferResponse> {
    const carPark = await this.carParks.find(dto.carParkId);
    if (!carPark) throw DomainError.notFound('car park', dto.carParkId);
    assertLender(actor, carPark, 'car park', dto.carParkId);
    const schedule = {
      rules: dto.rules.map(fromRuleDto),
      validFrom: dto.validFrom,
      validTo: dto.validTo ?? null,
      blackoutDates: dto.blackoutDates ?? [],
    };
    assertSchedule(schedule);
    const places = dto.spaceCodes?.length ?? dto.places!;
    const standingPlaces = dto.standingPlaces ?? 0;
    if (standingPlaces > places)
      throw new DomainError('offer.standing_exceeds_places', { standingPlaces, places });
    if (dto.eligibleAssociationIds) await this.assertAssociationsExist(dto.eligibleAssociationIds);
    const eligibleAssociationIds = dto.eligibleAssociationIds ?? [carPark.associationId];
    await this.eligibilityOf.assertLanes(eligibleAssociationIds, dto.eligibleLaneIds ?? []);
    const termsText = dto.termsText ?? '';

    const id = await this.transactions.run(async (tx) => {
      const codes = dto.spaceCodes ?? [];
      const spaces = await this.carParks.spaceIds(tx, carPark.id, codes);
      const missing = codes.filter((code) => !spaces.has(code));
      if (missing.length > 0)
        throw new DomainError('offer.unknown_spaces', { codes: missing.join(', ') });
      // The database refuses places beyond the car park's spaces at any minute (offer.over_capacity).
      const id = await this.offers.insert(
        tx,
        {
          carParkId: carPark.id,
          residentUnitId: carPark.residentUnitId,
          associationId: carPark.associationId,
          title: dto.title ?? carPark.name,
          status: 'live',
          places,
          standingPlaces,
          namedSpaces: codes.length > 0,
          weeklyRules: schedule.rules,
          validFrom: schedule.validFrom,
          validTo: schedule.validTo,
          blackoutDates: schedule.blackoutDates,
          eligibleAssociationIds,
          eligibleLaneIds: dto.eligibleLaneIds ?? [],
          requiresLicenceOwner: dto.requiresLicenceOwner ?? false,
          eligiblePlateColors: dto.eligiblePlateColors ?? [],
          graceMinutes: dto.graceMinutes ?? null,
          monthlyFeeCny: String(dto.monthlyFeeCny ?? 0),
          bookingDaysAhead: dto.bookingDaysAhead ?? 7,
          termsText,
          termsHash: termsHashOf(termsText),
        },
        [...spaces.values()],
      );
      await this.availability.announce(tx, carPark.id, carPark.residentUnitId);
      return id;
    });
    return this.get(actor, id, lang);
  }

  /** Views with car park, unit, waiting list, grace and (for residents) eligibility. */
  async views(actor: Actor, offers: OffPeakOffer[], lang: Lang): Promise<OfferResponse[]> {
    if (offers.length === 0) return [];
    const ids = offers.map((o) => o.id);
    const [places, unitNames, waiting, nights, eligibility] = await Promise.all([
      this.offers.places(ids),
      this.associations.residentUnitNames(offers.map((o) => o.residentUnitId)),
      this.allocations.waitingCounts(ids),
      this.availability.nightsAhead(offers),
      this.eligibilityOf.views(actor, offers, lang),
    ]);
    const graceByAssociation = new Map<string, number>();
    for (const associationId of new Set(offers.map((o) => o.associationId))) {
      const rules = await this.conventions.rulesInForce(associationId);
      graceByAssociation.set(associationId, rules.parameters.sharedGraceMinutes);
    }
    return offers.map((offer) => {
      const place = places.get(offer.id)!;
      return toOfferView(offer, {
        ...place,
        unitName: unitNames.get(offer.residentUnitId) ?? '',
        waiting: waiting.get(offer.id) ?? 0,
        graceMinutes: offer.graceMinutes ?? graceByAssociation.get(offer.associationId) ?? 15,
        conventionGraceMinutes: graceByAssociation.get(offer.associationId) ?? 15,
        nights: nights.get(offer.id) ?? [],
        eligibility: eligibility.get(offer.id),
      });
    });
  }
}
