import { useCallback, useEffect, useState } from 'preact/hooks';
import { apiFetch, ApiError } from '../../api';
import { t } from '../../i18n';
import { useMe } from '../../me';
import { LoadFailed, Loading, TopBar } from '../../ui';
import {
  type Allocation,
  beijingTime,
  type Booking,
  type Condition,
  conditionsFor,
  type Eligibility,
  nightHours,
  type Offer,
} from './sharing-api';

/** The chosen car (or, with none chosen, any car of the household) meets every condition. */
function mayTake(eligibility: Eligibility, vehicleId: string): boolean {
  const car = eligibility.vehicles.find((v) => v.vehicleId === vehicleId);
  return car ? car.eligible : eligibility.eligible;
}

/**
 * Who may take this offer, condition by condition: each met (✓) or missed (✗, with the refusal a
 * booking would get), so a resident sees exactly what they miss.
 */
function Conditions({ conditions }: { conditions: Condition[] }) {
  return (
    <div data-testid="not-eligible">
      <p class="status status--error" role="status">
        {t('sharing.conditions.missed')}
      </p>
      <ul class="list" data-testid="eligibility-conditions">
        {conditions.map((c) => (
          <li
            key={c.condition}
            data-testid={c.met ? 'condition-met' : 'condition-missed'}
            data-condition={c.condition}
          >
            <span aria-hidden="true">{c.met ? '✓ ' : '✗ '}</span>
            {c.met
              ? t('sharing.conditions.met', { condition: t(`sharing.condition.${c.condition}`) })
              : t('sharing.conditions.miss', {
                  condition: t(`sharing.condition.${c.condition}`),
                  reason: c.message ?? '',
                })}
          </li>
        ))}
      </ul>
    </div>
  );
}

interface State {
  offers: Offer[];
  bookings: Booking[];
  allocations: Allocation[];
}

/** A resident's page: free places per night, book, cancel, register for a monthly place. */
export function ResidentOffersScreen() {
  const { state: me } = useMe();
  const [state, setState] = useState<State | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [accepted, setAccepted] = useState<Record<string, boolean>>({});
  const vehicles = me.status === 'ready' ? (me.me.household?.vehicles ?? []) : [];
  const [vehicleId, setVehicleId] = useState<string>('');
  const chosen = vehicleId || vehicles[0]?.id || '';

  const load = useCallback(async () => {
    try {
      const [offers, bookings, allocations] = await Promise.all([
        apiFetch<Offer[]>('/api/offers'),
        apiFetch<Booking[]>('/api/bookings/mine'),
        apiFetch<Allocation[]>('/api/allocations/mine'),
      ]);
      setState({ offers, bookings, allocations });
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  }, []);
  useEffect(() => void load(), [load]);

  const call = async (path: string, method: string, body?: unknown, done?: string) => {
    try {
      await apiFetch(path, { method, body });
      setNotice(done ?? null);
      await load();
    } catch (e) {
      setNotice(e instanceof ApiError ? e.message : String(e));
    }
  };

  const terms = (o: Offer) => ({ acceptTerms: accepted[o.id] === true, termsHash: o.termsHash });

  return (
    <div class="screen" data-testid="resident-offers">
      <TopBar title={t('sharing.resident.title')} />
      <main class="content">
        {!state && !error && <Loading />}
        {error && <LoadFailed message={error} onRetry={() => void load()} />}
        {notice && (
          <p class="status" role="status" data-testid="sharing-notice">
            {notice}
          </p>
        )}
        {vehicles.length > 1 && (
          <label>
            {t('sharing.vehicle')}
            <select onChange={(e) => setVehicleId((e.target as HTMLSelectElement).value)}>
              {vehicles.map((v) => (
                <option value={v.id} key={v.id}>
                  {v.plate}
                </option>
              ))}
            </select>
          </label>
        )}
        {state && (
          <>
            <h2>{t('sharing.resident.mine')}</h2>
            <ul class="list">
              {state.bookings.map((b) => (
                <li class="card" key={b.id} data-testid="my-booking">
                  {b.night} · {b.offerTitle} {b.spaceCode ?? ''} ·{' '}
                  {b.status === 'booked'
                    ? t('sharing.leaveBy', { time: beijingTime(b.endsAt) })
                    : b.cancelReasonText}
                  {b.status === 'booked' && (
                    <button
                      class="button button--secondary"
                      data-testid="cancel-booking"
                      onClick={() => void call(`/api/bookings/${b.id}`, 'DELETE')}
                    >
                      {t('sharing.cancel')}
                    </button>
                  )}
                </li>
              ))}
              {state.allocations.map((a) => (
                <li class="card" key={a.id} data-testid="my-allocation">
                  {a.offerTitle} · {t(`sharing.allocation.${a.status}`)}
                  {a.position !== null && ` · ${t('sharing.position', { position: a.position })}`}
                </li>
              ))}
            </ul>

            <h2>{t('sharing.resident.offers')}</h2>
            {state.offers.map((o) => (
              <section class="card" key={o.id} data-testid="offer">
                <h3>{o.title}</h3>
                <p class="hint">
                  {o.unitName} · {o.carParkName}
                </p>
                <p class="hint" data-testid="offer-grace">
                  {o.graceRule === 'offer' && o.graceMinutes < o.conventionGraceMinutes
                    ? t('sharing.graceBelowConvention', {
                        minutes: o.graceMinutes,
                        conventionMinutes: o.conventionGraceMinutes,
                      })
                    : t('sharing.grace', { minutes: o.graceMinutes })}
                  {o.standingPlaces > 0 &&
                    o.monthlyFeeCny > 0 &&
                    ` · ${t('sharing.monthlyFee', { fee: o.monthlyFeeCny })}`}
                </p>
                {o.eligibility && !mayTake(o.eligibility, chosen) ? (
                  <Conditions conditions={conditionsFor(o.eligibility, chosen)} />
                ) : (
                  <>
                    {o.termsText && (
                      <label class="terms">
                        <input
                          type="checkbox"
                          data-testid="accept-terms"
                          onChange={(e) =>
                            setAccepted({
                              ...accepted,
                              [o.id]: (e.target as HTMLInputElement).checked,
                            })
                          }
                        />
                        {t('sharing.accept')}: {o.termsText}
                      </label>
                    )}
                    <ul class="list">
                      {o.nights.map((n) => (
                        <li key={n.night} data-testid="night">
                          {n.night} {nightHours(n.startsAt, n.endsAt)} ·{' '}
                          {t('sharing.free', { free: n.free })}
                          <button
                            class="button"
                            disabled={n.free === 0 || !chosen}
                            data-testid="book-night"
                            onClick={() =>
                              void call(
                                `/api/offers/${o.id}/bookings`,
                                'POST',
                                { date: n.night, vehicleId: chosen, ...terms(o) },
                                t('sharing.booked'),
                              )
                            }
                          >
                            {t('sharing.book')}
                          </button>
                        </li>
                      ))}
                    </ul>
                    {o.standingPlaces > 0 && (
                      <button
                        class="button button--secondary"
                        data-testid="register-standing"
                        onClick={() =>
                          void call(
                            `/api/offers/${o.id}/allocations`,
                            'POST',
                            { vehicleId: chosen, ...terms(o) },
                            t('sharing.registered'),
                          )
                        }
                      >
                        {t('sharing.register', { waiting: o.waiting })}
                      </button>
                    )}
                  </>
                )}
              </section>
            ))}
          </>
        )}
      </main>
    </div>
  );
}
