import { useEffect, useState } from 'preact/hooks';
import { apiFetch } from '../api';
import { t } from '../i18n';

interface MyObjection {
  id: string;
  spaceCode: string;
  reason: string;
  raisedAt: string;
  decision: 'upheld' | 'dismissed' | null;
  decisionReason: string | null;
}

function answerOf(o: MyObjection): string {
  if (o.decision === 'upheld')
    return t('reasons.objectionUpheld', { note: o.decisionReason ?? '' });
  if (o.decision === 'dismissed')
    return t('reasons.objectionDismissed', { note: o.decisionReason ?? '' });
  return t('reasons.objectionPending');
}

/**
 * 我家的异议: the household's objections to newly painted spaces and the council's written
 * answers, also after an upheld objection has withdrawn the space. Shown only when there are any.
 */
export function HouseholdObjections() {
  const [objections, setObjections] = useState<MyObjection[]>([]);
  useEffect(() => {
    apiFetch<MyObjection[]>('/api/objections/mine').then(setObjections, () => setObjections([]));
  }, []);
  if (objections.length === 0) return null;
  return (
    <section class="card household-violations" data-testid="household-objections">
      <h2 class="card-title">{t('reasons.myObjections')}</h2>
      <ul class="list">
        {objections.map((o) => (
          <li key={o.id} data-testid={`household-objection-${o.id}`}>
            <strong>{t('reasons.objectionTo', { code: o.spaceCode })}</strong>
            <div class="hint">{o.reason}</div>
            <p class="written-reason" data-testid="objection-answer">
              {answerOf(o)}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
