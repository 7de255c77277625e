// Beijing time, for every feature. The association lives in Asia/Shanghai, which has kept UTC+8
// without daylight saving since 1991, so a fixed offset is exact for every date this service will
// see and these functions stay pure (no Intl, no time-zone database, no clock).
//
// A "local date" is "YYYY-MM-DD" in Beijing; a "minute of day" counts from local midnight.

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
export const MINUTES_PER_DAY = 24 * 60;
export const SHANGHAI_OFFSET_MINUTES = 8 * 60;
export const SHANGHAI_OFFSET_MS = SHANGHAI_OFFSET_MINUTES * MINUTE_MS;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)(:[0-5]\d)?$/;

/** Milliseconds of an instant shifted so that its UTC fields read as Beijing wall time. */
function wallMs(at: Date): number {
  return at.getTime() + SHANGHAI_OFFSET_MS;
}

/** "2025-11-01" → the instant of 00:00 that day in Beijing; null if it is no calendar date. */
export function shanghaiMidnight(date: string): Date | null {
  const match = DATE.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = Date.UTC(year, month - 1, day);
  const check = new Date(utc);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return new Date(utc - SHANGHAI_OFFSET_MS);
}

/** Whether a string is a real calendar date "YYYY-MM-DD" (so not "2026-02-30"). */
export function isLocalDate(value: string): boolean {
  return shanghaiMidnight(value) !== null;
}

/** The instant of a local date and minute of day (which may pass 1440 into the next day). */
export function shanghaiInstant(date: string, minuteOfDay = 0): Date {
  const midnight = shanghaiMidnight(date);
  if (!midnight) throw new Error(`not a date: ${date}`);
  return new Date(midnight.getTime() + minuteOfDay * MINUTE_MS);
}

/**
 * An instant from a query or body: a date ("2025-11-01") is Beijing midnight, a date-time
 * without an offset is Beijing time, one with "Z" or "+08:00" is taken as written.
 */
export function parseInstant(value: string): Date | null {
  if (DATE.test(value)) return shanghaiMidnight(value);
  const text = LOCAL_DATE_TIME.test(value) ? `${value}+08:00` : value;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "2025-11-01": the local date of an instant. */
export function shanghaiDate(at: Date): string {
  return new Date(wallMs(at)).toISOString().slice(0, 10);
}

/** "2025-11-01 08:00", as the council writes it on paper. */
export function shanghaiDateTime(at: Date): string {
  return new Date(wallMs(at)).toISOString().slice(0, 16).replace('T', ' ');
}

/** "08:00": the local time of day of an instant. */
export function shanghaiClock(at: Date): string {
  return new Date(wallMs(at)).toISOString().slice(11, 16);
}

/** The local date `days` after (or before, if negative) a local date. */
export function addDays(date: string, days: number): string {
  return shanghaiDate(new Date(shanghaiInstant(date).getTime() + days * DAY_MS));
}

/** The Beijing midnight at or before an instant. */
export function startOfShanghaiDay(at: Date): Date {
  return new Date(at.getTime() - minuteOfShanghaiDayMs(at));
}

/** Every Beijing midnight from the day holding `from` up to (not including) `to`. */
export function shanghaiDays(from: Date, to: Date): Date[] {
  const days: Date[] = [];
  for (let day = startOfShanghaiDay(from); day < to; day = new Date(day.getTime() + DAY_MS)) {
    days.push(day);
  }
  return days;
}

/** The first Beijing midnight of the month holding `at`, and of the month after. */
export function shanghaiMonth(at: Date): { from: Date; to: Date } {
  const wall = new Date(wallMs(at));
  const [year, month] = [wall.getUTCFullYear(), wall.getUTCMonth()];
  return {
    from: new Date(Date.UTC(year, month, 1) - SHANGHAI_OFFSET_MS),
    to: new Date(Date.UTC(year, month + 1, 1) - SHANGHAI_OFFSET_MS),
  };
}

/** The first instant of the Beijing calendar month holding `at`. */
export function startOfShanghaiMonth(at: Date): Date {
  return shanghaiMonth(at).from;
}

/** ISO weekday of an instant in Beijing: 1 = Monday … 7 = Sunday. */
export function shanghaiWeekday(at: Date): number {
  const day = new Date(wallMs(at)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** ISO weekday of a local date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  return shanghaiWeekday(shanghaiInstant(date));
}

/** Whole minutes since the Beijing midnight before an instant: 0 … 1439. */
export function minuteOfShanghaiDay(at: Date): number {
  return Math.floor(minuteOfShanghaiDayMs(at) / MINUTE_MS);
}

function minuteOfShanghaiDayMs(at: Date): number {
  return ((wallMs(at) % DAY_MS) + DAY_MS) % DAY_MS;
}

/**
 * "18:00" → 1080; null if it is no time of day. Seconds ("18:00:00", as PostgreSQL prints a
 * `time`) are accepted and dropped. "24:00" (1440) is accepted only with `endOfDay`, for the
 * end of a window that runs to midnight.
 */
export function parseHhmm(value: string, options: { endOfDay?: boolean } = {}): number | null {
  if (value === '24:00') return options.endOfDay ? MINUTES_PER_DAY : null;
  const match = TIME.exec(value);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** 1080 → "18:00". */
export function hhmm(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}
