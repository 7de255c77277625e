// What off-peak sharing announces once it has committed. The live listener
// (src/live/listeners/sharing.listener.ts) turns these into pushes; the convention's violations
// turn a flagged overstay into a record on the household's ladder. Sharing depends on neither.
import type { DomainEvent } from '../common/domain-events';
import type {
  AllocationAdmittedNotice,
  AllocationCancelledNotice,
  BookingCancelledNotice,
  BookingReminder,
  CarParkAvailability,
  SharingRule,
} from '../shared/live/sharing';

/** A car park's offers or bookings changed: its availability as committed. */
export class CarParkAvailabilityChanged implements DomainEvent {
  static readonly type = 'sharing.car-park-availability-changed';
  readonly type = CarParkAvailabilityChanged.type;

  constructor(
    readonly residentUnitId: string,
    readonly availability: CarParkAvailability,
  ) {}
}

/** A booking was cancelled by someone other than its resident (the unit, a change, the end). */
export class BookingCancelled implements DomainEvent {
  static readonly type = 'sharing.booking-cancelled';
  readonly type = BookingCancelled.type;

  constructor(
    readonly memberId: string,
    readonly notice: BookingCancelledNotice,
  ) {}
}

/** A resident still parked is reminded of must-leave-by. */
export class BookingReminderDue implements DomainEvent {
  static readonly type = 'sharing.booking-reminder-due';
  readonly type = BookingReminderDue.type;

  constructor(
    readonly memberId: string,
    readonly reminder: BookingReminder,
  ) {}
}

export class AllocationAdmitted implements DomainEvent {
  static readonly type = 'sharing.allocation-admitted';
  readonly type = AllocationAdmitted.type;

  constructor(
    readonly memberId: string,
    readonly notice: AllocationAdmittedNotice,
  ) {}
}

/** A standing allocation was ended by the unit, the council or the offer's end. */
export class AllocationCancelled implements DomainEvent {
  static readonly type = 'sharing.allocation-cancelled';
  readonly type = AllocationCancelled.type;

  constructor(
    readonly memberId: string,
    readonly notice: AllocationCancelledNotice,
  ) {}
}

/** A car still parked in a unit's car park after must-leave-by plus the grace period. */
export class OverstayFlagged implements DomainEvent {
  static readonly type = 'sharing.overstay-flagged';
  readonly type = OverstayFlagged.type;

  constructor(
    readonly bookingId: string,
    /** The resident's association: whose convention and ladder apply. */
    readonly associationId: string,
    readonly residentUnitId: string,
    readonly carParkId: string,
    readonly carParkName: string,
    readonly spaceCode: string | null,
    /** Normalised plate, as booked. */
    readonly plate: string,
    readonly mustLeaveBy: Date,
    /** must-leave-by plus the grace period: the moment the stay became an overstay. */
    readonly overstayedFrom: Date,
    readonly graceMinutes: number,
    /** Whose grace applied: the offer's own terms, or the convention's `sharedGraceMinutes`. */
    readonly grace: SharingRule,
    readonly flaggedAt: Date,
  ) {}
}
