import { t } from '../../i18n';
import { LiveBadge } from '../../live-badge';
import type { ScreenProps } from '../../router';
import { TopBar } from '../../ui';
import { CountsBar, LaneMapBody, SpacePanel, useLaneMap } from './map-parts';
import './spaces.css';

/**
 * The residents' map of the lane: how many spaces are free right now, and where. Read-only; the
 * server sends residents states and counts only, with plates for their own household's car alone.
 */
export function ResidentMapScreen(props: ScreenProps) {
  const view = useLaneMap(props.query.get('lane'));
  const { lane, map, space } = view;
  const mine = map?.spaces.filter((s) => s.occupant?.mine) ?? [];

  return (
    <div class="screen lane-map resident-map" data-testid="resident-map">
      <TopBar title={t('residentMap.title')} />
      <div class="map-status">
        {map && <CountsBar counts={map.counts} states={['occupied', 'reserved', 'closed']} />}
        <LiveBadge />
      </div>
      <main class="content map-content">
        <LaneMapBody view={view} path="/map">
          {lane && map && <FreeHero lane={lane.name} free={map.counts.free} />}
          {mine.map((s) => (
            <p key={s.id} class="card my-car" data-testid="my-car">
              {t('residentMap.myCar', { plate: s.occupant?.plate ?? '', code: s.code })}
            </p>
          ))}
        </LaneMapBody>
        {space && (
          <SpacePanel
            key={space.id}
            space={space}
            plates="ours"
            onClose={() => view.setSelected(null)}
          />
        )}
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
