import type { FinanceSummary } from '../../../../shared/api/board';
import { t } from '../../i18n';
import './street.css';

/** 收支公示 (src/shared/api/board.ts). */
export type BoardFinance = FinanceSummary;

const cny = (value: number) =>
  value.toLocaleString('zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: 2 });

/** 收支公示 on the public board: income and spending by month, totals only. */
export function BoardFinanceSection({ finance }: { finance: BoardFinance }) {
  const months = [...finance.months].reverse();
  const income = finance.months.reduce((sum, m) => sum + m.incomeCny, 0);
  const expense = finance.months.reduce((sum, m) => sum + m.expenseCny, 0);
  return (
    <section data-testid="board-finance">
      <h2>{t('board.finance')}</h2>
      <p class="hint">{t('board.finance.year', { income: cny(income), expense: cny(expense) })}</p>
      <table class="card street-table">
        <caption class="hint">{t('board.finance.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('board.finance.month')}</th>
            <th scope="col">{t('board.finance.income')}</th>
            <th scope="col">{t('board.finance.expense')}</th>
          </tr>
        </thead>
        <tbody>
          {months.map((m) => (
            <tr key={m.month} data-testid={`board-finance-${m.month}`}>
              <th scope="row">{m.month}</th>
              <td>{cny(m.incomeCny)}</td>
              <td>{cny(m.expenseCny)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
