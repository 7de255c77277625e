// Warn before a restriction (issue 17.4): a car checked in at 17:33 into XG-38 must hear that the
// refuse truck needs the space at 07:00. Pure: the space's windows and the convention's, the
// moment of the check-in, and how far ahead to look.
import { DAY_MS, MINUTE_MS, parseHhmm, shanghaiWeekday } from '../common/shanghai-time';
import type { RestrictionWarning } from '../shared/api/spaces';
import type { SpaceRecord } from './space-record';
import type { ConventionWindow } from './space-state';
import { type DailyWindow, localTimeToday } from './time-windows';

/** How far ahead a check-in looks for a restriction starting. */
export const WARNING_HORIZON_MS = 12 * 60 * 60 * 1000;

/** A restriction ahead, as the check-in's answer warns of it (src/shared/api/spaces.ts). */
export type RestrictionAhead = RestrictionWarning;

/** The windows that start after `now` and no later than `now + horizon`, soonest first. */
export function restrictionsAhead(
  space: Pick<SpaceRecord, 'restrictions'>,
  conventionWindows: readonly ConventionWindow[],
  now: Date,
  horizonMs = WARNING_HORIZON_MS,
): RestrictionAhead[] {
  const ahead: RestrictionAhead[] = [];
  for (const r of space.restrictions) {
    const start = nextStart(r, now, horizonMs);
    if (start) ahead.push({ reason: 'restriction', ...start, article: null, note: r.reason });
  }
  for (const w of conventionWindows) {
    const start = nextStart(w, now, horizonMs);
    if (start) {
      ahead.push({ reason: 'no_parking_hours', ...start, article: w.article, note: w.reason });
    }
  }
  return ahead.sort((a, b) => a.from.getTime() - b.from.getTime());
}

/** The window's first start in (now, now + horizon], with its end; null when none. */
function nextStart(
  window: DailyWindow,
  now: Date,
  horizonMs: number,
): { from: Date; to: Date } | null {
  const fromMinutes = parseHhmm(window.from);
  const toMinutes = parseHhmm(window.to);
  if (fromMinutes === null || toMinutes === null) return null;
  const length = (toMinutes > fromMinutes ? 0 : 24 * 60) + toMinutes - fromMinutes;
  const today = localTimeToday(window.from, now);
  const until = now.getTime() + horizonMs;
  for (let day = 0; day <= Math.ceil(horizonMs / DAY_MS); day++) {
    const from = new Date(today.getTime() + day * DAY_MS);
    if (from <= now || from.getTime() > until) continue;
    if (window.days?.length && !window.days.includes(shanghaiWeekday(from))) continue;
    return { from, to: new Date(from.getTime() + length * MINUTE_MS) };
  }
  return null;
}
