// What a space is right now, decided from its record and the clock. Pure functions: the map,
// the availability API and the check-in rules all read the state from here.
import type { SpaceKind, SpaceRecord } from './space-record';
import { type DailyWindow, windowActiveAt, windowOverlaps } from './time-windows';

export const SPACE_STATES = ['free', 'occupied', 'reserved', 'closed'] as const;
export type SpaceState = (typeof SPACE_STATES)[number];

export type StateCounts = Record<SpaceState, number> & { total: number };
export interface LaneCounts extends StateCounts {
  byKind: Record<SpaceKind, StateCounts>;
}

/** An association-wide no-parking window from the convention, with its citation. */
export interface ConventionWindow extends DailyWindow {
  reason: string;
}

/**
 * A new space is live once the facing households' objection window has passed with no
 * objection, or the council has decided every objection and dismissed them all.
 */
export function isLive(space: SpaceRecord, now: Date): boolean {
  if (space.consent === 'approved') return true;
  if (space.consent === 'rejected') return false;
  return space.objections === 0 && space.objectionUntil !== null && space.objectionUntil <= now;
}

export function stateOf(space: SpaceRecord, now: Date): SpaceState {
  if (space.occupant) return 'occupied';
  if (space.availability === 'closed' || !isLive(space, now)) return 'closed';
  if (space.availability === 'reserved') return 'reserved';
  return 'free';
}

/** The restriction in force at `at`, if any: the space's own windows, then the convention's. */
export function restrictionAt(
  space: SpaceRecord,
  conventionWindows: readonly ConventionWindow[],
  at: Date,
): string | null {
  const own = space.restrictions.find((r) => windowActiveAt(r, at));
  if (own) return own.reason;
  return conventionWindows.find((w) => windowActiveAt(w, at))?.reason ?? null;
}

/** Whether the space can take a car for the whole of [from, to): the availability filter. */
export function freeBetween(
  space: SpaceRecord,
  conventionWindows: readonly ConventionWindow[],
  from: Date,
  to: Date,
  now: Date,
): boolean {
  const state = stateOf(space, now);
  if (state === 'closed' || state === 'reserved') return false;
  // Who will be parked later is unknown; a car parked now only matters if the window has begun.
  if (state === 'occupied' && from <= now) return false;
  const windows = [...space.restrictions, ...conventionWindows];
  return !windows.some((w) => windowOverlaps(w, from, to));
}

export function countsOf(spaces: readonly SpaceRecord[], now: Date): LaneCounts {
  const counts = emptyLaneCounts();
  for (const space of spaces) {
    const state = stateOf(space, now);
    counts[state] += 1;
    counts.total += 1;
    counts.byKind[space.kind][state] += 1;
    counts.byKind[space.kind].total += 1;
  }
  return counts;
}

export function emptyLaneCounts(): LaneCounts {
  return { ...emptyCounts(), byKind: { self_made: emptyCounts(), shared: emptyCounts() } };
}

function emptyCounts(): StateCounts {
  return { free: 0, occupied: 0, reserved: 0, closed: 0, total: 0 };
}
