import type { EntityManager } from 'typeorm';
import { returnedRows } from './returned-rows';

export type CancelReason =
  'resident' | 'unit' | 'offer_changed' | 'capacity_reduced' | 'offer_ended' | 'blackout';

export const CANCEL_REASON_TEXT: Record<CancelReason, string> = {
  resident: '本人取消 / cancelled by the resident',
  unit: '驻区单位取消 / cancelled by the unit',
  offer_changed: '开放时间已调整 / the offer’s hours changed',
  capacity_reduced: '开放车位减少 / the unit reduced the places offered',
  offer_ended: '共享已结束 / the unit ended the offer',
  blackout: '单位活动停用 / the unit closed that night for its own event',
};

export interface CancelledBooking {
  id: string;
  memberId: string;
  offerId: string;
  night: string;
  reason: CancelReason;
}

/**
 * Cancels the given live bookings, keeping each row and its reason (never silently lost). The
 * caller holds the offer's lock and sends the notices after commit.
 */
export async function cancelBookings(
  em: EntityManager,
  ids: string[],
  reason: CancelReason,
  by: string | null,
  at: Date,
): Promise<CancelledBooking[]> {
  if (ids.length === 0) return [];
  const rows = returnedRows<{ id: string; member_id: string; offer_id: string; night: string }>(
    await em.query(
      `UPDATE booking SET status = 'cancelled', cancelled_at = $2, cancelled_by = $3, cancel_reason = $4
      WHERE id = ANY($1) AND status = 'booked'
      RETURNING id, member_id, offer_id, to_char(night, 'YYYY-MM-DD') AS night`,
      [ids, at, by, reason],
    ),
  );
  return rows.map((r) => ({
    id: r.id,
    memberId: r.member_id,
    offerId: r.offer_id,
    night: r.night,
    reason,
  }));
}

/** The notice a resident receives on their member room. */
export function cancellationNotice(booking: CancelledBooking, offerTitle: string) {
  return {
    bookingId: booking.id,
    offerId: booking.offerId,
    offerTitle,
    night: booking.night,
    reason: booking.reason,
    message: CANCEL_REASON_TEXT[booking.reason],
  };
}
