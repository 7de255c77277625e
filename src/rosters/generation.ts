// Planning a roster for a period from the association's shift templates. Pure: the service loads
// templates, people and their busy times, and saves the plan in one transaction.
//
// Hired wardens (红袖标) work their contracted pattern: the warden shifts are dealt round in order,
// so each warden works one shift in every `wardens` and rests for the others (three wardens on
// three 8-hour shifts: 8 hours on, 16 off). When that would pin a warden to the same time of day
// for ever (shifts per day a multiple of the wardens), the rotation moves on by one every
// `rotateEveryDays` days (on Mondays), so nights are shared too; the change costs a shorter rest
// (8 hours) once a week. Seats are counted from a fixed day, not from the period's start, so a
// roster generated a day at a time (the rolling job) deals exactly as one generated for a month.
//
// Volunteers of the civility persuasion team (文明劝导队) take turns: each seat goes to the
// available volunteer with the fewest minutes so far (counting the weeks before the period, so
// a day generated on its own is fair too), so hours spread as evenly as the shift length allows.
// Declared unavailability and shifts already held are respected for everyone.

import {
  DAY_MS,
  MINUTE_MS,
  SHANGHAI_OFFSET_MS,
  shanghaiDays,
  shanghaiWeekday,
  startOfShanghaiDay,
} from '../common/shanghai-time';
import type { Interval } from './coverage';
import type { ShiftKind } from '../shared/api/rosters';

export type { ShiftKind };

export interface TemplateForPlan {
  id: string;
  kind: ShiftKind;
  /** Minutes after Beijing midnight. */
  startMinute: number;
  durationMinutes: number;
  /** ISO weekdays 1 (Mon) … 7 (Sun). */
  weekdays: number[];
  minOnDuty: number;
}

export interface BusyTime extends Interval {
  memberId: string;
}

export interface PlanInput {
  period: Interval;
  templates: TemplateForPlan[];
  wardenIds: string[];
  volunteerIds: string[];
  /** Declared unavailability and shifts already held. */
  busy: BusyTime[];
  rotateEveryDays?: number;
  /** Minutes each person already served in the weeks before, so the spread carries over. */
  priorMinutes?: ReadonlyMap<string, number>;
  /** Occurrences over by then are left out: nobody can still serve them. */
  skipEndedBy?: Date;
}

export interface PlannedShift extends Interval {
  templateId: string;
  kind: ShiftKind;
  required: number;
  memberIds: string[];
}

export interface PlannedHours {
  memberId: string;
  kind: ShiftKind;
  minutes: number;
}

export interface RosterPlan {
  shifts: PlannedShift[];
  hours: PlannedHours[];
  /** Seats left empty because nobody was free: they show as coverage gaps. */
  unfilledSeats: number;
}

export const DEFAULT_ROTATE_EVERY_DAYS = 7;

/** Shift occurrences of the templates that start inside the period, in time order. */
export function shiftOccurrences(period: Interval, templates: TemplateForPlan[]): PlannedShift[] {
  const shifts: PlannedShift[] = [];
  for (const day of shanghaiDays(period.from, period.to)) {
    const weekday = shanghaiWeekday(day);
    for (const template of templates) {
      if (!template.weekdays.includes(weekday)) continue;
      const from = new Date(day.getTime() + template.startMinute * MINUTE_MS);
      if (from < period.from || from >= period.to) continue;
      shifts.push({
        templateId: template.id,
        kind: template.kind,
        from,
        to: new Date(from.getTime() + template.durationMinutes * MINUTE_MS),
        required: template.minOnDuty,
        memberIds: [],
      });
    }
  }
  return shifts.sort((a, b) => a.from.getTime() - b.from.getTime());
}

/** Days since 1970-01-01 in Beijing: the fixed day warden seats are counted from. */
function absoluteDay(at: Date): number {
  return Math.round((startOfShanghaiDay(at).getTime() + SHANGHAI_OFFSET_MS) / DAY_MS);
}

/** ISO weekday of an absolute day (1970-01-01 was a Thursday). */
function weekdayOfDay(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/**
 * The place of each warden seat in an endless count from day 0: the seats of the days before,
 * then the seats of earlier shifts the same day. Pure arithmetic over the weekday pattern, so it
 * does not depend on where a period starts.
 */
function wardenSeatCounter(templates: TemplateForPlan[]) {
  const wardenTemplates = templates
    .filter((t) => t.kind === 'warden')
    .sort((a, b) => a.startMinute - b.startMinute || a.id.localeCompare(b.id));
  const perWeekday = [1, 2, 3, 4, 5, 6, 7].map((weekday) =>
    wardenTemplates
      .filter((t) => t.weekdays.includes(weekday))
      .reduce((sum, t) => sum + t.minOnDuty, 0),
  );
  const perWeek = perWeekday.reduce((sum, n) => sum + n, 0);
  const seatsBefore = (day: number) => {
    const weeks = Math.floor(day / 7);
    let seats = weeks * perWeek;
    for (let d = weeks * 7; d < day; d++) seats += perWeekday[weekdayOfDay(d) - 1]!;
    return seats;
  };
  return (shift: PlannedShift): number => {
    const day = absoluteDay(shift.from);
    const weekday = weekdayOfDay(day);
    let seat = seatsBefore(day);
    for (const t of wardenTemplates) {
      if (t.id === shift.templateId) break;
      if (t.weekdays.includes(weekday)) seat += t.minOnDuty;
    }
    return seat;
  };
}

export function planRoster(input: PlanInput): RosterPlan {
  const skipEndedBy = input.skipEndedBy;
  const shifts = shiftOccurrences(input.period, input.templates).filter(
    (s) => !skipEndedBy || s.to > skipEndedBy,
  );
  const busy = new Map<string, Interval[]>();
  for (const b of input.busy) busy.set(b.memberId, [...(busy.get(b.memberId) ?? []), b]);
  const prior = input.priorMinutes ?? new Map<string, number>();
  const minutes = new Map<string, number>();
  const lastEnd = new Map<string, number>();
  const isFree = (memberId: string, shift: PlannedShift) =>
    !shift.memberIds.includes(memberId) &&
    !(busy.get(memberId) ?? []).some((b) => b.from < shift.to && shift.from < b.to);
  const take = (memberId: string, shift: PlannedShift) => {
    shift.memberIds.push(memberId);
    busy.set(memberId, [...(busy.get(memberId) ?? []), shift]);
    const length = (shift.to.getTime() - shift.from.getTime()) / MINUTE_MS;
    minutes.set(memberId, (minutes.get(memberId) ?? 0) + length);
    lastEnd.set(memberId, shift.to.getTime());
  };

  const wardens = input.wardenIds;
  const wardenShiftsPerDay = input.templates
    .filter((t) => t.kind === 'warden')
    .reduce((sum, t) => sum + t.minOnDuty, 0);
  const rotates = wardens.length > 0 && wardenShiftsPerDay % wardens.length === 0;
  const rotateEvery = input.rotateEveryDays ?? DEFAULT_ROTATE_EVERY_DAYS;
  const seatOf = wardenSeatCounter(input.templates);
  let unfilledSeats = 0;

  for (const shift of shifts) {
    const firstSeat = shift.kind === 'warden' ? seatOf(shift) : 0;
    // Rotation weeks start on Mondays: absolute day 4 (1970-01-05) was one.
    const offset = rotates ? Math.floor((absoluteDay(shift.from) + 3) / rotateEvery) : 0;
    for (let place = 0; place < shift.required; place++) {
      let chosen: string | undefined;
      if (shift.kind === 'warden') {
        for (let k = 0; k < wardens.length && !chosen; k++) {
          const candidate = wardens[(firstSeat + place + offset + k) % wardens.length]!;
          if (isFree(candidate, shift)) chosen = candidate;
        }
      } else {
        const served = (id: string) => (prior.get(id) ?? 0) + (minutes.get(id) ?? 0);
        chosen = input.volunteerIds
          .map((id, order) => ({ id, order }))
          .filter(({ id }) => isFree(id, shift))
          .sort(
            (a, b) =>
              served(a.id) - served(b.id) ||
              (lastEnd.get(a.id) ?? 0) - (lastEnd.get(b.id) ?? 0) ||
              a.order - b.order,
          )[0]?.id;
      }
      if (chosen) take(chosen, shift);
      else unfilledSeats++;
    }
  }

  const hours: PlannedHours[] = [
    ...wardens.map((memberId) => ({ memberId, kind: 'warden' as const })),
    ...input.volunteerIds.map((memberId) => ({ memberId, kind: 'volunteer' as const })),
  ].map((p) => ({ ...p, minutes: minutes.get(p.memberId) ?? 0 }));
  return { shifts, hours, unfilledSeats };
}

/** max − min of the hours of one kind of people; 0 when there are none. */
export function hoursSpread(hours: PlannedHours[], kind: ShiftKind): number {
  const values = hours.filter((h) => h.kind === kind).map((h) => h.minutes / 60);
  return values.length ? Math.max(...values) - Math.min(...values) : 0;
}
