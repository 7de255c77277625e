// Rosters are planned in Beijing time. Asia/Shanghai has been UTC+8 without daylight saving
// since 1991, so a fixed offset is exact and keeps these functions pure.

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
const OFFSET_MS = 8 * HOUR_MS;

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/;

/** "2025-11-01" → the instant of 00:00 that day in Beijing; null if it is no calendar date. */
export function shanghaiMidnight(date: string): Date | null {
  const match = DATE_ONLY.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = Date.UTC(year, month - 1, day);
  const check = new Date(utc);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return new Date(utc - OFFSET_MS);
}

/**
 * An instant from a query or body: a date ("2025-11-01") is Beijing midnight, a date-time
 * without an offset is Beijing time, one with "Z" or "+08:00" is taken as written.
 */
export function parseInstant(value: string): Date | null {
  if (DATE_ONLY.test(value)) return shanghaiMidnight(value);
  const text = LOCAL_DATE_TIME.test(value) ? `${value}+08:00` : value;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The Beijing midnight at or before an instant. */
export function startOfShanghaiDay(at: Date): Date {
  const local = at.getTime() + OFFSET_MS;
  return new Date(local - (((local % DAY_MS) + DAY_MS) % DAY_MS) - OFFSET_MS);
}

/** Every Beijing midnight from the day holding `from` up to (not including) `to`. */
export function shanghaiDays(from: Date, to: Date): Date[] {
  const days: Date[] = [];
  for (let day = startOfShanghaiDay(from); day < to; day = new Date(day.getTime() + DAY_MS)) {
    days.push(day);
  }
  return days;
}

/** ISO weekday in Beijing: 1 = Monday … 7 = Sunday. */
export function shanghaiWeekday(at: Date): number {
  const day = new Date(at.getTime() + OFFSET_MS).getUTCDay();
  return day === 0 ? 7 : day;
}

/** "2025-11-01" in Beijing. */
export function shanghaiDate(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** "2025-11-01 08:00" in Beijing, as the council writes it on the paper roster. */
export function shanghaiDateTime(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** The first Beijing midnight of the month holding `at`, and of the month after. */
export function shanghaiMonth(at: Date): { from: Date; to: Date } {
  const local = new Date(at.getTime() + OFFSET_MS);
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth();
  return {
    from: new Date(Date.UTC(year, month, 1) - OFFSET_MS),
    to: new Date(Date.UTC(year, month + 1, 1) - OFFSET_MS),
  };
}

/** "18:00" → 1080. */
export function minuteOfDay(hhmm: string): number | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** 1080 → "18:00". */
export function hhmm(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}
