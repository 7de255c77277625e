// Pure: the accounts' ledger (收支台账), one column definition for its CSV and its workbook, and
// the words its codes are written as.
import type { LedgerColumn } from '../common/ledger/ledger-workbook';
import type { Lang } from '../shared/i18n';
import type { FinanceCategory, FinanceDirection } from './finance-categories';

export type FinanceColumnKey =
  'occurredOn' | 'direction' | 'category' | 'amountCny' | 'receiptNo' | 'note';

export const FINANCE_LEDGER_COLUMNS: readonly (LedgerColumn & { key: FinanceColumnKey })[] = [
  { key: 'occurredOn', header: { 'zh-CN': '日期', en: 'Date' }, width: 11, kind: 'date' },
  { key: 'direction', header: { 'zh-CN': '收支', en: 'In/out' }, width: 7 },
  { key: 'category', header: { 'zh-CN': '类别', en: 'Category' }, width: 12 },
  {
    key: 'amountCny',
    header: { 'zh-CN': '金额（元）', en: 'Amount (CNY)' },
    width: 11,
    kind: 'number',
  },
  { key: 'receiptNo', header: { 'zh-CN': '收据号', en: 'Receipt no.' }, width: 12 },
  { key: 'note', header: { 'zh-CN': '摘要', en: 'Note' }, width: 30 },
];

export const DIRECTION_WORDS: Record<FinanceDirection, Record<Lang, string>> = {
  income: { 'zh-CN': '收入', en: 'income' },
  expense: { 'zh-CN': '支出', en: 'spending' },
};

export const CATEGORY_WORDS: Record<FinanceCategory, Record<Lang, string>> = {
  sharing_fee: { 'zh-CN': '共享车位费', en: 'sharing fees' },
  donation: { 'zh-CN': '捐赠', en: 'donation' },
  other_income: { 'zh-CN': '其他收入', en: 'other income' },
  wardens_pay: { 'zh-CN': '红袖标补贴', en: "wardens' pay" },
  paint: { 'zh-CN': '划线', en: 'paint' },
  signs: { 'zh-CN': '标牌', en: 'signs' },
  other_expense: { 'zh-CN': '其他支出', en: 'other spending' },
};
