import { defineConstraints, defineReasons } from './types';

/** Refusals of the payment ledger (收费台账) and of recording a fee. */
export const paymentsReasons = defineReasons({
  'payment.council_only': {
    status: 403,
    zh: '收费台账仅理事会可登记和查阅',
    en: 'Only the council records fees and reads the payment ledger',
  },
  'payment.receipt_repeated': {
    status: 409,
    zh: '收据号{receiptNumber}已登记过，请核对',
    en: 'Receipt number {receiptNumber} is already recorded; check it',
  },
  'payment.allocation_not_admitted': {
    status: 409,
    zh: '只有已分配的长期车位才能登记缴费',
    en: 'A fee is recorded only for an admitted standing place',
  },
});

/** Constraints of the payment table → the reason a broken one means. */
export const paymentsConstraints = defineConstraints({
  // PaymentRepository maps this one itself, with the number; this entry is the fallback.
  payment_receipt_key: 'payment.receipt_repeated',
});
