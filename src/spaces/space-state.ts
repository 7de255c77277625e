// What a space is right now, decided from its record, the clock and the no-parking windows. Pure
// functions, and the only place that decides it: the map, the counts, the availability lists,
// the snapshots, the pushes and the check-in rules all read the state from here, so a count and
// a list can never disagree (see availabilityNow and its property test).
import {
  type LaneCounts,
  SPACE_STATES,
  type SpaceState,
  type StateCounts,
} from '../shared/live/spaces';
import type { RestrictionRecord, SpaceRecord } from './space-record';
import { type DailyWindow, windowActiveAt, windowOverlaps } from './time-windows';

export { SPACE_STATES };
export type { LaneCounts, SpaceState, StateCounts };

/** An association-wide no-parking window from the convention in force. */
export interface ConventionWindow extends DailyWindow {
  /** The convention's words, with its article cited, shown on the map */
  reason: string;
  /** The article (第N条) that sets the window, when the convention names one */
  article: number | null;
}

/** Everything besides the spaces that decides their state: the moment and the convention. */
export interface MapContext {
  now: Date;
  conventionWindows: readonly ConventionWindow[];
}

/** A no-parking window in force: the space's own (set by the council) or the convention's. */
export type NoParking =
  | { source: 'space'; window: RestrictionRecord }
  | { source: 'convention'; window: ConventionWindow };

/**
 * A new space is live once the facing households' objection window has passed and every
 * objection raised in it has been answered and dismissed (an upheld one withdraws the space).
 * Answering early does not shorten the window: a neighbour who has not spoken yet still may.
 */
export function isLive(space: SpaceRecord, now: Date): boolean {
  if (space.consent === 'approved') return true;
  if (space.consent === 'rejected') return false;
  return (
    space.undecidedObjections === 0 && space.objectionUntil !== null && space.objectionUntil <= now
  );
}

/** The state from the layout and occupancy alone, before any time window. */
function layoutState(space: SpaceRecord, now: Date): SpaceState {
  if (space.occupant) return 'occupied';
  if (space.availability === 'closed' || !isLive(space, now)) return 'closed';
  if (space.availability === 'reserved') return 'reserved';
  return 'free';
}

/** The no-parking window in force at `at`, if any: the space's own first, then the convention's. */
export function noParkingAt(
  space: SpaceRecord,
  conventionWindows: readonly ConventionWindow[],
  at: Date,
): NoParking | null {
  const own = space.restrictions.find((r) => windowActiveAt(r, at));
  if (own) return { source: 'space', window: own };
  const convention = conventionWindows.find((w) => windowActiveAt(w, at));
  return convention ? { source: 'convention', window: convention } : null;
}

/** The space right now. An empty space under a no-parking window is closed until it ends. */
export function stateOf(space: SpaceRecord, context: MapContext): SpaceState {
  const state = layoutState(space, context.now);
  if (state === 'free' && noParkingAt(space, context.conventionWindows, context.now)) {
    return 'closed';
  }
  return state;
}

/** Whether the space can take a car for the whole of [from, to): the availability filter. */
export function freeBetween(
  space: SpaceRecord,
  context: MapContext,
  from: Date,
  to: Date,
): boolean {
  const state = layoutState(space, context.now);
  if (state === 'closed' || state === 'reserved') return false;
  // Who will be parked later is unknown; a car parked now only matters if the window has begun.
  if (state === 'occupied' && from <= context.now) return false;
  const windows = [...space.restrictions, ...context.conventionWindows];
  return !windows.some((w) => windowOverlaps(w, from, to));
}

export interface LaneAvailability {
  /** How many spaces are in each state, in all and by kind */
  counts: LaneCounts;
  /** The spaces a car can take now: exactly those counted as free */
  free: SpaceRecord[];
}

/** The one truth about a lane right now: its counts and its free spaces, from the same states. */
export function availabilityNow(
  spaces: readonly SpaceRecord[],
  context: MapContext,
): LaneAvailability {
  const counts = emptyLaneCounts();
  const free: SpaceRecord[] = [];
  for (const space of spaces) {
    const state = stateOf(space, context);
    counts[state] += 1;
    counts.total += 1;
    counts.byKind[space.kind][state] += 1;
    counts.byKind[space.kind].total += 1;
    if (state === 'free') free.push(space);
  }
  return { counts, free };
}

export function emptyLaneCounts(): LaneCounts {
  return { ...emptyCounts(), byKind: { self_made: emptyCounts(), shared: emptyCounts() } };
}

/** Several lanes' counts as one (an association's). */
export function sumCounts(all: readonly LaneCounts[]): LaneCounts {
  const total = emptyLaneCounts();
  for (const counts of all) {
    for (const state of [...SPACE_STATES, 'total'] as const) {
      total[state] += counts[state];
      total.byKind.self_made[state] += counts.byKind.self_made[state];
      total.byKind.shared[state] += counts.byKind.shared[state];
    }
  }
  return total;
}

function emptyCounts(): StateCounts {
  return { free: 0, occupied: 0, reserved: 0, closed: 0, total: 0 };
}
