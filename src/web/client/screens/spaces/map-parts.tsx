import { useEffect, useState } from 'preact/hooks';
import { apiFetch } from '../../api';
import { t } from '../../i18n';
import { Link } from '../../router';
import type { LanePoint } from './lane-svg';
import type { Counts, SpaceState } from './live-lane';

// Pieces the lane maps share: the warden's (plates, check in and out) and the residents'
// (states and counts only).

export interface Lane {
  id: string;
  name: string;
  geometry: LanePoint[];
}

export const SPACE_STATES: readonly SpaceState[] = ['free', 'occupied', 'reserved', 'closed'];

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
