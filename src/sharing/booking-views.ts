// Bookings as they leave the service: the plate shown in full only to those who need it, the
// cancellation reason worded in the reader's language.
import type { Actor } from '../auth/actor';
import { formatPlate } from '../shared/plate';
import { mayReadPlate } from '../associations/views';
import { maskPlate } from '../common/masking';
import type { Lang } from '../shared/i18n';
import type { BookingCancelReason } from '../shared/live/sharing';
import type { BookingRow } from './booking.repository';
import { isLendingUnitOf } from './sharing.policy';
import type { BookingResponse } from '../shared/api/sharing';

const CANCEL_REASON_TEXT: Record<BookingCancelReason, Record<Lang, string>> = {
  resident: { 'zh-CN': '本人取消', en: 'Cancelled by the resident' },
  unit: { 'zh-CN': '驻区单位取消', en: 'Cancelled by the unit' },
  offer_changed: { 'zh-CN': '开放时间已调整', en: 'The offer’s hours changed' },
  capacity_reduced: { 'zh-CN': '开放车位减少', en: 'The unit reduced the places offered' },
  offer_ended: { 'zh-CN': '共享已结束', en: 'The unit ended the offer' },
  blackout: { 'zh-CN': '单位活动停用', en: 'The unit closed that night for its own event' },
};

/** The household sees its own plate; the car park's unit staff see plates of bookings there. */
export function mayReadBookingPlate(actor: Actor, row: BookingRow): boolean {
  return (
    isLendingUnitOf(actor, { residentUnitId: row.resident_unit_id }) ||
    mayReadPlate(actor, { householdId: row.household_id, associationId: row.association_id })
  );
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export function toBookingView(row: BookingRow, actor: Actor, lang: Lang): BookingResponse {
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
    cancelReasonText: row.cancel_reason ? CANCEL_REASON_TEXT[row.cancel_reason][lang] : null,
    bookedAt: iso(row.created_at)!,
  };
}
