import type { MonthlyPersuasionCount } from '../../../../shared/api/violations';
import { t } from '../../i18n';
import { PERSUASION_OUTCOMES } from './daily-work-api';

export type { MonthlyPersuasionCount };

// Guidance first: it is most of what the wardens do; then the persuasions' outcomes.
const ORDER: readonly string[] = ['guided', ...PERSUASION_OUTCOMES];

/**
 * 劝导与引导: how much persuasion and guidance the wardens did, month by month (newest first),
 * each month's count by outcome. No plate and no name: the public board shows it.
 */
export function PersuasionCounts(props: {
  counts: MonthlyPersuasionCount[];
  months?: number;
  testid: string;
}) {
  const months = [...new Set(props.counts.map((c) => c.month))]
    .sort()
    .reverse()
    .slice(0, props.months ?? 12);
  if (months.length === 0) return <p class="empty">{t('persuasion.none')}</p>;
  return (
    <ul class="list persuasion-counts" data-testid={props.testid}>
      {months.map((month) => {
        const ofMonth = props.counts.filter((c) => c.month === month && c.count > 0);
        const line = ORDER.flatMap((outcome) => {
          const found = ofMonth.find((c) => c.outcome === outcome);
          return found
            ? [
                t('persuasion.countOf', {
                  outcome: t(`persuasion.outcome.${outcome}` as 'persuasion.outcome.guided'),
                  count: found.count,
                }),
              ]
            : [];
        }).join('，');
        return (
          <li class="card" key={month} data-month={month}>
            <strong>{month}</strong> {line}
          </li>
        );
      })}
    </ul>
  );
}
