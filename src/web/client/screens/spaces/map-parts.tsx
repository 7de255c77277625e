import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { LaneResponse } from '../../../../shared/api/associations';
import { SPACE_STATES } from '../../../../shared/live/spaces';
import { apiFetch } from '../../api';
import { t } from '../../i18n';
import { Link } from '../../router';
import { useSession } from '../../session';
import { isCouncil } from '../../session.policy';
import { LoadFailed, Loading } from '../../ui';
import { LandmarkList } from './landmark-list';
import { type Landmark, useLandmarks } from './landmarks';
import { LaneView } from './lane-view';
import {
  type Counts,
  type LaneMap,
  type MapSpace,
  type SpaceState,
  useLiveLane,
} from './live-lane';

// Pieces the lane maps share: the warden's (plates, check in and out) and the residents'
// (states and counts only).

/** GET /api/lanes, as the maps read it (src/shared/api/associations.ts). */
export type Lane = Pick<LaneResponse, 'id' | 'name' | 'geometry'>;

/** The association's lanes, and the one to show: `?lane=` when it names one, else the first. */
export function useLanes(wanted: string | null): {
  lanes: Lane[] | null;
  lane: Lane | null;
  failed: string | null;
  reload: () => void;
} {
  const [lanes, setLanes] = useState<Lane[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const reload = () => {
    setFailed(null);
    apiFetch<Lane[]>('/api/lanes')
      .then(setLanes)
      .catch((error: Error) => setFailed(error.message));
  };
  useEffect(reload, []);
  const lane = lanes?.find((l) => l.id === wanted) ?? lanes?.[0] ?? null;
  return { lanes, lane, failed, reload };
}

/** Tabs to switch lanes, shown only when the association has more than one. */
export function LanePicker(props: { lanes: Lane[]; current: Lane; path: string }) {
  if (props.lanes.length < 2) return null;
  return (
    <nav class="lane-picker" aria-label={t('map.lanes')}>
      {props.lanes.map((lane) => (
        <Link
          key={lane.id}
          to={`${props.path}?lane=${lane.id}`}
          class={`lane-tab${lane.id === props.current.id ? ' lane-tab--current' : ''}`}
          aria-current={lane.id === props.current.id ? 'page' : undefined}
        >
          {lane.name}
        </Link>
      ))}
    </nav>
  );
}

/** How many spaces are in each state; the colours double as the map's legend. */
export function CountsBar(props: { counts: Counts; states?: readonly SpaceState[] }) {
  return (
    <ul class="counts" data-testid="counts">
      {(props.states ?? SPACE_STATES).map((state) => (
        <li key={state} class={`count count--${state}`} data-testid={`count-${state}`}>
          <strong>{props.counts[state]}</strong> {t(`map.state.${state}`)}
        </li>
      ))}
    </ul>
  );
}

/** The lane to show, its live map, and the space tapped on it. */
export interface LaneMapView {
  lanes: Lane[] | null;
  lane: Lane | null;
  failed: string | null;
  reload: () => void;
  map: LaneMap | null;
  landmarks: Landmark[];
  reloadLandmarks: () => void;
  selected: string | null;
  setSelected: (id: string | null) => void;
  space: MapSpace | null;
}

export function useLaneMap(wanted: string | null): LaneMapView {
  const { lanes, lane, failed, reload } = useLanes(wanted);
  const [selected, setSelected] = useState<string | null>(null);
  const { map } = useLiveLane(lane?.id ?? null);
  const { landmarks, reload: reloadLandmarks } = useLandmarks(lane?.id ?? null);
  const space = map?.spaces.find((s) => s.id === selected) ?? null;
  return {
    lanes,
    lane,
    failed,
    reload,
    map,
    landmarks,
    reloadLandmarks,
    selected,
    setSelected,
    space,
  };
}

/**
 * Lane tabs, loading and failures, then the lane itself; `children` go between, above the lane.
 * `path` is the screen's own route, for the tabs.
 */
export function LaneMapBody(props: {
  view: LaneMapView;
  path: string;
  children?: ComponentChildren;
}) {
  const { lanes, lane, failed, reload, map, landmarks, selected, setSelected } = props.view;
  // The council places and removes landmarks where it reads them.
  const council = isCouncil(useSession());
  return (
    <>
      {lanes && lane && <LanePicker lanes={lanes} current={lane} path={props.path} />}
      {failed && <LoadFailed message={failed} onRetry={reload} />}
      {!failed && (!lanes || (lane && !map)) && <Loading />}
      {lanes && lanes.length === 0 && <p class="card empty">{t('map.noLane')}</p>}
      {props.children}
      {lane && map && (
        <LaneView
          geometry={lane.geometry}
          spaces={map.spaces}
          landmarks={landmarks}
          label={t('map.svgLabel', { lane: lane.name, free: map.counts.free })}
          selected={selected}
          onSelect={setSelected}
        />
      )}
      {lane && map && (
        <LandmarkList
          landmarks={landmarks}
          spaces={map.spaces}
          editing={
            council
              ? { laneId: lane.id, geometry: lane.geometry, onChanged: props.view.reloadLandmarks }
              : null
          }
        />
      )}
    </>
  );
}

/**
 * The tapped space: its code and state, the plate when this reader is shown it, and why it is
 * closed or restricted; what the reader may do with it comes as `children`. Residents are shown
 * their own household's car only (`plates="ours"`); wardens every car, visitors marked.
 */
export function SpacePanel(props: {
  space: MapSpace;
  plates: 'ours' | 'all';
  onClose: () => void;
  children?: ComponentChildren;
}) {
  const { space } = props;
  const occupant = props.plates === 'all' || space.occupant?.mine ? space.occupant : null;
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
      {occupant && (
        <p class="space-plate" data-testid="space-plate">
          <span class="plate">{occupant.plate}</span>{' '}
          {t('map.since', {
            time: new Date(occupant.since).toLocaleTimeString().slice(0, 5),
          })}
          {props.plates === 'all' && occupant.visitor && ` · ${t('map.visitor')}`}
        </p>
      )}
      {(space.closedReason || space.restrictedNow) && (
        <p class="hint">{space.restrictedNow ?? space.closedReason}</p>
      )}
      {props.children}
    </section>
  );
}
