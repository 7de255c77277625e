// Restriction windows ("no parking 07:00–09:00 for the refuse truck") are local times of day in
// Asia/Shanghai, on some ISO weekdays, and may cross midnight. Pure functions.

import {
  DAY_MS,
  MINUTE_MS,
  MINUTES_PER_DAY,
  minuteOfShanghaiDay,
  parseHhmm,
  shanghaiWeekday,
  startOfShanghaiDay,
} from '../common/shanghai-time';

export interface DailyWindow {
  /** "HH:MM" */
  from: string;
  to: string;
  /** ISO weekdays 1 (Mon) … 7 (Sun) on which the window starts; every day when absent. */
  days?: number[] | null;
}

const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

/** "07:00" (or PostgreSQL's "07:00:00") → 420; a stored window is always a time of day. */
function minutesOfDay(hhmm: string): number {
  const minutes = parseHhmm(hhmm);
  if (minutes === null) throw new Error(`not a time of day: ${hhmm}`);
  return minutes;
}

/** Minutes since Monday 00:00 local time (an instant's place in the local week). */
export function minuteOfWeek(at: Date): number {
  return (shanghaiWeekday(at) - 1) * MINUTES_PER_DAY + minuteOfShanghaiDay(at);
}

/** The window's occurrences in one week, as [start, end) minutes-of-week (end may pass a week). */
function occurrences(window: DailyWindow): [number, number][] {
  const from = minutesOfDay(window.from);
  let to = minutesOfDay(window.to);
  if (to <= from) to += MINUTES_PER_DAY;
  const days = window.days?.length ? window.days : [1, 2, 3, 4, 5, 6, 7];
  return days.map((day) => {
    const start = (day - 1) * MINUTES_PER_DAY + from;
    return [start, start + (to - from)];
  });
}

/** Whether the window is in force over any part of [from, to). */
export function windowOverlaps(window: DailyWindow, from: Date, to: Date): boolean {
  const length = Math.floor((to.getTime() - from.getTime()) / MINUTE_MS);
  if (length <= 0) return windowActiveAt(window, from);
  if (length >= MINUTES_PER_WEEK) return true;
  const a = minuteOfWeek(from);
  const b = a + length;
  // Compare against this week's and the neighbouring weeks' occurrences.
  return occurrences(window).some(([start, end]) =>
    [-MINUTES_PER_WEEK, 0, MINUTES_PER_WEEK].some((shift) => start + shift < b && end + shift > a),
  );
}

export function windowActiveAt(window: DailyWindow, at: Date): boolean {
  const m = minuteOfWeek(at);
  return occurrences(window).some(([start, end]) =>
    [-MINUTES_PER_WEEK, 0].some((shift) => start + shift <= m && m < end + shift),
  );
}

/** The instant of "HH:MM" today in Shanghai, or `after` that, the next day (for "19:00 to 07:00"). */
export function localTimeToday(hhmm: string, now: Date, after?: Date): Date {
  const minutes = minutesOfDay(hhmm);
  let instant = new Date(startOfShanghaiDay(now).getTime() + minutes * MINUTE_MS);
  if (after && instant <= after) instant = new Date(instant.getTime() + DAY_MS);
  return instant;
}
