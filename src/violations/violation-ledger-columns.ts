// Pure: the violation ledger's columns (违章台账), one definition for its CSV and its workbook.
import type { LedgerColumn } from '../common/ledger/ledger-workbook';

export type ColumnKey =
  | 'occurredAt'
  | 'kind'
  | 'plate'
  | 'household'
  | 'place'
  | 'article'
  | 'step'
  | 'action'
  | 'suspendedUntil'
  | 'recordedBy'
  | 'recorderOnDuty'
  | 'appealStatus'
  | 'appealReason'
  | 'appealNote'
  | 'conventionVersion';

/** The ledger's columns, CSV and workbook; `HIDDEN_FROM` says which a reader's list lacks. */
export const VIOLATION_LEDGER_COLUMNS: readonly (LedgerColumn & { key: ColumnKey })[] = [
  {
    key: 'occurredAt',
    header: { 'zh-CN': '发生时间', en: 'Occurred' },
    width: 17,
    kind: 'datetime',
  },
  { key: 'kind', header: { 'zh-CN': '类型', en: 'Kind' }, width: 16 },
  { key: 'plate', header: { 'zh-CN': '车牌', en: 'Plate' }, width: 12 },
  { key: 'household', header: { 'zh-CN': '门牌', en: 'Household' }, width: 18 },
  { key: 'place', header: { 'zh-CN': '地点', en: 'Place' }, width: 24 },
  { key: 'article', header: { 'zh-CN': '公约条款', en: 'Article' }, width: 10 },
  { key: 'step', header: { 'zh-CN': '第几次', en: 'Step' }, width: 7, kind: 'number' },
  { key: 'action', header: { 'zh-CN': '处理', en: 'Action' }, width: 12 },
  {
    key: 'suspendedUntil',
    header: { 'zh-CN': '停车证暂停至', en: 'Suspended until' },
    width: 17,
    kind: 'datetime',
  },
  { key: 'recordedBy', header: { 'zh-CN': '记录人', en: 'Recorded by' }, width: 10 },
  {
    key: 'recorderOnDuty',
    header: { 'zh-CN': '记录人当班', en: 'Recorder on duty' },
    width: 10,
  },
  { key: 'appealStatus', header: { 'zh-CN': '申诉', en: 'Appeal' }, width: 18 },
  {
    key: 'appealReason',
    header: { 'zh-CN': '申诉理由', en: 'Appeal reason' },
    width: 30,
  },
  { key: 'appealNote', header: { 'zh-CN': '书面答复', en: 'Written answer' }, width: 30 },
  {
    key: 'conventionVersion',
    header: { 'zh-CN': '公约版本', en: 'Convention version' },
    width: 10,
    kind: 'number',
  },
];

/**
 * Whose copy of the ledger a reader holds: the council's (everything), the street office's (its
 * list: no household, recorder, appeal reason or convention version, plates masked), or a
 * member's (a warden's or a household's: their list of `GET /api/violations`, which shows the
 * appeal reason but names no household address, recorder or convention version).
 */
export type ViolationSight = 'council' | 'street' | 'member';

/** The columns each reader's list does not show, so their ledger leaves them out too. */
export const HIDDEN_FROM: Record<ViolationSight, ReadonlySet<ColumnKey>> = {
  council: new Set(),
  street: new Set([
    'household',
    'recordedBy',
    'recorderOnDuty',
    'appealReason',
    'conventionVersion',
  ]),
  member: new Set(['household', 'recordedBy', 'recorderOnDuty', 'conventionVersion']),
};
