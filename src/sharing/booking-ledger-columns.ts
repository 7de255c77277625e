// Pure: the booking ledger (预约台账) of a car park, one column definition for its CSV and its
// workbook, in words and Beijing time; the terms' hash stays inside (the acceptance time shows).
import type { LedgerCell, LedgerColumn } from '../common/ledger/ledger-workbook';
import { plateColorWord } from '../common/ledger/ledger-words';
import type { Lang } from '../shared/i18n';
import type { BookingResponse } from '../shared/api/sharing';

export const BOOKING_LEDGER_COLUMNS: readonly LedgerColumn[] = [
  { header: { 'zh-CN': '日期', en: 'Night' }, width: 11 },
  { header: { 'zh-CN': '开始', en: 'Starts' }, width: 17, kind: 'datetime' },
  { header: { 'zh-CN': '结束', en: 'Ends' }, width: 17, kind: 'datetime' },
  { header: { 'zh-CN': '共享时段', en: 'Offer' }, width: 18 },
  { header: { 'zh-CN': '车位', en: 'Space' }, width: 8 },
  { header: { 'zh-CN': '车牌', en: 'Plate' }, width: 12 },
  { header: { 'zh-CN': '车牌颜色', en: 'Plate colour' }, width: 9 },
  { header: { 'zh-CN': '状态', en: 'Status' }, width: 8 },
  { header: { 'zh-CN': '预约时间', en: 'Booked' }, width: 17, kind: 'datetime' },
  { header: { 'zh-CN': '同意条款时间', en: 'Terms accepted' }, width: 17, kind: 'datetime' },
  { header: { 'zh-CN': '到达', en: 'Arrived' }, width: 17, kind: 'datetime' },
  { header: { 'zh-CN': '离开', en: 'Left' }, width: 17, kind: 'datetime' },
  { header: { 'zh-CN': '取消时间', en: 'Cancelled' }, width: 17, kind: 'datetime' },
  { header: { 'zh-CN': '取消原因', en: 'Cancel reason' }, width: 16 },
];

const STATUS_WORDS: Record<string, Record<Lang, string>> = {
  booked: { 'zh-CN': '已预约', en: 'booked' },
  cancelled: { 'zh-CN': '已取消', en: 'cancelled' },
};

const at = (iso: string | null | undefined) => (iso ? new Date(iso) : null);

/** One booking, from the view its reader's list shows (plate masked as there). */
export function bookingLedgerRow(v: BookingResponse, lang: Lang): LedgerCell[] {
  return [
    v.night,
    at(v.startsAt),
    at(v.endsAt),
    v.offerTitle,
    v.spaceCode,
    v.plate,
    plateColorWord(v.plateColor, lang),
    STATUS_WORDS[v.status]?.[lang] ?? v.status,
    at(v.bookedAt),
    at(v.termsAcceptedAt),
    at(v.arrivedAt),
    at(v.leftAt),
    at(v.cancelledAt),
    v.cancelReasonText,
  ];
}
