import { useEffect, useState } from 'preact/hooks';
import { DoneMessage } from '../../confirm';
import { t } from '../../i18n';
import { LedgerDownloadButton } from '../../ledger-download';
import { refusalOf } from '../../permits/permits-api';
import { Link, navigate } from '../../router';
import { LoadFailed, Loading, TopBar } from '../../ui';
import {
  addHousehold,
  HOUSEHOLD_PAGE_SIZE,
  type HouseholdRow,
  listHouseholds,
} from './households-api';
import { LaneSelect } from './lane-select';
import './households.css';

/**
 * 住户与成员: the council finds a household by its door, opens it to change its members and
 * vehicles, and registers a new one; the ledger (台账) download stays at hand.
 */
export function CouncilHouseholdsScreen() {
  const [search, setSearch] = useState('');
  const [asked, setAsked] = useState('');
  const [pages, setPages] = useState(1);
  const [rows, setRows] = useState<HouseholdRow[] | null>(null);
  const [total, setTotal] = useState(0);
  const [failed, setFailed] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    let live = true;
    setFailed(null);
    if (pages === 1) setRows(null);
    listHouseholds(asked, pages).then(
      (body) => {
        if (!live) return;
        setRows((before) => (pages === 1 ? body.items : [...(before ?? []), ...body.items]));
        setTotal(body.total);
      },
      (error: unknown) => live && setFailed(refusalOf(error)),
    );
    return () => void (live = false);
  }, [asked, pages, reloads]);

  const find = (event: Event) => {
    event.preventDefault();
    setPages(1);
    setAsked(search);
    setReloads((n) => n + 1);
  };
  const remaining = Math.min(HOUSEHOLD_PAGE_SIZE, total - (rows?.length ?? 0));

  return (
    <div class="screen" data-testid="council-households">
      <TopBar title={t('households.title')} back="/home" />
      <main class="content">
        <form class="households-search" role="search" onSubmit={find}>
          <label class="field">
            <span class="field-label">{t('households.search')}</span>
            <input
              type="search"
              value={search}
              maxLength={60}
              placeholder={t('households.searchPlaceholder')}
              data-testid="households-search"
              onInput={(e) => setSearch(e.currentTarget.value)}
            />
          </label>
          <button type="submit" class="button button--secondary" data-testid="households-find">
            {t('households.searchButton')}
          </button>
        </form>

        {failed && <LoadFailed message={failed} onRetry={() => setReloads((n) => n + 1)} />}
        {!failed && !rows && <Loading />}
        {rows && (
          <>
            <p class="hint" role="status" data-testid="households-count">
              {rows.length === 0 ? t('households.none') : t('households.count', { count: total })}
            </p>
            <ul class="households" aria-label={t('households.title')}>
              {rows.map((row) => (
                <li key={row.id}>
                  <Link
                    to={`/council/households/${row.id}`}
                    class="household-row"
                    data-testid="household-row"
                  >
                    <span class="household-address">{row.address}</span>
                    <span class="hint">
                      {t('households.row', {
                        members: row.memberCount,
                        vehicles: row.vehicleCount,
                      })}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
            {remaining > 0 && (
              <button
                type="button"
                class="button button--secondary"
                data-testid="households-more"
                onClick={() => setPages((n) => n + 1)}
              >
                {t('households.more', { count: remaining })}
              </button>
            )}
          </>
        )}

        <AddHousehold />
        <LedgerDownloadButton
          path="/api/households/export.xlsx"
          fileName="households-ledger.xlsx"
          label={t('households.ledger')}
          testId="households-ledger"
        />
      </main>
    </div>
  );
}

/** Registers a household by its door and opens it, to add its members next. */
function AddHousehold() {
  const [address, setAddress] = useState('');
  const [laneId, setLaneId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function add(event: Event) {
    event.preventDefault();
    const wanted = address.trim();
    if (!wanted) return setError(t('households.addressRequired'));
    setBusy(true);
    setError(null);
    try {
      const household = await addHousehold(wanted, laneId);
      setDone(t('households.added', { address: household.address }));
      navigate(`/council/households/${household.id}`);
    } catch (failure) {
      setError(refusalOf(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="card form" data-testid="household-add" onSubmit={(e) => void add(e)}>
      <h2 class="card-title">{t('households.add')}</h2>
      <label class="field">
        <span class="field-label">{t('households.address')}</span>
        <input
          value={address}
          maxLength={120}
          placeholder={t('households.addressPlaceholder')}
          aria-invalid={error ? 'true' : undefined}
          data-testid="household-add-address"
          onInput={(e) => setAddress(e.currentTarget.value)}
        />
      </label>
      <LaneSelect value={laneId} onChange={setLaneId} testId="household-add-lane" />
      {error && (
        <p class="form-error" role="alert" data-testid="household-add-error">
          {error}
        </p>
      )}
      <DoneMessage text={done} />
      <button
        type="submit"
        class="button button--primary"
        disabled={busy}
        data-testid="household-add-submit"
      >
        {busy ? t('member.saving') : t('households.add')}
      </button>
    </form>
  );
}
