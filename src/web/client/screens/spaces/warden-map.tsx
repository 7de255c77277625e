import { useState } from 'preact/hooks';
import { ApiError, apiFetch } from '../../api';
import { t } from '../../i18n';
import { LiveBadge } from '../../live-badge';
import type { ScreenProps } from '../../router';
import { TopBar } from '../../ui';
import { GuideHere } from '../daily-work/guide-here';
import type { MapSpace } from './live-lane';
import { CountsBar, LaneMapBody, SpacePanel, useLaneMap } from './map-parts';
import './spaces.css';

/** The warden's live map: which of the lane's spaces are free, right now, on a phone. */
export function WardenMapScreen(props: ScreenProps) {
  const view = useLaneMap(props.query.get('lane'));
  const { lane, map, space } = view;

  return (
    <div class="screen lane-map warden-map" data-testid="warden-map">
      <TopBar title={lane ? `${t('map.title')} · ${lane.name}` : t('map.title')} />
      <div class="map-status">
        {map && <CountsBar counts={map.counts} />}
        <LiveBadge />
      </div>
      <main class="content map-content">
        <LaneMapBody view={view} path="/warden/map" />
        {space && (
          <SpaceActions key={space.id} space={space} onClose={() => view.setSelected(null)} />
        )}
      </main>
    </div>
  );
}

/** The warden's panel: every plate, and the space checked in or out from the phone. */
function SpaceActions(props: { space: MapSpace; onClose: () => void }) {
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
    <SpacePanel space={space} plates="all" onClose={props.onClose}>
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
      {space.state === 'free' && <GuideHere code={space.code} />}
      {error && (
        <p class="status status--error" role="alert">
          {error}
        </p>
      )}
    </SpacePanel>
  );
}
