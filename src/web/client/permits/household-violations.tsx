import { useEffect, useState } from 'preact/hooks';
import { apiFetch } from '../api';
import { t } from '../i18n';
import type { Violation } from '../screens/conventions/council-api';

function beijingMinute(iso: string): string {
  return new Date(iso)
    .toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai', hour12: false })
    .slice(0, 16);
}

/** The council's written answer to an appeal, or that it is awaited. */
function appealLine(v: Violation): string | null {
  switch (v.appealStatus) {
    case 'none':
      return null;
    case 'pending':
      return t('reasons.appealPending', { reason: v.appealReason ?? '' });
    case 'upheld':
      return t('reasons.violationStands', { note: v.appealNote ?? '' });
    case 'overturned':
      return t('reasons.violationWithdrawn', { note: v.appealNote ?? '' });
  }
}

/**
 * 我家的违约记录: each violation of the household and, for an appeal, the council's written
 * reasons, kept for as long as the record is (every decision keeps its reasons).
 */
export function HouseholdViolations() {
  const [violations, setViolations] = useState<Violation[] | null>(null);
  useEffect(() => {
    apiFetch<{ items: Violation[] }>('/api/violations?pageSize=50').then(
      (page) => setViolations(page.items),
      () => setViolations(null),
    );
  }, []);
  if (!violations) return null;
  return (
    <section class="card household-violations" data-testid="household-violations">
      <h2 class="card-title">{t('reasons.myViolations')}</h2>
      {violations.length === 0 && <p class="empty">{t('reasons.noViolations')}</p>}
      <ul class="list">
        {violations.map((v) => {
          const appeal = appealLine(v);
          return (
            <li key={v.id} data-testid={`household-violation-${v.id}`}>
              <strong>
                {v.plate} · {t(`violation.${v.kind}`)}
              </strong>
              <div class="hint">
                {t('reasons.violationLine', {
                  time: beijingMinute(v.occurredAt),
                  place: v.place,
                  step: v.step,
                })}
              </div>
              {appeal && (
                <p class="written-reason" data-testid="appeal-answer">
                  {appeal}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
