import { useEffect, useState } from 'preact/hooks';
import { apiFetch } from '../../api';
import { type MessageKey, t } from '../../i18n';
import { LedgerDownloadButton } from '../../ledger-download';
import { refusalOf } from '../../permits/permits-api';
import { LoadFailed, Loading, TopBar } from '../../ui';
import { Field } from '../conventions/council-fields';
import './printing.css';
import type { LaneResponse } from '../../../../shared/api/associations';
import type { PermitResponse } from '../../../../shared/api/permits';

// What the print centre reads of GET /api/lanes and GET /api/permits (src/shared/api/).
type Lane = Pick<LaneResponse, 'id' | 'name'>;
type PermitRow = Pick<PermitResponse, 'id' | 'number' | 'plate' | 'kind'>;

const PER_PAGE = [1, 2, 4, 6] as const;
const LISTED = 100;

/** "2026-11": the Beijing month now, whatever the phone's zone. */
function beijingMonth(): string {
  return new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 7);
}

function useLoad<T>(path: string): { data: T | null; error: string | null; retry: () => void } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);
  useEffect(() => {
    let live = true;
    setError(null);
    apiFetch<T>(path).then(
      (body) => live && setData(body),
      (e: unknown) => live && setError(refusalOf(e)),
    );
    return () => {
      live = false;
    };
  }, [path, reloads]);
  return { data, error, retry: () => setReloads((n) => n + 1) };
}

function Stickers() {
  const lanes = useLoad<Lane[]>('/api/lanes');
  const [laneId, setLaneId] = useState('');
  const [perPage, setPerPage] = useState<(typeof PER_PAGE)[number]>(4);
  const chosen = laneId || lanes.data?.[0]?.id || '';
  return (
    <section class="card print-section" data-testid="print-stickers">
      <h2>{t('print.stickers')}</h2>
      <p class="hint">{t('print.stickers.hint')}</p>
      {lanes.error && <LoadFailed message={lanes.error} onRetry={lanes.retry} />}
      {!lanes.data && !lanes.error && <Loading />}
      {lanes.data?.length === 0 && <p class="hint">{t('print.stickers.noLanes')}</p>}
      {lanes.data && lanes.data.length > 0 && (
        <>
          <Field label={t('print.stickers.lane')}>
            <select
              value={chosen}
              data-testid="sticker-lane"
              onChange={(e) => setLaneId((e.target as HTMLSelectElement).value)}
            >
              {lanes.data.map((lane) => (
                <option key={lane.id} value={lane.id}>
                  {lane.name}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('print.stickers.perPage')}>
            <select
              value={String(perPage)}
              data-testid="sticker-per-page"
              onChange={(e) =>
                setPerPage(
                  Number((e.target as HTMLSelectElement).value) as (typeof PER_PAGE)[number],
                )
              }
            >
              {PER_PAGE.map((n) => (
                <option key={n} value={String(n)}>
                  {t(`print.stickers.perPage.${n}` as MessageKey)}
                </option>
              ))}
            </select>
          </Field>
          <LedgerDownloadButton
            path={`/api/lanes/${chosen}/stickers.pdf?perPage=${perPage}`}
            fileName="space-stickers.pdf"
            label={t('print.stickers.download')}
            busyLabel={t('print.busy')}
            testId="download-stickers"
          />
        </>
      )}
    </section>
  );
}

function PermitCards() {
  const permits = useLoad<{ items: PermitRow[]; total: number }>(
    `/api/permits?status=active&pageSize=${LISTED}`,
  );
  const [kind, setKind] = useState<'' | 'resident' | 'shared'>('');
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setTicked((before) => {
      const after = new Set(before);
      if (after.has(id)) after.delete(id);
      else after.add(id);
      return after;
    });
  const items = permits.data?.items ?? [];
  return (
    <section class="card print-section" data-testid="print-cards">
      <h2>{t('print.cards')}</h2>
      <p class="hint">{t('print.cards.hint')}</p>
      {permits.error && <LoadFailed message={permits.error} onRetry={permits.retry} />}
      {!permits.data && !permits.error && <Loading />}
      {permits.data && items.length === 0 && <p class="hint">{t('print.cards.none')}</p>}
      {items.length > 0 && (
        <>
          <Field label={t('print.cards.kind')}>
            <select
              value={kind}
              data-testid="cards-kind"
              onChange={(e) =>
                setKind((e.target as HTMLSelectElement).value as '' | 'resident' | 'shared')
              }
            >
              <option value="">{t('print.cards.kind.all')}</option>
              <option value="resident">{t('print.cards.kind.resident')}</option>
              <option value="shared">{t('print.cards.kind.shared')}</option>
            </select>
          </Field>
          <LedgerDownloadButton
            path={`/api/permits/cards.pdf${kind ? `?kind=${kind}` : ''}`}
            fileName="permit-cards.pdf"
            label={t('print.cards.downloadAll')}
            busyLabel={t('print.busy')}
            testId="download-cards"
          />
          <fieldset class="print-choose">
            <legend>{t('print.cards.choose')}</legend>
            <ul class="print-permits">
              {items.map((p) => (
                <li key={p.id}>
                  <label class="print-permit">
                    <input
                      type="checkbox"
                      checked={ticked.has(p.id)}
                      data-testid="choose-permit"
                      onChange={() => toggle(p.id)}
                    />
                    <span class="print-plate">{p.plate}</span>
                    <span class="hint">No.{p.number}</span>
                  </label>
                </li>
              ))}
            </ul>
            {permits.data && permits.data.total > items.length && (
              <p class="hint">{t('print.cards.more', { count: items.length })}</p>
            )}
          </fieldset>
          {ticked.size > 0 && (
            <LedgerDownloadButton
              path={`/api/permits/cards.pdf?ids=${[...ticked].join(',')}`}
              fileName="permit-cards.pdf"
              label={t('print.cards.downloadChosen', { count: ticked.size })}
              busyLabel={t('print.busy')}
              testId="download-chosen-cards"
            />
          )}
        </>
      )}
    </section>
  );
}

function Roster() {
  const [month, setMonth] = useState(beijingMonth);
  const valid = /^\d{4}-(0[1-9]|1[0-2])$/.test(month);
  return (
    <section class="card print-section" data-testid="print-roster">
      <h2>{t('print.roster')}</h2>
      <p class="hint">{t('print.roster.hint')}</p>
      <Field label={t('print.roster.month')}>
        <input
          type="month"
          value={month}
          data-testid="roster-month"
          onInput={(e) => setMonth((e.target as HTMLInputElement).value)}
        />
      </Field>
      {valid && (
        <LedgerDownloadButton
          path={`/api/rosters/roster.pdf?month=${month}`}
          fileName={`duty-roster-${month}.pdf`}
          label={t('print.roster.download', {
            year: month.slice(0, 4),
            month: Number(month.slice(5)),
          })}
          busyLabel={t('print.busy')}
          testId="download-roster"
        />
      )}
    </section>
  );
}

/** 打印: the council's printed things, each a PDF made on the server and downloaded. */
export function PrintScreen() {
  return (
    <div class="screen" data-testid="print-screen">
      <TopBar title={t('print.title')} back="/home" />
      <main class="content print-content">
        <p class="hint">{t('print.intro')}</p>
        <Stickers />
        <PermitCards />
        <Roster />
      </main>
    </div>
  );
}
