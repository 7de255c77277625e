// The concrete opening windows of an off-peak offer: pure, no Nest or TypeORM.
//
// An offer states weekly rules ("Mon–Fri 19:00 → 07:30 next morning", "Sat–Sun all day"), its
// validity, the unit's blackout dates and follows China's official holiday calendar, including
// the make-up working days (调休). Times are Asia/Shanghai, which has been UTC+8 without daylight
// saving since 1991; the date arithmetic is in src/common/shanghai-time.ts.

import {
  addDays,
  isLocalDate,
  isoWeekday,
  parseHhmm,
  shanghaiInstant,
} from '../common/shanghai-time';

/** 'weekdays' and 'weekends' follow the holiday calendar; a list of ISO weekdays does not. */
export type RuleDays = 'weekdays' | 'weekends' | 'daily' | number[];

export interface WeeklyRule {
  days: RuleDays;
  /** "HH:MM" local time the window opens on the rule's day. */
  from: string;
  /** "HH:MM"; at or before `from` means the next morning; "24:00" means midnight. */
  to: string;
}

export type CalendarDayKind = 'holiday' | 'workday';

/** date "YYYY-MM-DD" → an official holiday (off) or a make-up working day (调休上班). */
export type HolidayCalendar = ReadonlyMap<string, CalendarDayKind>;

export interface OfferSchedule {
  rules: WeeklyRule[];
  /** First and last date (inclusive) a window may start on; validTo null = open-ended. */
  validFrom: string;
  validTo: string | null;
  /** Dates on which no window starts (the unit's own events). */
  blackoutDates: readonly string[];
}

export interface OfferWindow {
  /** The local date the window starts on: the "night" residents book. */
  night: string;
  startsAt: Date;
  endsAt: Date;
}

/** "HH:MM" or "24:00" (a window that runs to midnight), exactly as an offer states it. */
export function isLocalTime(value: string): boolean {
  return /^\d\d:\d\d$/.test(value) && parseHhmm(value, { endOfDay: true }) !== null;
}

/** Minutes after local midnight; "24:00" is 1440. */
export function minutesOf(time: string): number {
  if (!isLocalTime(time)) throw new Error(`not a time of day: ${time}`);
  return parseHhmm(time, { endOfDay: true })!;
}

/** An official working day: Mon–Fri unless a holiday, and the make-up Saturdays and Sundays. */
export function isWorkingDay(date: string, calendar: HolidayCalendar): boolean {
  const kind = calendar.get(date);
  if (kind === 'holiday') return false;
  if (kind === 'workday') return true;
  return isoWeekday(date) <= 5;
}

export function ruleOpensOn(rule: WeeklyRule, date: string, calendar: HolidayCalendar): boolean {
  const days = rule.days;
  if (days === 'daily') return true;
  if (days === 'weekdays') return isWorkingDay(date, calendar);
  if (days === 'weekends') return !isWorkingDay(date, calendar);
  return days.includes(isoWeekday(date));
}

function rawWindow(rule: WeeklyRule, date: string): { startsAt: Date; endsAt: Date } {
  const from = minutesOf(rule.from);
  let to = minutesOf(rule.to);
  if (to <= from) to += 24 * 60;
  return { startsAt: shanghaiInstant(date, from), endsAt: shanghaiInstant(date, to) };
}

function startsWithinValidity(schedule: OfferSchedule, date: string): boolean {
  if (date < schedule.validFrom) return false;
  if (schedule.validTo !== null && date > schedule.validTo) return false;
  return !schedule.blackoutDates.includes(date);
}

/**
 * The one window starting on `date`, or null. Rules opening on the same date are merged when
 * they overlap (the earliest start wins, the latest end); a window that overlaps the previous
 * night's is clipped to start when that one ends, so no minute belongs to two nights and a place
 * counted per night is a place per minute.
 */
export function windowOn(
  schedule: OfferSchedule,
  date: string,
  calendar: HolidayCalendar,
): OfferWindow | null {
  const own = mergedOn(schedule, date, calendar);
  if (!own) return null;
  const previous = mergedOn(schedule, addDays(date, -1), calendar);
  let startsAt = own.startsAt;
  if (previous && previous.endsAt > startsAt) startsAt = previous.endsAt;
  if (startsAt >= own.endsAt) return null;
  return { night: date, startsAt, endsAt: own.endsAt };
}

function mergedOn(
  schedule: OfferSchedule,
  date: string,
  calendar: HolidayCalendar,
): { startsAt: Date; endsAt: Date } | null {
  if (!startsWithinValidity(schedule, date)) return null;
  const windows = schedule.rules
    .filter((rule) => ruleOpensOn(rule, date, calendar))
    .map((rule) => rawWindow(rule, date));
  if (windows.length === 0) return null;
  // Same-day rules that do not touch each other are still one night: the span from the first
  // opening to the last closing is what a resident books.
  return {
    startsAt: new Date(Math.min(...windows.map((w) => w.startsAt.getTime()))),
    endsAt: new Date(Math.max(...windows.map((w) => w.endsAt.getTime()))),
  };
}

/** The windows starting on the dates from `fromDate` to `toDate` (inclusive), in order. */
export function windowsBetween(
  schedule: OfferSchedule,
  fromDate: string,
  toDate: string,
  calendar: HolidayCalendar,
): OfferWindow[] {
  const result: OfferWindow[] = [];
  for (let date = fromDate; date <= toDate; date = addDays(date, 1)) {
    const window = windowOn(schedule, date, calendar);
    if (window) result.push(window);
  }
  return result;
}

/** One thing wrong with a schedule: a refusal of the catalogue with its params. */
export interface ScheduleProblem {
  reason:
    | 'offer.no_rules'
    | 'offer.opening_time_invalid'
    | 'offer.closing_time_invalid'
    | 'offer.weekdays_invalid'
    | 'offer.days_unknown'
    | 'offer.valid_from_invalid'
    | 'offer.valid_to_invalid'
    | 'offer.valid_to_before_from'
    | 'offer.blackout_invalid';
  params: Record<string, string>;
}

/** The rule set is usable: valid times, weekday numbers 1–7, at least one rule. */
export function scheduleProblems(schedule: OfferSchedule): ScheduleProblem[] {
  const problems: ScheduleProblem[] = [];
  const problem = (reason: ScheduleProblem['reason'], params: Record<string, string> = {}) =>
    problems.push({ reason, params });
  if (schedule.rules.length === 0) problem('offer.no_rules');
  for (const rule of schedule.rules) {
    if (!isLocalTime(rule.from) || rule.from === '24:00')
      problem('offer.opening_time_invalid', { time: rule.from });
    if (!isLocalTime(rule.to)) problem('offer.closing_time_invalid', { time: rule.to });
    if (Array.isArray(rule.days)) {
      if (rule.days.length === 0 || rule.days.some((d) => !Number.isInteger(d) || d < 1 || d > 7))
        problem('offer.weekdays_invalid');
    } else if (!['weekdays', 'weekends', 'daily'].includes(rule.days)) {
      problem('offer.days_unknown', { days: String(rule.days) });
    }
  }
  if (!isLocalDate(schedule.validFrom))
    problem('offer.valid_from_invalid', { date: schedule.validFrom });
  if (schedule.validTo !== null) {
    if (!isLocalDate(schedule.validTo))
      problem('offer.valid_to_invalid', { date: schedule.validTo });
    else if (schedule.validTo < schedule.validFrom)
      problem('offer.valid_to_before_from', {
        validFrom: schedule.validFrom,
        validTo: schedule.validTo,
      });
  }
  for (const date of schedule.blackoutDates)
    if (!isLocalDate(date)) problem('offer.blackout_invalid', { date });
  return problems;
}
