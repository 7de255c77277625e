import { t } from '../../i18n';
import { beijingDay, type VersionSummary } from './council-api';

/** A decided amendment: the count, whether it passed, its notice period and the day it applies. */
export function VersionOutcome(props: { version: VersionSummary }) {
  const v = props.version;
  if (!v.result) return null;
  const adopted = v.result.outcome === 'adopted';
  return (
    <section class="card council-section" data-testid="convention-result">
      <h2>
        {t('convention.versionTitle', { number: v.number })} {v.title}
      </h2>
      <p class="convention-stage">
        <strong>
          {adopted ? t('conventionCouncil.adopted') : t('conventionCouncil.rejected')}
        </strong>
      </p>
      <p>
        {t('conventionCouncil.resultLine', {
          yes: v.result.yes,
          no: v.result.no,
          abstain: v.result.abstain,
          turnout: v.result.turnout,
          eligible: v.result.eligible,
        })}
      </p>
      <p data-testid="convention-notice">
        {adopted
          ? t('conventionCouncil.noticeLine', {
              until: beijingDay(v.noticeUntil),
              from: beijingDay(v.effectiveFrom),
            })
          : t('convention.rejectedNotice', { until: beijingDay(v.noticeUntil) })}
      </p>
    </section>
  );
}
