import { useEffect, useState } from 'preact/hooks';
import { apiDownload, apiFetch } from '../api';
import { t } from '../i18n';
import { LoadFailed, Loading, Spinner, TopBar } from '../ui';
import { LedgerDownloadButton } from '../ledger-download';
import { CouncilPermitCard } from './council-permit-card';
import { listPermits, type Permit, type PermitStatus, refusalOf } from './permits-api';
import './permits.css';
import './permit-screens.css';

// Applications first: the council's daily work is the queue of residents waiting for a permit.
const TABS = ['pending', 'active', 'suspended', 'expired', 'rejected', 'revoked', 'all'] as const;
type Tab = (typeof TABS)[number];

/** 停车证审批: the council approves, rejects, records fees, suspends, revokes and renews. */
export function CouncilPermitsScreen() {
  const [tab, setTab] = useState<Tab>('pending');
  const [permits, setPermits] = useState<Permit[] | null>(null);
  const [total, setTotal] = useState(0);
  const [failed, setFailed] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const [exportFailed, setExportFailed] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);
  const [addresses, setAddresses] = useState<Map<string, string>>(new Map());

  // Which household applied (下岗胡同35号): the permit names only its household id.
  useEffect(() => {
    apiFetch<{ items: { id: string; address: string }[] }>('/api/households?pageSize=500').then(
      (page) => setAddresses(new Map(page.items.map((h) => [h.id, h.address]))),
      () => undefined,
    );
  }, []);

  const load = () => {
    let live = true;
    setPermits(null);
    setFailed(null);
    listPermits(tab === 'all' ? {} : { status: tab }).then(
      (page) => {
        if (!live) return;
        setPermits(page.items);
        setTotal(page.total);
      },
      (error: unknown) => live && setFailed(refusalOf(error)),
    );
    return () => {
      live = false;
    };
  };
  useEffect(load, [tab, reloads]);

  async function exportLedger() {
    setExporting(true);
    setExportFailed(null);
    try {
      await apiDownload('/api/permits/export.csv', 'permit-ledger.csv');
    } catch (error) {
      setExportFailed(refusalOf(error));
    } finally {
      setExporting(false);
    }
  }

  // A permit changed by an action stays where it is, showing its new status, until the tab is
  // reloaded: the council sees what it has just done. The tab's count follows at once: an
  // approved application no longer waits.
  const replace = (next: Permit) => {
    const before = permits?.find((p) => p.id === next.id);
    if (tab !== 'all' && before?.status === tab && next.status !== tab)
      setTotal((n) => Math.max(0, n - 1));
    setPermits((list) => list?.map((p) => (p.id === next.id ? next : p)) ?? null);
  };

  return (
    <div class="screen" data-testid="council-permits">
      <TopBar title={t('councilPermits.title')} />
      <main class="content">
        <nav class="status-tabs" aria-label={t('councilPermits.filter')}>
          {TABS.map((name) => (
            <button
              key={name}
              type="button"
              class={`status-tab${tab === name ? ' status-tab--on' : ''}`}
              aria-pressed={tab === name}
              onClick={() => {
                setTab(name);
                setReloads((n) => n + 1);
              }}
              data-testid={`council-tab-${name}`}
            >
              {name === 'all'
                ? t('councilPermits.all')
                : t(`permits.status.${name as PermitStatus}`)}
              {tab === name && permits ? <span data-testid="council-tab-count"> {total}</span> : ''}
            </button>
          ))}
        </nav>
        <button
          type="button"
          class="button button--secondary"
          disabled={exporting}
          onClick={() => void exportLedger()}
          data-testid="council-export"
        >
          {exporting && <Spinner />}
          {exporting ? t('councilPermits.exporting') : t('councilPermits.export')}
        </button>
        <LedgerDownloadButton
          path="/api/permits/export.xlsx"
          fileName="permit-ledger.xlsx"
          label={t('councilPermits.exportXlsx')}
          testId="council-export-xlsx"
        />
        {exportFailed && (
          <p class="form-error" role="alert">
            {exportFailed}
          </p>
        )}
        {failed && <LoadFailed message={failed} onRetry={load} />}
        {!failed && !permits && <Loading />}
        {permits && permits.length === 0 && (
          <p class="card empty">
            {tab === 'pending' ? t('councilPermits.noneWaiting') : t('councilPermits.none')}
          </p>
        )}
        <ul class="list">
          {permits?.map((permit) => (
            <CouncilPermitCard
              key={permit.id}
              permit={permit}
              address={permit.householdId ? addresses.get(permit.householdId) : undefined}
              onChange={replace}
            />
          ))}
        </ul>
        {permits && total > permits.length && (
          <p class="hint">{t('councilPermits.more', { shown: permits.length, total })}</p>
        )}
      </main>
    </div>
  );
}
