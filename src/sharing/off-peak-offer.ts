import type { PlateColor } from '../shared/plate';
import type { OfferSchedule, WeeklyRule } from './offer-windows';

import type { OfferStatus } from '../shared/api/sharing';

export { OFFER_STATUSES, type OfferStatus } from '../shared/api/sharing';

/** 错时共享: places of a car park lent to eligible residents in recurring windows. */
export interface OffPeakOffer {
  id: string;
  carParkId: string;
  residentUnitId: string;
  associationId: string;
  title: string;
  status: OfferStatus;
  places: number;
  /** Places held by standing allocations (monthly passes); the rest are booked night by night. */
  standingPlaces: number;
  standingAdmitted: number;
  namedSpaces: boolean;
  weeklyRules: WeeklyRule[];
  validFrom: string;
  validTo: string | null;
  blackoutDates: string[];
  eligibleAssociationIds: string[];
  /** Households registered in one of these lanes only; empty: any lane (eligibility.ts). */
  eligibleLaneIds: string[];
  /** Only a car whose 行驶证 names a member of its household. */
  requiresLicenceOwner: boolean;
  /** Only cars with these plate colours (e.g. new-energy green); empty: any. */
  eligiblePlateColors: PlateColor[];
  /** null: the convention's sharedGraceMinutes applies. */
  graceMinutes: number | null;
  /** numeric(8,2), kept as text so no cent is lost. */
  monthlyFeeCny: string;
  bookingDaysAhead: number;
  termsText: string;
  termsHash: string;
  endedAt: Date | null;
  createdAt: Date;
}

/** Places booked night by night. */
export function nightlyPlaces(offer: Pick<OffPeakOffer, 'places' | 'standingPlaces'>): number {
  return offer.places - offer.standingPlaces;
}

export function scheduleOf(offer: OffPeakOffer): OfferSchedule {
  return {
    rules: offer.weeklyRules,
    validFrom: offer.validFrom,
    validTo: offer.validTo,
    blackoutDates: offer.blackoutDates,
  };
}
