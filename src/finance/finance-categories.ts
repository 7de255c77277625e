/** What money comes in for and goes out on; permit fees count from the permits themselves. */
export const INCOME_CATEGORIES = ['sharing_fee', 'donation', 'other_income'] as const;
export const EXPENSE_CATEGORIES = ['wardens_pay', 'paint', 'signs', 'other_expense'] as const;
export const FINANCE_CATEGORIES = [...INCOME_CATEGORIES, ...EXPENSE_CATEGORIES] as const;
export type FinanceCategory = (typeof FINANCE_CATEGORIES)[number];
export type FinanceDirection = 'income' | 'expense';

export function directionOf(category: FinanceCategory): FinanceDirection {
  return (INCOME_CATEGORIES as readonly string[]).includes(category) ? 'income' : 'expense';
}
