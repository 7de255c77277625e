import { useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n';
import { refusalOf } from '../../permits/permits-api';
import { LoadFailed, Loading, Spinner, TopBar } from '../../ui';
import {
  beijingMinute,
  type Page,
  type PastBooking,
  pastBookings,
  type PermitScan,
  permitScans,
} from './resident-api';
import './resident.css';

/** 预约与扫码记录: the household's past off-peak bookings and the scans of its permits. */
export function MyHistoryScreen() {
  return (
    <div class="screen" data-testid="my-history">
      <TopBar title={t('myHistory.title')} />
      <main class="content">
        <PagedSection
          title={t('myHistory.bookings')}
          empty={t('myHistory.noBookings')}
          testid="past-bookings"
          fetchPage={pastBookings}
          render={(b: PastBooking) => <BookingItem booking={b} />}
        />
        <PagedSection
          title={t('myHistory.scans')}
          hint={t('myHistory.scansHint')}
          empty={t('myHistory.noScans')}
          testid="permit-scans"
          fetchPage={permitScans}
          render={(s: PermitScan) => <ScanItem scan={s} />}
        />
      </main>
    </div>
  );
}

function BookingItem({ booking: b }: { booking: PastBooking }) {
  return (
    <>
      <p>
        <strong>{t('myHistory.night', { night: b.night })}</strong> · {b.carParkName}
        {b.spaceCode && ` · ${b.spaceCode}`}
      </p>
      <p>
        {b.offerTitle} · <span class="ledger-plate">{b.plate}</span>
      </p>
      <p
        class={`request-status request-status--${b.status === 'cancelled' ? 'refused' : 'applied'}`}
      >
        {t(`myHistory.booking.${b.status}`)}
        {b.cancelReasonText && `（${b.cancelReasonText}）`}
      </p>
      {(b.arrivedAt || b.leftAt) && (
        <p class="hint">
          {b.arrivedAt && t('myHistory.arrived', { at: beijingMinute(b.arrivedAt) })}
          {b.arrivedAt && b.leftAt && ' · '}
          {b.leftAt && t('myHistory.left', { at: beijingMinute(b.leftAt) })}
        </p>
      )}
    </>
  );
}

function ScanItem({ scan: s }: { scan: PermitScan }) {
  const place = [s.atCarPark ? t('myHistory.carPark') : s.laneName, s.spaceLabel]
    .filter(Boolean)
    .join(' · ');
  return (
    <>
      <p>
        <strong>{beijingMinute(s.scannedAt)}</strong> · {place || t('myHistory.unknownPlace')}
      </p>
      <p class={`scan-verdict scan-verdict--${s.verdict}`} data-testid="scan-verdict">
        {s.reason}
      </p>
      <p class="hint">
        {t('myHistory.scanOf', { number: s.permit.number, plate: s.permit.plate })}
      </p>
    </>
  );
}

/** A list read a page at a time, the latest first, with "load more" while there is more. */
function PagedSection<T extends { id: string }>(props: {
  title: string;
  hint?: string;
  empty: string;
  testid: string;
  fetchPage: (page: number) => Promise<Page<T>>;
  render: (item: T) => preact.JSX.Element;
}) {
  const [items, setItems] = useState<T[] | null>(null);
  const [total, setTotal] = useState(0);
  const [page, setPage] = useState(1);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);

  const load = (next: number) => {
    setBusy(true);
    setFailed(null);
    props
      .fetchPage(next)
      .then(
        (result) => {
          setItems((list) => (next === 1 ? result.items : [...(list ?? []), ...result.items]));
          setTotal(result.total);
          setPage(next);
        },
        (error: unknown) => setFailed(refusalOf(error)),
      )
      .finally(() => setBusy(false));
  };
  useEffect(() => load(1), []);

  const id = `${props.testid}-title`;
  return (
    <section aria-labelledby={id} data-testid={props.testid}>
      <h2 class="section-title" id={id}>
        {props.title}
      </h2>
      {props.hint && <p class="hint">{props.hint}</p>}
      {failed && <LoadFailed message={failed} onRetry={() => load(page)} />}
      {!failed && !items && <Loading />}
      {items && items.length === 0 && <p class="card empty">{props.empty}</p>}
      {items && items.length > 0 && (
        <ul class="list">
          {items.map((item) => (
            <li class="card resident-item" key={item.id} data-testid={`${props.testid}-item`}>
              {props.render(item)}
            </li>
          ))}
        </ul>
      )}
      {items && items.length < total && (
        <button
          type="button"
          class="button button--secondary"
          disabled={busy}
          onClick={() => load(page + 1)}
        >
          {busy && <Spinner />}
          {t('myHistory.more')}
        </button>
      )}
    </section>
  );
}
