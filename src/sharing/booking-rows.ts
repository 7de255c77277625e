// Reading bookings with what their views need, and deciding once what of them leaves.
import type { Actor } from '../auth/actor';
import type { PlateColor } from '../associations/plate';
import { formatPlate } from '../associations/plate';
import { mayReadPlate } from '../associations/views';
import { maskPlate } from '../common/masking';
import { CANCEL_REASON_TEXT, type CancelReason } from './booking-notices';
import type { BookingView } from './dto/booking.dto';

export interface BookingRow {
  id: string;
  offer_id: string;
  offer_title: string;
  car_park_id: string;
  car_park_name: string;
  resident_unit_id: string;
  night: string;
  starts_at: Date;
  ends_at: Date;
  space_code: string | null;
  plate: string;
  plate_color: PlateColor;
  household_id: string;
  association_id: string;
  member_id: string;
  status: 'booked' | 'cancelled';
  terms_hash: string;
  terms_accepted_at: Date;
  arrived_at: Date | null;
  left_at: Date | null;
  cancelled_at: Date | null;
  cancel_reason: CancelReason | null;
  created_at: Date;
}

export const BOOKING_SELECT = `
  SELECT b.id, b.offer_id, o.title AS offer_title, b.car_park_id, cp.name AS car_park_name,
         cp.resident_unit_id, to_char(b.night, 'YYYY-MM-DD') AS night,
         lower(b.period) AS starts_at, upper(b.period) AS ends_at, s.code AS space_code,
         v.plate, v.plate_color, b.household_id, b.association_id, b.member_id, b.status,
         b.terms_hash, b.terms_accepted_at, b.arrived_at, b.left_at, b.cancelled_at,
         b.cancel_reason, b.created_at
    FROM booking b
    JOIN off_peak_offer o ON o.id = b.offer_id
    JOIN car_park cp ON cp.id = b.car_park_id
    JOIN vehicle v ON v.id = b.vehicle_id
    LEFT JOIN car_park_space s ON s.id = b.space_id`;

/** The household sees its own plate; the car park's unit staff see plates of bookings there. */
export function mayReadBookingPlate(actor: Actor, row: BookingRow): boolean {
  const unitStaff = actor.role === 'unit' && actor.residentUnitId === row.resident_unit_id;
  return (
    unitStaff ||
    mayReadPlate(actor, { householdId: row.household_id, associationId: row.association_id })
  );
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export function toBookingView(row: BookingRow, actor: Actor): BookingView {
  return {
    id: row.id,
    offerId: row.offer_id,
    offerTitle: row.offer_title,
    carParkId: row.car_park_id,
    carParkName: row.car_park_name,
    night: row.night,
    startsAt: iso(row.starts_at)!,
    endsAt: iso(row.ends_at)!,
    spaceCode: row.space_code,
    plate: mayReadBookingPlate(actor, row) ? formatPlate(row.plate) : maskPlate(row.plate),
    plateColor: row.plate_color,
    status: row.status,
    termsHash: row.terms_hash,
    termsAcceptedAt: iso(row.terms_accepted_at)!,
    arrivedAt: iso(row.arrived_at),
    leftAt: iso(row.left_at),
    cancelledAt: iso(row.cancelled_at),
    cancelReason: row.cancel_reason,
    cancelReasonText: row.cancel_reason ? CANCEL_REASON_TEXT[row.cancel_reason] : null,
    bookedAt: iso(row.created_at)!,
  };
}
