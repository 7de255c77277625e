import { useCallback, useEffect, useState } from 'preact/hooks';
import { apiDownload, apiFetch, ApiError } from '../../api';
import { t } from '../../i18n';
import { LoadFailed, Loading, TopBar } from '../../ui';
import { DoneMessage, useConfirm } from '../../confirm';
import { PublishOfferForm } from './publish-offer-form';
import { StandingRegister } from './standing-register';
import { type Booking, type CarPark, type Offer, useCarParkUpdates } from './sharing-api';

interface State {
  carParks: CarPark[];
  offers: Offer[];
  bookings: Record<string, Booking[]>;
}

/**
 * The unit's page: publish, pause and end offers; their standing places (who holds, who waits,
 * the ledger); tonight's bookings with plates; the ledger.
 */
export function UnitOffersScreen() {
  const [state, setState] = useState<State | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

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

  const { dialog, ask } = useConfirm();

  const act = async (path: string, doneText: string) => {
    setDone(null);
    try {
      await apiFetch(path, { method: 'POST', body: {} });
      setNotice(null);
      setDone(doneText);
      await load();
    } catch (e) {
      setNotice(e instanceof ApiError ? e.message : String(e));
    }
  };

  /** Pausing turns residents away tonight and ending cancels their bookings: ask first. */
  const pause = async (offer: Offer) => {
    const yes = await ask({
      title: t('sharing.pauseConfirm.title', { title: offer.title }),
      body: <p>{t('sharing.pauseConfirm.body')}</p>,
      confirmLabel: t('sharing.pause'),
    });
    if (yes)
      await act(`/api/offers/${offer.id}/pause`, t('sharing.paused', { title: offer.title }));
  };
  const end = async (offer: Offer) => {
    const yes = await ask({
      title: t('sharing.endConfirm.title', { title: offer.title }),
      body: <p>{t('sharing.endConfirm')}</p>,
      confirmLabel: t('sharing.end'),
      danger: true,
    });
    if (yes) await act(`/api/offers/${offer.id}/end`, t('sharing.ended', { title: offer.title }));
  };

  return (
    <div class="screen" data-testid="unit-offers">
      <TopBar title={t('sharing.unit.title')} />
      <main class="content">
        {!state && !error && <Loading />}
        {error && <LoadFailed message={error} onRetry={() => void load()} />}
        <DoneMessage text={done} />
        {notice && (
          <p class="status status--error" role="alert">
            {notice}
          </p>
        )}
        {state && (
          <>
            <PublishOfferForm
              carParks={state.carParks}
              onPublished={(title) => {
                setDone(t('publish.done', { title }));
                void load();
              }}
            />

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
                      data-testid="offer-pause"
                      onClick={() => void pause(o)}
                    >
                      {t('sharing.pause')}
                    </button>
                  )}
                  {o.status === 'paused' && (
                    <button
                      class="button button--secondary"
                      data-testid="offer-resume"
                      onClick={() =>
                        void act(
                          `/api/offers/${o.id}/resume`,
                          t('sharing.resumed', { title: o.title }),
                        )
                      }
                    >
                      {t('sharing.resume')}
                    </button>
                  )}
                  {o.status !== 'ended' && (
                    <button
                      class="button button--secondary"
                      data-testid="offer-end"
                      onClick={() => void end(o)}
                    >
                      {t('sharing.end')}
                    </button>
                  )}
                  {o.standingPlaces > 0 && <StandingRegister offer={o} />}
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
      {dialog}
    </div>
  );
}
