// What the off-peak sharing routes (/api/offers, /api/bookings, /api/allocations, /api/car-parks)
// answer; the residents', units' and council's screens read it as `Wire<…>`
// (src/shared/api/wire.ts). The OpenAPI classes in src/sharing/dto/ implement these. Types only.
import type { CarParkNight } from '../live/sharing';
import type { PlateColor } from '../plate';

export const OFFER_STATUSES = ['live', 'paused', 'ended'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

/** The conditions of an offer, in the order they are checked and shown. */
export const ELIGIBILITY_CONDITIONS = [
  'resident',
  'association',
  'lane',
  'vehicle',
  'licence_owner',
  'plate_color',
] as const;
export type EligibilityCondition = (typeof ELIGIBILITY_CONDITIONS)[number];

/** When an offer's places are lent, week by week. */
export interface WeeklyRule {
  /** weekdays: official working days (incl. 调休 make-up days); weekends: weekends and holidays. */
  days: 'weekdays' | 'weekends' | 'daily' | 'custom';
  /** For custom: 1 Monday … 7 Sunday. */
  weekdays?: number[];
  /** "19:00" */
  from: string;
  /** At or before `from`: the next morning. */
  to: string;
}

/** Free places of one night ahead, as the live availability counts them too. */
export type Night = CarParkNight;

/** One condition of an offer, met or missed; a missed one carries its refusal and its message. */
export interface ConditionResponse {
  condition: EligibilityCondition;
  met: boolean;
  /** The refusal, when missed. */
  reason: string | null;
  /** The refusal in the language asked for, when missed. */
  message: string | null;
}

export interface VehicleEligibilityResponse {
  vehicleId: string;
  /** The household's own plate, in full. */
  plate: string;
  plateColor: PlateColor;
  eligible: boolean;
  /** The car's own conditions. */
  conditions: ConditionResponse[];
}

export interface EligibilityResponse {
  /** Some car of the household meets every condition. */
  eligible: boolean;
  /** Missed, in short: the household, then its nearest car. */
  reasons: string[];
  explanation: string[];
  /** The household's conditions. */
  conditions: ConditionResponse[];
  vehicles: VehicleEligibilityResponse[];
}

export interface OfferResponse {
  id: string;
  carParkId: string;
  carParkName: string;
  carParkAddress: string;
  entranceNotes: string;
  unitName: string;
  title: string;
  status: OfferStatus;
  places: number;
  standingPlaces: number;
  standingAdmitted: number;
  waiting: number;
  namedSpaces: boolean;
  rules: WeeklyRule[];
  validFrom: string;
  validTo: string | null;
  blackoutDates: string[];
  eligibleAssociationIds: string[];
  /** Lanes a household must be registered in. */
  eligibleLaneIds: string[];
  /** A car registered (行驶证) to a member of the household. */
  requiresLicenceOwner: boolean;
  eligiblePlateColors: PlateColor[];
  graceMinutes: number;
  /** Whose grace applies: the convention's, or the unit's own terms. */
  graceRule: 'convention' | 'offer';
  /** The convention's grace, so a shorter one of the unit is told. */
  conventionGraceMinutes: number;
  monthlyFeeCny: number;
  bookingDaysAhead: number;
  termsText: string;
  /** sha256 of the terms; sent back when accepting them. */
  termsHash: string;
  /** Free places per night ahead. */
  nights: Night[];
  /** For a resident. */
  eligibility?: EligibilityResponse;
}

export interface BookingResponse {
  id: string;
  offerId: string;
  offerTitle: string;
  carParkId: string;
  carParkName: string;
  night: string;
  startsAt: string;
  /** Must leave by. */
  endsAt: string;
  spaceCode: string | null;
  /** Full for the household and the car park's own unit staff. */
  plate: string;
  plateColor: PlateColor;
  status: 'booked' | 'cancelled';
  termsHash: string;
  termsAcceptedAt: string;
  arrivedAt: string | null;
  leftAt: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  cancelReasonText: string | null;
  bookedAt: string;
}

/** A standing place (长期车位): waiting, admitted or cancelled. */
export interface AllocationResponse {
  id: string;
  offerId: string;
  offerTitle: string;
  status: 'waiting' | 'admitted' | 'cancelled';
  /** 1 = next in line. */
  position: number | null;
  plate: string;
  plateColor: PlateColor;
  /** The convention's priority tier the council marked; null: none. */
  priorityTier: string | null;
  /** Periods it has held a place (轮换). */
  periodsHeld: number;
  spaceCode: string | null;
  registeredAt: string;
  admittedAt: string | null;
  permitId: string | null;
  cancelReason: string | null;
  /** Due: the offer's monthly fee, from admission (yuan). */
  feeDueCny: number;
  /** Paid so far: the sum of its payments in the ledger. */
  paidCny: number;
}

export interface CarParkResponse {
  id: string;
  associationId: string;
  residentUnitId: string;
  name: string;
  address: string;
  entranceNotes: string;
  latitude: number | null;
  longitude: number | null;
  totalSpaces: number;
  spaceCodes: string[];
}

/** One group of a draw, drawn whole before the next. */
export interface DrawTier {
  /** The convention's priority tier key; null: no tier. */
  tier: string | null;
  /** Its name in the convention. */
  label: string | null;
  /** Held a place in the period that ends (rotation): drawn after. */
  heldBefore: boolean;
  registrations: string[];
}

/** GET /api/draws/:id: everything needed to recompute a public lottery (the seed once drawn). */
export interface DrawResponse {
  id: string;
  offerId: string;
  method: 'lottery';
  kind: 'admission' | 'rotation';
  /** rotation: months the places are held before the next redraw. */
  periodMonths: number | null;
  /** SHA-256 of the seed, hex: published before the draw. */
  seedHash: string;
  /** Revealed at the draw; null before. */
  seed: string | null;
  /** The registrations the draw closed over. */
  registrations: string[];
  /** Groups in drawing order. */
  tiers: DrawTier[];
  /** Drawn order; empty before the draw. */
  order: string[];
  /** Admitted at the draw, in drawn order. */
  admitted: string[];
  publishedAt: Date;
  drawnAt: Date | null;
}

/** A draw on the public board: the same fields, and the offer it admitted to. */
export interface BoardDraw extends DrawResponse {
  offerTitle: string;
}
