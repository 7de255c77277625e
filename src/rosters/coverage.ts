// Coverage of a roster: at every minute of a period, how many people are scheduled against how
// many must be on duty. What must be is declared (duty requirements, expanded to `needs` by
// duty-requirements.ts: the wardens' line around the clock, the evening patrol); a shift may ask
// for more than that (a market-day shift of two), so the minute needs the larger of the two.
// A minute of a need without a shift at all is a gap like any other.
//
// Shifts and needs of one track (warden, volunteer) add up; tracks are counted apart, so a
// volunteer never covers a missing warden. Pure: no clock, no database; intervals are half-open
// [from, to), so touching shifts meet without a gap or an overlap at the seam.

import { MINUTE_MS } from '../common/shanghai-time';

export interface Interval {
  from: Date;
  to: Date;
}

export interface CoverageShift extends Interval {
  id: string;
  /** People this shift needs on duty (the template's minimum). */
  required: number;
  /** Shifts of one track cover for each other; default 'default'. */
  track?: string;
}

export interface CoverageAssignment {
  shiftId: string;
}

/** A stretch of time a duty requirement says must be staffed (one occurrence of it). */
export interface CoverageNeed extends Interval {
  track: string;
  required: number;
  requirementId: string;
  /** The convention article the requirement rests on. */
  article: number | null;
}

export interface CoverageSegment extends Interval {
  track: string;
  scheduled: number;
  required: number;
  /** The requirement in force over the segment (the lowest article when several are); null if none. */
  requirementId: string | null;
  article: number | null;
}

const DEFAULT_TRACK = 'default';

/** Rounded outwards to whole minutes, so a gap is reported to the minute. */
function floorMinute(date: Date): number {
  return Math.floor(date.getTime() / MINUTE_MS);
}
function ceilMinute(date: Date): number {
  return Math.ceil(date.getTime() / MINUTE_MS);
}

interface Delta {
  need: number;
  shift: number;
  scheduled: number;
  needsOn: CoverageNeed[];
  needsOff: CoverageNeed[];
}

/**
 * For each track that has a shift or a need in the period, consecutive segments that tile the
 * period exactly, each with a constant count of people scheduled and required. Adjacent segments
 * with equal counts and the same requirement are merged.
 */
export function coverageTimeline(
  period: Interval,
  shifts: readonly CoverageShift[],
  assignments: readonly CoverageAssignment[],
  needs: readonly CoverageNeed[] = [],
): CoverageSegment[] {
  const start = floorMinute(period.from);
  const end = ceilMinute(period.to);
  if (end <= start) return [];

  const assigned = new Map<string, number>();
  for (const a of assignments) assigned.set(a.shiftId, (assigned.get(a.shiftId) ?? 0) + 1);

  // Per track, what changes at each minute where a shift or a need starts or ends.
  const tracks = new Map<string, Map<number, Delta>>();
  const deltaAt = (track: string, minute: number): Delta => {
    const deltas = tracks.get(track) ?? new Map<number, Delta>();
    tracks.set(track, deltas);
    const delta = deltas.get(minute) ?? {
      need: 0,
      shift: 0,
      scheduled: 0,
      needsOn: [],
      needsOff: [],
    };
    deltas.set(minute, delta);
    return delta;
  };
  for (const shift of shifts) {
    const from = Math.max(floorMinute(shift.from), start);
    const to = Math.min(ceilMinute(shift.to), end);
    if (to <= from) continue;
    const track = shift.track ?? DEFAULT_TRACK;
    const scheduled = assigned.get(shift.id) ?? 0;
    const opening = deltaAt(track, from);
    opening.shift += shift.required;
    opening.scheduled += scheduled;
    const closing = deltaAt(track, to);
    closing.shift -= shift.required;
    closing.scheduled -= scheduled;
  }
  for (const need of needs) {
    const from = Math.max(floorMinute(need.from), start);
    const to = Math.min(ceilMinute(need.to), end);
    if (to <= from) continue;
    const opening = deltaAt(need.track, from);
    opening.need += need.required;
    opening.needsOn.push(need);
    const closing = deltaAt(need.track, to);
    closing.need -= need.required;
    closing.needsOff.push(need);
  }

  const segments: CoverageSegment[] = [];
  for (const [track, deltas] of [...tracks].sort(([a], [b]) => a.localeCompare(b))) {
    deltaAt(track, start);
    const minutes = [...deltas.keys()].filter((m) => m < end).sort((a, b) => a - b);
    let need = 0;
    let shift = 0;
    let scheduled = 0;
    const active = new Map<CoverageNeed, true>();
    minutes.forEach((minute, index) => {
      const delta = deltas.get(minute)!;
      need += delta.need;
      shift += delta.shift;
      scheduled += delta.scheduled;
      for (const n of delta.needsOff) active.delete(n);
      for (const n of delta.needsOn) active.set(n, true);
      const required = Math.max(need, shift);
      const leading = leadingNeed(active.keys());
      const next = minutes[index + 1] ?? end;
      const last = segments.at(-1);
      if (
        last &&
        last.track === track &&
        last.to.getTime() === minute * MINUTE_MS &&
        last.required === required &&
        last.scheduled === scheduled &&
        last.requirementId === (leading?.requirementId ?? null)
      ) {
        last.to = new Date(next * MINUTE_MS);
      } else {
        segments.push({
          track,
          from: new Date(minute * MINUTE_MS),
          to: new Date(next * MINUTE_MS),
          scheduled,
          required,
          requirementId: leading?.requirementId ?? null,
          article: leading?.article ?? null,
        });
      }
    });
  }
  return segments;
}

/** Every interval of the period where fewer people are scheduled than required, by start time. */
export function coverageGaps(
  period: Interval,
  shifts: readonly CoverageShift[],
  assignments: readonly CoverageAssignment[],
  needs: readonly CoverageNeed[] = [],
): CoverageSegment[] {
  return coverageTimeline(period, shifts, assignments, needs)
    .filter((segment) => segment.scheduled < segment.required)
    .sort((a, b) => a.from.getTime() - b.from.getTime() || a.track.localeCompare(b.track));
}

/** The need a segment is reported under when several overlap: the lowest article, then id. */
function leadingNeed(needs: Iterable<CoverageNeed>): CoverageNeed | undefined {
  let best: CoverageNeed | undefined;
  for (const need of needs) {
    if (
      !best ||
      (need.article ?? Infinity) < (best.article ?? Infinity) ||
      ((need.article ?? Infinity) === (best.article ?? Infinity) &&
        need.requirementId < best.requirementId)
    ) {
      best = need;
    }
  }
  return best;
}
