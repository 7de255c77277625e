// Planning a roster for a period from the association's shift templates. Pure: the service loads
// templates, people and their busy times, and saves the plan in one transaction.
//
// Hired wardens (红袖标) work their contracted pattern: the warden shifts of the period are dealt
// round in order, so each warden works one shift in every `wardens` and rests for the others
// (three wardens on three 8-hour shifts: 8 hours on, 16 off). When that would pin a warden to the
// same time of day for ever (shifts per day a multiple of the wardens), the rotation moves on by
// one every `rotateEveryDays` days, so nights are shared too; the change costs a shorter rest
// (8 hours) once a week.
//
// Volunteers of the civility persuasion team (文明劝导队) take turns: each seat goes to the
// available volunteer with the fewest minutes so far, so hours spread as evenly as the shift
// length allows. Declared unavailability and shifts already held are respected for everyone.

import { DAY_MS, shanghaiDays, shanghaiWeekday, MINUTE_MS } from '../common/shanghai-time';
import type { Interval } from './coverage';

export type ShiftKind = 'warden' | 'volunteer';

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

export function planRoster(input: PlanInput): RosterPlan {
  const shifts = shiftOccurrences(input.period, input.templates);
  const busy = new Map<string, Interval[]>();
  for (const b of input.busy) busy.set(b.memberId, [...(busy.get(b.memberId) ?? []), b]);
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
  const firstDay = shanghaiDays(input.period.from, input.period.to)[0]?.getTime() ?? 0;
  let wardenSeat = 0;
  let unfilledSeats = 0;

  for (const shift of shifts) {
    for (let place = 0; place < shift.required; place++) {
      let chosen: string | undefined;
      if (shift.kind === 'warden') {
        const day = Math.floor((shift.from.getTime() - firstDay) / DAY_MS);
        const offset = rotates ? Math.floor(day / rotateEvery) : 0;
        for (let k = 0; k < wardens.length && !chosen; k++) {
          const candidate = wardens[(wardenSeat + offset + k) % wardens.length]!;
          if (isFree(candidate, shift)) chosen = candidate;
        }
        wardenSeat++;
      } else {
        chosen = input.volunteerIds
          .map((id, order) => ({ id, order }))
          .filter(({ id }) => isFree(id, shift))
          .sort(
            (a, b) =>
              (minutes.get(a.id) ?? 0) - (minutes.get(b.id) ?? 0) ||
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
