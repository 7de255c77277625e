import { useEffect, useState } from 'preact/hooks';
import { apiFetch } from '../api';
import { t } from '../i18n';
import { LedgerDownloadButton } from '../ledger-download';
import { LoadFailed, Loading, TopBar } from '../ui';
import { HouseholdObjections } from './household-objections';
import { HouseholdViolations } from './household-violations';
import type { Permit } from './permits-api';
import './permits.css';

const SHOWABLE = new Set(['active', 'scheduled', 'suspended']);

/**
 * 我的停车证: status and expiry, the QR full-screen for the warden, the printable card; a refused
 * application with the council's reasons, the household's violations with its appeals' answers,
 * and its objections to painted spaces with the council's answers.
 */
export function MyPermitsScreen() {
  const [permits, setPermits] = useState<Permit[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [qr, setQr] = useState<{ permit: Permit; svg: string } | null>(null);

  const load = () => {
    setFailed(null);
    apiFetch<{ items: Permit[] }>('/api/permits?pageSize=100')
      .then((page) => setPermits(page.items))
      .catch((error: Error) => setFailed(error.message));
  };
  useEffect(load, []);

  async function showQr(permit: Permit) {
    setQr({
      permit,
      svg: await apiFetch<string>(`/api/permits/${permit.id}/qr.svg`, {
        headers: { accept: 'image/svg+xml' },
      }),
    });
  }

  async function printCard(permit: Permit) {
    const html = await apiFetch<string>(`/api/permits/${permit.id}/card`, {
      headers: { accept: 'text/html' },
    });
    const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
    window.open(url, '_blank');
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  if (qr) {
    return (
      <div class="qr-full" data-testid="permit-qr-full" onClick={() => setQr(null)}>
        <div class="plate">{qr.permit.plate}</div>
        <div dangerouslySetInnerHTML={{ __html: qr.svg }} />
        <p>{t('permits.tapToClose')}</p>
      </div>
    );
  }
  return (
    <div class="screen" data-testid="my-permits">
      <TopBar title={t('permits.title')} />
      <main class="content">
        {failed && <LoadFailed message={failed} onRetry={load} />}
        {!failed && !permits && <Loading />}
        {permits && permits.length === 0 && <p class="card empty">{t('permits.none')}</p>}
        <ul class="list">
          {permits?.map((permit) => (
            <li class="card permit" key={permit.id} data-testid="permit">
              <span class="plate">{permit.plate}</span>
              <span>
                {t(`permits.kind.${permit.kind}`)} · No.{permit.number}
              </span>
              <span class={`permit-status permit-status--${permit.status}`}>
                {t(`permits.status.${permit.status}` as 'permits.status.active')} ·{' '}
                {t('permits.until', { date: permit.validTo.slice(0, 10) })}
              </span>
              {permit.refusalReason && (
                <p class="written-reason" data-testid="permit-refusal-reason">
                  {t('reasons.permitRefused', { reason: permit.refusalReason })}
                </p>
              )}
              {SHOWABLE.has(permit.status) && (
                <div class="permit-actions">
                  <button
                    type="button"
                    class="button"
                    onClick={() => void showQr(permit)}
                    data-testid="permit-show-qr"
                  >
                    {t('permits.showQr')}
                  </button>
                  <button
                    type="button"
                    class="button button--secondary"
                    onClick={() => void printCard(permit)}
                  >
                    {t('permits.print')}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
        {/* The household's own permit ledger: its permits' steps, as the council keeps them. */}
        {permits && permits.length > 0 && (
          <LedgerDownloadButton
            path="/api/permits/export.xlsx"
            fileName="permit-ledger.xlsx"
            label={t('councilPermits.exportXlsx')}
            testId="my-permits-xlsx"
          />
        )}
        <HouseholdViolations />
        <HouseholdObjections />
      </main>
    </div>
  );
}
