import { useState } from 'preact/hooks';
import { apiFetch, ApiError } from '../../api';
import { t } from '../../i18n';
import { LedgerDownloadButton } from '../../ledger-download';
import { beijingDateTime } from '../../permits/permits-api';
import { Loading } from '../../ui';
import type { Allocation, Offer } from './sharing-api';

/**
 * An offer's standing places (长期车位) as its unit keeps them: who holds one, who waits and in
 * what order, and the register as a workbook (长期车位台账). Admission stays with the published
 * order (first come or the council's lottery), so there is nothing to press here that would jump
 * the queue.
 */
export function StandingRegister({ offer }: { offer: Offer }) {
  const [rows, setRows] = useState<Allocation[] | null>(null);
  const [open, setOpen] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const toggle = async () => {
    if (open) {
      setOpen(false);
      return;
    }
    setOpen(true);
    setLoading(true);
    try {
      setRows(await apiFetch<Allocation[]>(`/api/offers/${offer.id}/allocations`));
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setLoading(false);
    }
  };

  return (
    <div data-testid="standing-register">
      <button
        class="button button--secondary"
        data-testid="standing-register-toggle"
        aria-expanded={open}
        onClick={() => void toggle()}
      >
        {t('sharing.standing.show', { places: offer.standingPlaces, waiting: offer.waiting })}
      </button>
      <LedgerDownloadButton
        path={`/api/offers/${offer.id}/allocations/export.xlsx`}
        fileName="standing-allocations.xlsx"
        label={t('sharing.standing.download')}
        testId="standing-register-xlsx"
      />
      {error && (
        <p class="status status--error" role="alert">
          {error}
        </p>
      )}
      {open && loading && <Loading />}
      {open && !loading && rows && (
        <ul class="list" aria-label={t('sharing.standing.title')}>
          {rows.length === 0 && <li class="hint">{t('sharing.standing.none')}</li>}
          {rows.map((a) => (
            <li class="card" key={a.id} data-testid="standing-allocation" data-status={a.status}>
              <span class="plate">{a.plate}</span>{' '}
              {a.status === 'waiting' && a.position !== null
                ? t('sharing.position', { position: a.position })
                : t(`sharing.allocation.${a.status}`)}
              {a.spaceCode && ` · ${a.spaceCode}`}
              <p class="hint">
                {t('sharing.standing.registeredAt', { at: beijingDateTime(a.registeredAt) })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
