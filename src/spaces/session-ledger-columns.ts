// Pure: the occupancy ledger (停车台账) of a lane, one column definition for its CSV and its
// workbook, in words and Beijing time.
import type { LedgerCell, LedgerColumn } from '../common/ledger/ledger-workbook';
import { yesNo } from '../common/ledger/ledger-words';
import type { Lang } from '../shared/i18n';
import type { LedgerRow } from './occupancy.repository';

export const SESSION_LEDGER_COLUMNS: readonly LedgerColumn[] = [
  { header: { 'zh-CN': '车位', en: 'Space' }, width: 8 },
  { header: { 'zh-CN': '车牌', en: 'Plate' }, width: 12 },
  { header: { 'zh-CN': '访客', en: 'Visitor' }, width: 6 },
  { header: { 'zh-CN': '停入时间', en: 'Checked in' }, width: 17, kind: 'datetime' },
  { header: { 'zh-CN': '驶离时间', en: 'Checked out' }, width: 17, kind: 'datetime' },
  { header: { 'zh-CN': '停放分钟', en: 'Minutes' }, width: 9, kind: 'number' },
  { header: { 'zh-CN': '登记人', en: 'Checked in by' }, width: 10 },
  { header: { 'zh-CN': '离场登记人', en: 'Checked out by' }, width: 10 },
  { header: { 'zh-CN': '登记方式', en: 'Recorded via' }, width: 10 },
  { header: { 'zh-CN': '登记人当班', en: 'Recorder on duty' }, width: 10 },
];

const SOURCE_WORDS: Record<string, Record<Lang, string>> = {
  warden: { 'zh-CN': '红袖标登记', en: 'warden' },
  sticker: { 'zh-CN': '扫车位码', en: 'space sticker' },
};

/** One session; the plate already as the reader may see it, names already looked up. */
export function sessionLedgerRow(
  r: LedgerRow,
  plate: string,
  nameOf: (memberId: string | null) => string,
  lang: Lang,
): LedgerCell[] {
  return [
    r.code,
    plate,
    yesNo(r.vehicleId === null, lang),
    r.startedAt,
    r.endedAt,
    r.endedAt ? Math.round((r.endedAt.getTime() - r.startedAt.getTime()) / 60_000) : null,
    nameOf(r.checkedInBy),
    nameOf(r.checkedOutBy),
    SOURCE_WORDS[r.source]?.[lang] ?? r.source,
    // Empty where no warden recorded the check-in (a resident at the sticker, the council).
    yesNo(r.recorderOnDuty, lang),
  ];
}
