import type { RestrictionWarning as RestrictionWarningShape } from '../../../../shared/api/spaces';
import type { Wire } from '../../../../shared/api/wire';
import { t } from '../../i18n';
import { beijingMinute } from './daily-work-api';
import './daily-work.css';

/** A restriction starting within 12 hours of a check-in, as the server warns of it. */
export type RestrictionWarning = Wire<RestrictionWarningShape>;

/** The check-in's answer may carry `warnings`: the car must be gone before each one starts. */
export function warningsOf(answer: unknown): RestrictionWarning[] {
  const warnings = (answer as { warnings?: unknown }).warnings;
  return Array.isArray(warnings) ? (warnings as RestrictionWarning[]) : [];
}

export function RestrictionWarnings(props: { warnings: RestrictionWarning[] }) {
  if (props.warnings.length === 0) return null;
  return (
    <div class="status status--warn" role="alert" data-testid="check-in-warnings">
      <ul class="daily-warnings">
        {props.warnings.map((w) => (
          <li key={w.from}>
            {t(w.article ? 'warning.noParkingArticle' : 'warning.restriction', {
              from: beijingMinute(w.from),
              to: beijingMinute(w.to).slice(11),
              note: w.note,
              article: w.article ?? '',
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}
