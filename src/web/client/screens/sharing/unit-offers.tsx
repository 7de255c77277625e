import { useCallback, useEffect, useState } from 'preact/hooks';
import { apiDownload, apiFetch, ApiError } from '../../api';
import { t } from '../../i18n';
import { LoadFailed, Loading, TopBar } from '../../ui';
import { type Booking, type CarPark, type Offer, useCarParkUpdates } from './sharing-api';

const PRESETS = {
  office: [
    { days: 'weekdays', from: '19:00', to: '07:30' },
    { days: 'weekends', from: '07:30', to: '07:30' },
  ],
  nightly: [{ days: 'daily', from: '20:00', to: '07:00' }],
  allDay: [{ days: 'daily', from: '00:00', to: '00:00' }],
} as const;

interface State {
  carParks: CarPark[];
  offers: Offer[];
  bookings: Record<string, Booking[]>;
}

/** The unit's page: publish, pause and end offers; tonight's bookings with plates; the ledger. */
export function UnitOffersScreen() {
  const [state, setState] = useState<State | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const [carParks, offers] = await Promise.all([
        apiFetch<CarPark[]>('/api/car-parks'),
        apiFetch<Offer[]>('/api/offers'),
      ]);
      const bookings: Record<string, Booking[]> = {};
      for (const park of carParks)
        bookings[park.id] = await apiFetch<Booking[]>(`/api/car-parks/${park.id}/bookings`);
      setState({ carParks, offers, bookings });
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  }, []);
  useEffect(() => void load(), [load]);
  useCarParkUpdates(state?.carParks.map((p) => p.id) ?? [], () => void load());

  const act = async (path: string, body?: unknown) => {
    try {
      await apiFetch(path, { method: 'POST', body: body ?? {} });
      setNotice(null);
      await load();
    } catch (e) {
      setNotice(e instanceof ApiError ? e.message : String(e));
    }
  };

  const publish = (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    void act('/api/offers', {
      carParkId: form.get('carParkId'),
      title: form.get('title') || undefined,
      places: Number(form.get('places')),
      validFrom: new Date().toISOString().slice(0, 10),
      rules: PRESETS[form.get('preset') as keyof typeof PRESETS],
      termsText: form.get('terms') || '',
    });
  };

  return (
    <div class="screen" data-testid="unit-offers">
      <TopBar title={t('sharing.unit.title')} />
      <main class="content">
        {!state && !error && <Loading />}
        {error && <LoadFailed message={error} onRetry={() => void load()} />}
        {notice && (
          <p class="status status--error" role="alert">
            {notice}
          </p>
        )}
        {state && (
          <>
            <form class="card" onSubmit={publish} data-testid="publish-form">
              <h2>{t('sharing.unit.publish')}</h2>
              <label>
                {t('sharing.carPark')}
                <select name="carParkId">
                  {state.carParks.map((p) => (
                    <option value={p.id} key={p.id}>
                      {p.name}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t('sharing.title')} <input name="title" data-testid="offer-title" />
              </label>
              <label>
                {t('sharing.places')}
                <input name="places" type="number" min="1" value="10" data-testid="offer-places" />
              </label>
              <label>
                {t('sharing.hours')}
                <select name="preset" data-testid="offer-preset">
                  <option value="office">{t('sharing.preset.office')}</option>
                  <option value="nightly">{t('sharing.preset.nightly')}</option>
                  <option value="allDay">{t('sharing.preset.allDay')}</option>
                </select>
              </label>
              <label>
                {t('sharing.terms')} <textarea name="terms" />
              </label>
              <button class="button" type="submit" data-testid="publish-submit">
                {t('sharing.unit.publishButton')}
              </button>
            </form>

            <h2>{t('sharing.unit.offers')}</h2>
            <ul class="list">
              {state.offers.map((o) => (
                <li class="card" key={o.id} data-testid="unit-offer">
                  <strong>{o.title}</strong> · {o.carParkName} · {t(`sharing.status.${o.status}`)}
                  <p class="hint">
                    {t('sharing.tonightFree', {
                      free: o.nights[0]?.free ?? 0,
                      capacity: o.nights[0]?.capacity ?? 0,
                    })}
                  </p>
                  {o.status === 'live' && (
                    <button
                      class="button button--secondary"
                      onClick={() => void act(`/api/offers/${o.id}/pause`)}
                    >
                      {t('sharing.pause')}
                    </button>
                  )}
                  {o.status === 'paused' && (
                    <button
                      class="button button--secondary"
                      onClick={() => void act(`/api/offers/${o.id}/resume`)}
                    >
                      {t('sharing.resume')}
                    </button>
                  )}
                  {o.status !== 'ended' && (
                    <button
                      class="button button--secondary"
                      onClick={() =>
                        confirm(t('sharing.endConfirm')) && void act(`/api/offers/${o.id}/end`)
                      }
                    >
                      {t('sharing.end')}
                    </button>
                  )}
                </li>
              ))}
            </ul>

            {state.carParks.map((park) => (
              <section key={park.id} data-testid="tonight">
                <h2>
                  {t('sharing.unit.tonight')} · {park.name}
                </h2>
                <button
                  class="button button--secondary"
                  onClick={() =>
                    void apiDownload(`/api/car-parks/${park.id}/bookings.csv`, 'bookings.csv')
                  }
                >
                  {t('sharing.exportCsv')}
                </button>
                <ul class="list">
                  {(state.bookings[park.id] ?? [])
                    .filter((b) => b.status === 'booked')
                    .map((b) => (
                      <li class="card" key={b.id} data-testid="tonight-booking">
                        <span class="plate">{b.plate}</span> {b.spaceCode ?? ''} · {b.offerTitle}
                      </li>
                    ))}
                </ul>
              </section>
            ))}
          </>
        )}
      </main>
    </div>
  );
}
