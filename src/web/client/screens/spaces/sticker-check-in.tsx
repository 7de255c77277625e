import { useEffect, useState } from 'preact/hooks';
import { ApiError, apiFetch } from '../../api';
import { t } from '../../i18n';
import { LiveBadge } from '../../live-badge';
import { useMe, type Vehicle } from '../../me';
import { Link, type ScreenProps } from '../../router';
import { LoadFailed, Loading, TopBar } from '../../ui';
import { type LaneMap, type MapSpace, useLiveLane } from './live-lane';
import type { Lane } from './map-parts';
import './spaces.css';
import {
  RestrictionWarnings,
  type RestrictionWarning,
  warningsOf,
} from '../daily-work/restriction-warnings';

type Found =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'missing' }
  | { status: 'ready'; lane: Lane; space: MapSpace };

type Outcome = { ok: true; text: string } | { ok: false; text: string };

/**
 * Opened from the QR sticker fixed at a space (#/spaces/:id/check-in?sticker=…): a resident
 * parks one of their household's cars there, or checks it out. The sticker token proves they
 * are standing at the space; the server decides and its refusal is shown as it is.
 */
export function StickerCheckInScreen({ params, query }: ScreenProps) {
  const spaceId = params.id ?? '';
  const sticker = query.get('sticker');
  const [found, setFound] = useState<Found>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const { map } = useLiveLane(found.status === 'ready' ? found.lane.id : null);
  const live = map?.spaces.find((s) => s.id === spaceId) ?? null;
  // The answer to our own request, until the live map has news of the space.
  const [answered, setAnswered] = useState<MapSpace | null>(null);
  useEffect(() => setAnswered(null), [live]);

  useEffect(() => {
    let current = true;
    setFound({ status: 'loading' });
    findSpace(spaceId).then(
      (result) => current && setFound(result ?? { status: 'missing' }),
      (error: unknown) =>
        current &&
        setFound({
          status: 'failed',
          message: error instanceof ApiError ? error.message : String(error),
        }),
    );
    return () => {
      current = false;
    };
  }, [spaceId, attempt]);

  const space = answered ?? live ?? (found.status === 'ready' ? found.space : null);
  return (
    <div class="screen sticker-check-in" data-testid="sticker-check-in">
      <TopBar title={t('checkIn.title')} />
      <div class="map-status">
        <span class="hint">{found.status === 'ready' ? found.lane.name : ''}</span>
        <LiveBadge />
      </div>
      <main class="content">
        {found.status === 'loading' && <Loading />}
        {found.status === 'failed' && (
          <LoadFailed message={found.message} onRetry={() => setAttempt((n) => n + 1)} />
        )}
        {found.status === 'missing' && (
          <p class="status status--error" role="alert" data-testid="space-missing">
            {t('checkIn.notFound')}
          </p>
        )}
        {found.status === 'ready' && space && (
          <CheckInCard space={space} sticker={sticker} onAnswer={setAnswered} />
        )}
        <p>
          <Link to="/map" class="button button--secondary" data-testid="to-map">
            {t('checkIn.toMap')}
          </Link>
        </p>
      </main>
    </div>
  );
}

function CheckInCard(props: {
  space: MapSpace;
  sticker: string | null;
  onAnswer: (space: MapSpace) => void;
}) {
  const { space, sticker } = props;
  const { state: me, reload } = useMe();
  const vehicles: Vehicle[] = me.status === 'ready' ? (me.me.household?.vehicles ?? []) : [];
  const [picked, setPicked] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [warnings, setWarnings] = useState<RestrictionWarning[]>([]);
  const vehicle =
    vehicles.find((v) => v.id === picked) ?? (vehicles.length === 1 ? vehicles[0] : undefined);

  const send = async (
    path: 'check-in' | 'check-out',
    body: object,
    done: (s: MapSpace) => string,
  ) => {
    setBusy(true);
    setOutcome(null);
    try {
      const answer = await apiFetch<MapSpace>(`/api/spaces/${space.id}/${path}`, { body });
      props.onAnswer(answer);
      setOutcome({ ok: true, text: done(answer) });
      setWarnings(warningsOf(answer));
    } catch (error) {
      setOutcome({ ok: false, text: error instanceof ApiError ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };
  const checkIn = (plate: string) =>
    send('check-in', sticker ? { plate, sticker } : { plate }, () =>
      t('checkIn.done', { plate, code: space.code }),
    );
  const checkOut = () => send('check-out', {}, () => t('checkIn.outDone', { code: space.code }));

  const occupant = space.occupant;
  return (
    <>
      <section class="card sticker-space" data-testid="sticker-space">
        <p class="sticker-code" data-testid="sticker-space-code">
          {space.code}
        </p>
        <span class={`badge badge--${space.state}`} data-testid="sticker-space-state">
          {t(`map.state.${space.state}`)}
        </span>
        {(space.restrictedNow || space.closedReason) && (
          <p class="hint">{space.restrictedNow ?? space.closedReason}</p>
        )}
      </section>

      {outcome && (
        <p
          class={`status ${outcome.ok ? 'status--ok' : 'status--error'}`}
          role={outcome.ok ? 'status' : 'alert'}
          data-testid={outcome.ok ? 'check-in-success' : 'check-in-error'}
        >
          {outcome.ok ? '✓ ' : ''}
          {outcome.text}
        </p>
      )}
      {outcome?.ok && <RestrictionWarnings warnings={warnings} />}

      {!sticker && (
        <p class="status status--warn" data-testid="sticker-missing">
          {t('checkIn.noSticker')}
        </p>
      )}

      {occupant?.mine ? (
        <section class="card">
          <p class="space-plate" data-testid="my-car-here">
            {t('checkIn.mine', {
              plate: occupant.plate,
              time: new Date(occupant.since).toLocaleTimeString().slice(0, 5),
            })}
          </p>
          <button
            type="button"
            class="button button--primary button--wide"
            data-testid="check-out"
            disabled={busy}
            onClick={() => void checkOut()}
          >
            {busy ? t('checkIn.working') : t('map.checkOut')}
          </button>
        </section>
      ) : space.state !== 'free' ? (
        <p class="card hint" data-testid="space-unavailable">
          {space.state === 'occupied' ? t('checkIn.taken') : t('checkIn.unavailable')}
        </p>
      ) : me.status === 'loading' ? (
        <Loading />
      ) : me.status === 'failed' ? (
        <LoadFailed message={me.message} onRetry={reload} />
      ) : vehicles.length === 0 ? (
        <p class="card hint">{me.me.household ? t('vehicles.none') : t('vehicles.noHousehold')}</p>
      ) : (
        <form
          class="card vehicle-pick"
          onSubmit={(event) => {
            event.preventDefault();
            if (vehicle) void checkIn(vehicle.plate);
          }}
        >
          <fieldset>
            <legend>{t('checkIn.pickVehicle')}</legend>
            {vehicles.map((v) => (
              <label key={v.id} class="vehicle-choice" data-testid="vehicle-choice">
                <input
                  type="radio"
                  name="vehicle"
                  value={v.id}
                  checked={vehicle?.id === v.id}
                  onChange={() => setPicked(v.id)}
                />
                <span class={`plate plate--${v.plateColor}`}>{v.plate}</span>
              </label>
            ))}
          </fieldset>
          <button
            type="submit"
            class="button button--primary button--wide"
            data-testid="check-in"
            disabled={busy || !vehicle}
          >
            {busy ? t('checkIn.working') : t('map.checkIn')}
          </button>
        </form>
      )}
    </>
  );
}

/** The space behind the sticker, looked up among the lanes the resident may read. */
async function findSpace(
  spaceId: string,
): Promise<{ status: 'ready'; lane: Lane; space: MapSpace } | null> {
  const lanes = await apiFetch<Lane[]>('/api/lanes');
  const maps = await Promise.all(
    lanes.map((lane) => apiFetch<LaneMap>(`/api/lanes/${lane.id}/spaces`)),
  );
  for (const [i, map] of maps.entries()) {
    const space = map.spaces.find((s) => s.id === spaceId);
    if (space) return { status: 'ready', lane: lanes[i]!, space };
  }
  return null;
}
