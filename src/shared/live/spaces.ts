// The live lane map, as the server pushes it and the web client draws it. Pure: the server's
// response DTOs (src/spaces/dto/space.view.ts) implement them, the client imports them.
import type { RestrictionWarning } from '../api/spaces';
import type { Wire } from '../api/wire';

export const SPACE_STATES = ['free', 'occupied', 'reserved', 'closed'] as const;
/** What a space is right now; a no-parking window in force makes an empty space `closed`. */
export type SpaceState = (typeof SPACE_STATES)[number];
export type SpaceKind = 'self_made' | 'shared';
export type SizeClass = 'small' | 'standard' | 'large';

export type StateCounts = Record<SpaceState, number> & { total: number };
export interface LaneCounts extends StateCounts {
  byKind: Record<SpaceKind, StateCounts>;
}

export interface RestrictionWindow {
  id: string;
  /** "HH:MM", Beijing time; may cross midnight */
  from: string;
  to: string;
  /** ISO weekdays; every day when null */
  days: number[] | null;
  reason: string;
}

export interface SpaceOccupant {
  /** "京A·12345": staff, or the reader's own household only */
  plate: string;
  since: string;
  /** A car not registered to a household of the association */
  visitor: boolean;
  /** The reader's own household's car */
  mine: boolean;
}

/** One space as one reader may see it. */
export interface MapSpace {
  id: string;
  laneId: string;
  code: string;
  x: number;
  y: number;
  angle: number;
  sizeClass: SizeClass;
  kind: SpaceKind;
  state: SpaceState;
  consent: 'pending' | 'approved';
  closedReason: string | null;
  householdId: string | null;
  restrictions: RestrictionWindow[];
  /** The no-parking reason in force now */
  restrictedNow: string | null;
  occupant: SpaceOccupant | null;
}

/** `snapshot` after `subscribe { laneId }`: the whole lane at `seq`. */
export interface LaneSnapshot {
  laneId: string;
  seq: number;
  spaces: MapSpace[];
  counts: LaneCounts;
}

/** `space.updated`: one space changed; `seq` is the lane's, +1 per change. */
export interface SpaceUpdate {
  laneId: string;
  seq: number;
  space: MapSpace;
  counts: LaneCounts;
  /** The space left the map (its consent was refused) */
  removed?: boolean;
}

/** Live events of the spaces feature: event name → (payload) => void. */
/** `space.restriction-soon`, to the household: its car must leave before `from`. */
export interface RestrictionSoonPayload extends Wire<RestrictionWarning> {
  spaceId: string;
  code: string;
  plate: string;
}

/** `objection.updated`, to the council: an objection was raised or answered (re-read the count). */
export interface ObjectionUpdatedPayload {
  spaceId: string;
}

export interface SpacesLiveEvents {
  'space.updated': (payload: SpaceUpdate) => void;
  'objection.updated': (payload: ObjectionUpdatedPayload) => void;
  /** To a household: its 门前新画车位公示 changed (a space painted in front, an answer given). */
  'consent.updated': (payload: ObjectionUpdatedPayload) => void;
  'space.restriction-soon': (payload: RestrictionSoonPayload) => void;
}
