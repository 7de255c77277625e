import { useState } from 'preact/hooks';
import { ApiError, apiFetch } from '../../api';
import { t } from '../../i18n';
import { LiveBadge } from '../../live-badge';
import type { ScreenProps } from '../../router';
import { LoadFailed, Loading, TopBar } from '../../ui';
import { LaneView } from './lane-view';
import { type MapSpace, useLiveLane } from './live-lane';
import { CountsBar, LanePicker, useLanes } from './map-parts';
import './spaces.css';

/** The warden's live map: which of the lane's spaces are free, right now, on a phone. */
export function WardenMapScreen(props: ScreenProps) {
  const { lanes, lane, failed, reload } = useLanes(props.query.get('lane'));
  const [selected, setSelected] = useState<string | null>(null);
  const { map } = useLiveLane(lane?.id ?? null);
  const space = map?.spaces.find((s) => s.id === selected) ?? null;

  return (
    <div class="screen lane-map warden-map" data-testid="warden-map">
      <TopBar title={lane ? `${t('map.title')} · ${lane.name}` : t('map.title')} />
      <div class="map-status">
        {map && <CountsBar counts={map.counts} />}
        <LiveBadge />
      </div>
      <main class="content map-content">
        {lanes && lane && <LanePicker lanes={lanes} current={lane} path="/warden/map" />}
        {failed && <LoadFailed message={failed} onRetry={reload} />}
        {!failed && (!lanes || (lane && !map)) && <Loading />}
        {lanes && lanes.length === 0 && <p class="card empty">{t('map.noLane')}</p>}
        {lane && map && (
          <LaneView
            geometry={lane.geometry}
            spaces={map.spaces}
            selected={selected}
            onSelect={setSelected}
          />
        )}
        {space && <SpacePanel key={space.id} space={space} onClose={() => setSelected(null)} />}
      </main>
    </div>
  );
}

function SpacePanel(props: { space: MapSpace; onClose: () => void }) {
  const { space } = props;
  const [plate, setPlate] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const act = async (path: string, body?: object) => {
    setBusy(true);
    setError(null);
    try {
      await apiFetch(`/api/spaces/${space.id}/${path}`, { method: 'POST', body: body ?? {} });
      setPlate('');
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="card space-panel" data-testid="space-panel" aria-live="polite">
      <header class="space-panel-head">
        <h2>{space.code}</h2>
        <span class={`badge badge--${space.state}`}>{t(`map.state.${space.state}`)}</span>
        <button
          type="button"
          class="space-panel-close"
          aria-label={t('map.close')}
          onClick={props.onClose}
        >
          ×
        </button>
      </header>
      {space.occupant && (
        <p class="space-plate" data-testid="space-plate">
          <span class="plate">{space.occupant.plate}</span>{' '}
          {t('map.since', {
            time: new Date(space.occupant.since).toLocaleTimeString().slice(0, 5),
          })}
          {space.occupant.visitor && ` · ${t('map.visitor')}`}
        </p>
      )}
      {(space.closedReason || space.restrictedNow) && (
        <p class="hint">{space.restrictedNow ?? space.closedReason}</p>
      )}
      {space.state === 'occupied' ? (
        <button
          type="button"
          class="button button--primary"
          disabled={busy}
          onClick={() => void act('check-out')}
        >
          {t('map.checkOut')}
        </button>
      ) : space.state === 'free' ? (
        <form
          class="check-in"
          onSubmit={(event) => {
            event.preventDefault();
            void act('check-in', { plate });
          }}
        >
          <input
            class="input"
            name="plate"
            value={plate}
            placeholder={t('map.platePlaceholder')}
            aria-label={t('map.plate')}
            onInput={(event) => setPlate((event.target as HTMLInputElement).value)}
          />
          <button
            type="submit"
            class="button button--primary"
            disabled={busy || plate.trim().length < 7}
          >
            {t('map.checkIn')}
          </button>
        </form>
      ) : null}
      {error && (
        <p class="status status--error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
