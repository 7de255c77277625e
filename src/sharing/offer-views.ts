// Offer → response view. What leaves the service is decided here.
import type { CarParkNight } from '../shared/live/sharing';
import type { WeeklyRuleDto } from './dto/offer.dto';
import type { OffPeakOffer } from './off-peak-offer';
import type { WeeklyRule } from './offer-windows';
import type { EligibilityResponse, OfferResponse } from '../shared/api/sharing';

export function toRuleDto(rule: WeeklyRule): WeeklyRuleDto {
  return Array.isArray(rule.days)
    ? { days: 'custom', weekdays: [...rule.days], from: rule.from, to: rule.to }
    : { days: rule.days, from: rule.from, to: rule.to };
}

export function fromRuleDto(rule: WeeklyRuleDto): WeeklyRule {
  return {
    days: rule.days === 'custom' ? [...(rule.weekdays ?? [])].sort() : rule.days,
    from: rule.from,
    to: rule.to,
  };
}

export interface OfferContext {
  carParkName: string;
  carParkAddress: string;
  entranceNotes: string;
  unitName: string;
  waiting: number;
  graceMinutes: number;
  /** The convention's sharedGraceMinutes, for a notice when the unit grants less. */
  conventionGraceMinutes: number;
  nights: CarParkNight[];
  eligibility?: EligibilityResponse;
}

export function toOfferView(offer: OffPeakOffer, context: OfferContext): OfferResponse {
  return {
    id: offer.id,
    carParkId: offer.carParkId,
    carParkName: context.carParkName,
    carParkAddress: context.carParkAddress,
    entranceNotes: context.entranceNotes,
    unitName: context.unitName,
    title: offer.title,
    status: offer.status,
    places: offer.places,
    standingPlaces: offer.standingPlaces,
    standingAdmitted: offer.standingAdmitted,
    waiting: context.waiting,
    namedSpaces: offer.namedSpaces,
    rules: offer.weeklyRules.map(toRuleDto),
    validFrom: offer.validFrom,
    validTo: offer.validTo,
    blackoutDates: offer.blackoutDates,
    eligibleAssociationIds: offer.eligibleAssociationIds,
    eligibleLaneIds: offer.eligibleLaneIds,
    requiresLicenceOwner: offer.requiresLicenceOwner,
    eligiblePlateColors: offer.eligiblePlateColors,
    graceMinutes: context.graceMinutes,
    graceRule: offer.graceMinutes === null ? 'convention' : 'offer',
    conventionGraceMinutes: context.conventionGraceMinutes,
    monthlyFeeCny: Number(offer.monthlyFeeCny),
    bookingDaysAhead: offer.bookingDaysAhead,
    termsText: offer.termsText,
    termsHash: offer.termsHash,
    nights: context.nights,
    ...(context.eligibility ? { eligibility: context.eligibility } : {}),
  };
}
