// Pure: the permit ledger (停车证台账: every transition, fees paid included), one column
// definition for its CSV and its workbook, in words.
import type { LedgerCell, LedgerColumn } from '../common/ledger/ledger-workbook';
import { maskPlate } from '../common/masking';
import type { Lang } from '../shared/i18n';
import { formatPlate } from '../shared/plate';
import type { LedgerLine, PermitEventType } from './permit-event.repository';
import type { PermitKind } from './permit-token';

export const PERMIT_LEDGER_COLUMNS: readonly LedgerColumn[] = [
  { header: { 'zh-CN': '时间', en: 'At' }, width: 17, kind: 'datetime' },
  { header: { 'zh-CN': '证号', en: 'Permit number' }, width: 8, kind: 'number' },
  { header: { 'zh-CN': '车牌', en: 'Plate' }, width: 12 },
  { header: { 'zh-CN': '类别', en: 'Kind' }, width: 10 },
  { header: { 'zh-CN': '事项', en: 'Event' }, width: 10 },
  { header: { 'zh-CN': '经办人', en: 'By' }, width: 10 },
  { header: { 'zh-CN': '原因', en: 'Reason' }, width: 30 },
];

const KIND_WORDS: Record<PermitKind, Record<Lang, string>> = {
  resident: { 'zh-CN': '居民停车证', en: 'resident' },
  shared: { 'zh-CN': '错时共享停车证', en: 'shared space' },
  visitor: { 'zh-CN': '访客通行证', en: 'visitor' },
};

const EVENT_WORDS: Record<PermitEventType, Record<Lang, string>> = {
  applied: { 'zh-CN': '申请', en: 'applied' },
  approved: { 'zh-CN': '批准', en: 'approved' },
  rejected: { 'zh-CN': '驳回', en: 'rejected' },
  fee_paid: { 'zh-CN': '缴费', en: 'fee paid' },
  issued: { 'zh-CN': '签发', en: 'issued' },
  renewed: { 'zh-CN': '续期', en: 'renewed' },
  suspended: { 'zh-CN': '暂停', en: 'suspended' },
  reinstated: { 'zh-CN': '恢复', en: 'reinstated' },
  revoked: { 'zh-CN': '吊销', en: 'revoked' },
  expired: { 'zh-CN': '到期', en: 'expired' },
};

const SYSTEM: Record<Lang, string> = { 'zh-CN': '系统', en: 'system' };

/** One transition; plates in full where the reader's list shows them, the system where no one acted. */
export function permitLedgerRow(
  line: LedgerLine,
  actorName: string | undefined,
  plates: boolean,
  lang: Lang,
): LedgerCell[] {
  return [
    line.at,
    line.permitNumber,
    plates ? formatPlate(line.plate) : maskPlate(line.plate),
    KIND_WORDS[line.kind][lang],
    EVENT_WORDS[line.type][lang],
    line.actorMemberId ? (actorName ?? '') : SYSTEM[lang],
    line.reason,
  ];
}
