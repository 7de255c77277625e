// Pure: an offer's standing allocations with their draws (长期车位台账), one column definition
// for its CSV and its workbook, and the draw each admitted place came from.
import type { LedgerColumn } from '../common/ledger/ledger-workbook';
import type { Lang } from '../shared/i18n';

export type AllocationColumnKey =
  | 'registeredAt'
  | 'plate'
  | 'plateColor'
  | 'status'
  | 'position'
  | 'priorityTier'
  | 'spaceCode'
  | 'admittedAt'
  | 'draw'
  | 'drawnPlace'
  | 'periodsHeld'
  | 'feeDueCny'
  | 'paidCny';

export const ALLOCATION_LEDGER_COLUMNS: readonly (LedgerColumn & { key: AllocationColumnKey })[] = [
  {
    key: 'registeredAt',
    header: { 'zh-CN': '登记时间', en: 'Registered' },
    width: 17,
    kind: 'datetime',
  },
  { key: 'plate', header: { 'zh-CN': '车牌', en: 'Plate' }, width: 12 },
  { key: 'plateColor', header: { 'zh-CN': '号牌颜色', en: 'Plate colour' }, width: 8 },
  { key: 'status', header: { 'zh-CN': '状态', en: 'Status' }, width: 8 },
  {
    key: 'position',
    header: { 'zh-CN': '排队位次', en: 'Waiting place' },
    width: 8,
    kind: 'number',
  },
  { key: 'priorityTier', header: { 'zh-CN': '优先类别', en: 'Priority tier' }, width: 12 },
  { key: 'spaceCode', header: { 'zh-CN': '车位', en: 'Space' }, width: 8 },
  {
    key: 'admittedAt',
    header: { 'zh-CN': '获得时间', en: 'Admitted' },
    width: 17,
    kind: 'datetime',
  },
  { key: 'draw', header: { 'zh-CN': '抽签', en: 'Draw' }, width: 22 },
  {
    key: 'drawnPlace',
    header: { 'zh-CN': '抽签顺位', en: 'Drawn place' },
    width: 8,
    kind: 'number',
  },
  {
    key: 'periodsHeld',
    header: { 'zh-CN': '已占期数', en: 'Periods held' },
    width: 8,
    kind: 'number',
  },
  {
    key: 'feeDueCny',
    header: { 'zh-CN': '应缴（元）', en: 'Fee due (CNY)' },
    width: 10,
    kind: 'number',
  },
  {
    key: 'paidCny',
    header: { 'zh-CN': '已缴（元）', en: 'Paid (CNY)' },
    width: 10,
    kind: 'number',
  },
];

export const ALLOCATION_STATUS_WORDS: Record<string, Record<Lang, string>> = {
  waiting: { 'zh-CN': '排队中', en: 'waiting' },
  admitted: { 'zh-CN': '已获得', en: 'admitted' },
  cancelled: { 'zh-CN': '已取消', en: 'cancelled' },
};

export const DRAW_KIND_WORDS: Record<string, Record<Lang, string>> = {
  admission: { 'zh-CN': '补位抽签', en: 'admission lottery' },
  rotation: { 'zh-CN': '轮换抽签', en: 'rotation lottery' },
};

/** The drawn draw that admitted `allocationId`, and its place in the drawn order (from 1). */
export function drawOf<
  D extends { drawnAt: Date | null; admittedIds: string[] | null; drawnOrder: string[] | null },
>(draws: readonly D[], allocationId: string): { draw: D; place: number | null } | null {
  const draw = draws.find((d) => d.drawnAt && d.admittedIds?.includes(allocationId));
  if (!draw) return null;
  const index = draw.drawnOrder?.indexOf(allocationId) ?? -1;
  return { draw, place: index >= 0 ? index + 1 : null };
}
