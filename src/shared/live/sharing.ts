// Live events of off-peak sharing: event name → (payload) => void. Pure types, shared with the
// web client. Payloads carry codes and params, never text: each screen words them in its language.

/** Why a booking was cancelled. */
export type BookingCancelReason =
  'resident' | 'unit' | 'offer_changed' | 'capacity_reduced' | 'offer_ended' | 'blackout';

/** Why a standing allocation was cancelled. */
export type AllocationCancelReason = 'offer_ended' | 'unit' | 'resident';

/**
 * Whose rule set a time: the unit's own terms, or the convention (its article's number; null
 * when no article states it and the default applies).
 */
export type SharingRule = { rule: 'offer' } | { rule: 'convention'; article: number | null };

/** One bookable night of an offer: places counted for it. */
export interface CarParkNight {
  night: string;
  startsAt: string;
  /** Must leave by. */
  endsAt: string;
  capacity: number;
  booked: number;
  free: number;
}

/** A car park's availability per window of each open offer. Counts only, no plates. */
export interface CarParkAvailability {
  carParkId: string;
  at: string;
  offers: { offerId: string; title: string; status: string; nights: CarParkNight[] }[];
}

/** To the booking's member: the place is gone, and why. */
export interface BookingCancelledNotice {
  bookingId: string;
  offerId: string;
  offerTitle: string;
  night: string;
  reason: BookingCancelReason;
}

/** To the booking's member, before must-leave-by (the unit's terms). */
export interface BookingReminder {
  bookingId: string;
  offerTitle: string;
  mustLeaveBy: string;
  rule: 'offer';
}

export interface AllocationAdmittedNotice {
  allocationId: string;
  offerId: string;
  offerTitle: string;
  /** The `shared` permit issued for the place, when it could be issued. */
  permitId: string | null;
}

export interface AllocationCancelledNotice {
  allocationId: string;
  offerId: string;
  reason: AllocationCancelReason;
}

/**
 * To the car park's unit and the association's staff: a car still parked after must-leave-by
 * plus the grace. `grace` says whose grace applied: the offer's own, or the convention's.
 */
export interface CarParkOverstay {
  bookingId: string;
  carParkId: string;
  carParkName: string;
  plate: string;
  spaceCode: string | null;
  mustLeaveBy: string;
  overstayedFrom: string;
  graceMinutes: number;
  grace: SharingRule;
}

export interface SharingLiveEvents {
  /** To followers of the car park (`subscribe { carParkId }`) and the unit's staff. */
  'carpark.updated': (payload: CarParkAvailability) => void;
  'carpark.overstay': (payload: CarParkOverstay) => void;
  'booking.cancelled': (payload: BookingCancelledNotice) => void;
  'booking.reminder': (payload: BookingReminder) => void;
  'allocation.admitted': (payload: AllocationAdmittedNotice) => void;
  'allocation.cancelled': (payload: AllocationCancelledNotice) => void;
}
