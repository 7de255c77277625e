import { t } from '../../i18n';
import type { AdoptionRules } from './council-api';
import { share } from './council-format';

/**
 * The rules this version's vote follows: the ones in force when it was opened (the convention
 * binds its own amendment), never the quorum the draft proposes for later amendments.
 */
export function BallotRules(props: { ballot: AdoptionRules }) {
  const b = props.ballot;
  return (
    <dl class="council-facts" data-testid="ballot-rules">
      <dt>{t('conventionCouncil.votingUnit')}</dt>
      <dd>{t(`conventionCouncil.unit.${b.votingUnit}`)}</dd>
      <dt>{t('conventionCouncil.quorum')}</dt>
      <dd data-testid="ballot-quorum">{share(b.quorum)}</dd>
      <dt>{t('conventionCouncil.threshold')}</dt>
      <dd data-testid="ballot-threshold">
        {share(b.threshold)} ·{' '}
        {b.abstentionsCountAsCast
          ? t('conventionCouncil.abstainCounted')
          : t('conventionCouncil.abstainIgnored')}
      </dd>
      <dt>{t('conventionCouncil.periods')}</dt>
      <dd>
        {t('conventionCouncil.periodsValue', {
          comment: b.commentDays,
          voting: b.votingDays,
          notice: b.noticeDays,
        })}
      </dd>
    </dl>
  );
}
