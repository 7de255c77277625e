// Pure: the payment ledger's columns (收费台账), one definition for its CSV and its workbook, and
// the words a payment's codes are written as.
import type { LedgerColumn } from '../common/ledger/ledger-workbook';
import type { Lang } from '../shared/i18n';
import type { PaymentMethod } from './payment';

export type PaymentColumnKey =
  | 'recordedAt'
  | 'subject'
  | 'reference'
  | 'plate'
  | 'household'
  | 'amountCny'
  | 'method'
  | 'receiptNumber'
  | 'note'
  | 'recordedBy';

export const PAYMENT_LEDGER_COLUMNS: readonly (LedgerColumn & { key: PaymentColumnKey })[] = [
  {
    key: 'recordedAt',
    header: { 'zh-CN': '登记时间', en: 'Recorded' },
    width: 17,
    kind: 'datetime',
  },
  { key: 'subject', header: { 'zh-CN': '收费项目', en: 'For' }, width: 12 },
  { key: 'reference', header: { 'zh-CN': '摘要', en: 'Reference' }, width: 24 },
  { key: 'plate', header: { 'zh-CN': '车牌', en: 'Plate' }, width: 12 },
  { key: 'household', header: { 'zh-CN': '门牌', en: 'Household' }, width: 18 },
  {
    key: 'amountCny',
    header: { 'zh-CN': '金额（元）', en: 'Amount (CNY)' },
    width: 11,
    kind: 'number',
  },
  { key: 'method', header: { 'zh-CN': '付款方式', en: 'Method' }, width: 10 },
  { key: 'receiptNumber', header: { 'zh-CN': '收据号', en: 'Receipt no.' }, width: 12 },
  { key: 'note', header: { 'zh-CN': '备注', en: 'Note' }, width: 30 },
  { key: 'recordedBy', header: { 'zh-CN': '经手人', en: 'Recorded by' }, width: 10 },
];

export const METHOD_WORDS: Record<PaymentMethod, Record<Lang, string>> = {
  cash: { 'zh-CN': '现金', en: 'cash' },
  wechat: { 'zh-CN': '微信', en: 'WeChat' },
  alipay: { 'zh-CN': '支付宝', en: 'Alipay' },
  bank_transfer: { 'zh-CN': '银行转账', en: 'bank transfer' },
  other: { 'zh-CN': '其他', en: 'other' },
};

export const SUBJECT_WORDS: Record<'permit' | 'allocation', Record<Lang, string>> = {
  permit: { 'zh-CN': '停车证', en: 'permit' },
  allocation: { 'zh-CN': '共享车位', en: 'shared place' },
};
