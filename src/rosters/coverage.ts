// Coverage of a roster: at every minute of a period, how many people are scheduled against how
// many the shifts require. Shifts of one track (e.g. the wardens' 24-hour line, the volunteers'
// evening patrol) add up; tracks are counted apart, so a volunteer never covers a missing warden.
// Pure: no clock, no database; intervals are half-open [from, to), so touching shifts meet
// without a gap or an overlap at the seam.

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

export interface CoverageSegment extends Interval {
  track: string;
  scheduled: number;
  required: number;
}

const DEFAULT_TRACK = 'default';

/** Rounded outwards to whole minutes, so a gap is reported to the minute. */
function floorMinute(date: Date): number {
  return Math.floor(date.getTime() / MINUTE_MS);
}
function ceilMinute(date: Date): number {
  return Math.ceil(date.getTime() / MINUTE_MS);
}

/**
 * For each track that has a shift in the period, consecutive segments that tile the period
 * exactly, each with a constant count of people scheduled and required. Adjacent segments with
 * equal counts are merged.
 */
export function coverageTimeline(
  period: Interval,
  shifts: readonly CoverageShift[],
  assignments: readonly CoverageAssignment[],
): CoverageSegment[] {
  const start = floorMinute(period.from);
  const end = ceilMinute(period.to);
  if (end <= start) return [];

  const assigned = new Map<string, number>();
  for (const a of assignments) assigned.set(a.shiftId, (assigned.get(a.shiftId) ?? 0) + 1);

  // Per track, the change in (required, scheduled) at each minute where a shift starts or ends.
  const tracks = new Map<string, Map<number, { required: number; scheduled: number }>>();
  for (const shift of shifts) {
    const from = Math.max(floorMinute(shift.from), start);
    const to = Math.min(ceilMinute(shift.to), end);
    if (to <= from) continue;
    const track = shift.track ?? DEFAULT_TRACK;
    const deltas = tracks.get(track) ?? new Map<number, { required: number; scheduled: number }>();
    tracks.set(track, deltas);
    const scheduled = assigned.get(shift.id) ?? 0;
    bump(deltas, from, shift.required, scheduled);
    bump(deltas, to, -shift.required, -scheduled);
  }

  const segments: CoverageSegment[] = [];
  for (const [track, deltas] of [...tracks].sort(([a], [b]) => a.localeCompare(b))) {
    deltas.set(start, deltas.get(start) ?? { required: 0, scheduled: 0 });
    const minutes = [...deltas.keys()].filter((m) => m < end).sort((a, b) => a - b);
    let required = 0;
    let scheduled = 0;
    minutes.forEach((minute, index) => {
      const delta = deltas.get(minute)!;
      required += delta.required;
      scheduled += delta.scheduled;
      const next = minutes[index + 1] ?? end;
      const last = segments.at(-1);
      if (
        last &&
        last.track === track &&
        last.to.getTime() === minute * MINUTE_MS &&
        last.required === required &&
        last.scheduled === scheduled
      ) {
        last.to = new Date(next * MINUTE_MS);
      } else {
        segments.push({
          track,
          from: new Date(minute * MINUTE_MS),
          to: new Date(next * MINUTE_MS),
          scheduled,
          required,
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
): CoverageSegment[] {
  return coverageTimeline(period, shifts, assignments)
    .filter((segment) => segment.scheduled < segment.required)
    .sort((a, b) => a.from.getTime() - b.from.getTime() || a.track.localeCompare(b.track));
}

function bump(
  deltas: Map<number, { required: number; scheduled: number }>,
  minute: number,
  required: number,
  scheduled: number,
): void {
  const delta = deltas.get(minute) ?? { required: 0, scheduled: 0 };
  delta.required += required;
  delta.scheduled += scheduled;
  deltas.set(minute, delta);
}
