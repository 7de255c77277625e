import { useState } from 'preact/hooks';
import { t } from '../../i18n';
import { LiveBadge } from '../../live-badge';
import type { ScreenProps } from '../../router';
import { LoadFailed, Loading, TopBar } from '../../ui';
import { LaneView } from './lane-view';
import { type MapSpace, useLiveLane } from './live-lane';
import { CountsBar, LanePicker, useLanes } from './map-parts';
import './spaces.css';

/**
 * The residents' map of the lane: how many spaces are free right now, and where. Read-only; the
 * server sends residents states and counts only, with plates for their own household's car alone.
 */
export function ResidentMapScreen(props: ScreenProps) {
  const { lanes, lane, failed, reload } = useLanes(props.query.get('lane'));
  const [selected, setSelected] = useState<string | null>(null);
  const { map } = useLiveLane(lane?.id ?? null);
  const space = map?.spaces.find((s) => s.id === selected) ?? null;
  const mine = map?.spaces.filter((s) => s.occupant?.mine) ?? [];

  return (
    <div class="screen lane-map resident-map" data-testid="resident-map">
      <TopBar title={t('residentMap.title')} />
      <div class="map-status">
        {map && <CountsBar counts={map.counts} states={['occupied', 'reserved', 'closed']} />}
        <LiveBadge />
      </div>
      <main class="content map-content">
        {lanes && lane && <LanePicker lanes={lanes} current={lane} path="/map" />}
        {failed && <LoadFailed message={failed} onRetry={reload} />}
        {!failed && (!lanes || (lane && !map)) && <Loading />}
        {lanes && lanes.length === 0 && <p class="card empty">{t('map.noLane')}</p>}
        {lane && map && <FreeHero lane={lane.name} free={map.counts.free} />}
        {mine.map((s) => (
          <p key={s.id} class="card my-car" data-testid="my-car">
            {t('residentMap.myCar', { plate: s.occupant?.plate ?? '', code: s.code })}
          </p>
        ))}
        {lane && map && (
          <LaneView
            geometry={lane.geometry}
            spaces={map.spaces}
            selected={selected}
            onSelect={setSelected}
          />
        )}
        {space && <SpaceInfo key={space.id} space={space} onClose={() => setSelected(null)} />}
        {map && <p class="hint map-hint">{t('residentMap.stickerHint')}</p>}
      </main>
    </div>
  );
}

/** "下岗胡同 空位 12 个", the number as big as a thumb. */
function FreeHero(props: { lane: string; free: number }) {
  // The sentence's word order differs between languages: split it around the number.
  const [before, after] = t('residentMap.free', { lane: props.lane, count: '\u0000' }).split(
    '\u0000',
  );
  return (
    <p class="free-hero" data-testid="free-hero" aria-live="polite">
      {before}
      <strong data-testid="free-count">{props.free}</strong>
      {after}
    </p>
  );
}

function SpaceInfo(props: { space: MapSpace; onClose: () => void }) {
  const { space } = props;
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
      {space.occupant?.mine && (
        <p class="space-plate" data-testid="space-plate">
          <span class="plate">{space.occupant.plate}</span>{' '}
          {t('map.since', {
            time: new Date(space.occupant.since).toLocaleTimeString().slice(0, 5),
          })}
        </p>
      )}
      {(space.closedReason || space.restrictedNow) && (
        <p class="hint">{space.restrictedNow ?? space.closedReason}</p>
      )}
    </section>
  );
}
