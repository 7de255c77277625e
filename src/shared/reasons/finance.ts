import { defineConstraints, defineReasons } from './types';

/** Refusals of the association's accounts (登记缴费, 收支公示). */
export const financeReasons = defineReasons({
  'finance.category_mismatch': {
    status: 400,
    zh: '收入和支出的类别不符：“{category}”不能记为{direction}',
    en: '“{category}” is not a kind of {direction}',
  },
});

export const financeConstraints = defineConstraints({
  finance_entry_category_check: 'finance.category_mismatch',
});
