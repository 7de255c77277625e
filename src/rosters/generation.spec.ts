import { coverageGaps } from './coverage';
import { hoursSpread, planRoster, type TemplateForPlan } from './generation';
import { DAY_MS, HOUR_MS, shanghaiMidnight } from '../common/shanghai-time';

const november = { from: shanghaiMidnight('2025-11-01')!, to: shanghaiMidnight('2025-12-01')! };
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];
const wardenTemplates: TemplateForPlan[] = [0, 8, 16].map((hour) => ({
  id: `w${hour}`,
  kind: 'warden',
  startMinute: hour * 60,
  durationMinutes: 480,
  weekdays: EVERY_DAY,
  minOnDuty: 1,
}));
const patrol: TemplateForPlan = {
  id: 'patrol',
  kind: 'volunteer',
  startMinute: 18 * 60,
  durationMinutes: 180,
  weekdays: [1, 2, 3, 4, 5],
  minOnDuty: 2,
};
const wardens = ['w-a', 'w-b', 'w-c'];
const volunteers = Array.from({ length: 10 }, (_, i) => `v-${i}`);

describe('planning a month of the roster', () => {
  const plan = planRoster({
    period: november,
    templates: [...wardenTemplates, patrol],
    wardenIds: wardens,
    volunteerIds: volunteers,
    busy: [],
  });
  const asCoverage = (kind: string) => ({
    shifts: plan.shifts
      .map((s, i) => ({ ...s, id: `${i}`, track: s.kind }))
      .filter((s) => s.kind === kind),
    assignments: plan.shifts.flatMap((s, i) => s.memberIds.map(() => ({ shiftId: `${i}` }))),
  });

  it('covers every minute of the month with a warden, with no seat left empty', () => {
    const { shifts, assignments } = asCoverage('warden');
    expect(shifts).toHaveLength(30 * 3);
    expect(coverageGaps(november, shifts, assignments)).toEqual([]);
    expect(plan.unfilledSeats).toBe(0);
    const wardenMinutes = plan.hours.filter((h) => h.kind === 'warden');
    expect(wardenMinutes.reduce((sum, h) => sum + h.minutes, 0)).toBe(30 * 24 * 60);
  });

  it('gives each warden the same hours, at least 8 hours of rest, and a share of the nights', () => {
    expect(hoursSpread(plan.hours, 'warden')).toBe(0);
    for (const warden of wardens) {
      const mine = plan.shifts.filter((s) => s.memberIds.includes(warden));
      mine.slice(1).forEach((s, i) => {
        expect(s.from.getTime() - mine[i]!.to.getTime()).toBeGreaterThanOrEqual(8 * HOUR_MS);
      });
      const nights = mine.filter((s) => s.templateId === 'w0').length;
      expect(nights).toBeGreaterThanOrEqual(7);
    }
  });

  it('spreads the patrol hours over the volunteers within one patrol', () => {
    const patrols = plan.shifts.filter((s) => s.kind === 'volunteer');
    expect(patrols).toHaveLength(20); // the weekdays of November 2025
    expect(patrols.every((s) => s.memberIds.length === 2)).toBe(true);
    expect(hoursSpread(plan.hours, 'volunteer')).toBeLessThanOrEqual(3);
  });

  it('keeps people off the times they declared unavailable', () => {
    const away = {
      memberId: 'v-0',
      from: shanghaiMidnight('2025-11-03')!,
      to: shanghaiMidnight('2025-11-17')!,
    };
    const sick = { memberId: 'w-a', from: november.from, to: shanghaiMidnight('2025-11-02')! };
    const planned = planRoster({
      period: november,
      templates: [...wardenTemplates, patrol],
      wardenIds: wardens,
      volunteerIds: volunteers,
      busy: [away, sick],
    });
    for (const { memberId, from, to } of [away, sick]) {
      const clash = planned.shifts.filter(
        (s) => s.memberIds.includes(memberId) && s.from < to && from < s.to,
      );
      expect(clash).toEqual([]);
    }
    // Two wardens still cover the first day between them.
    expect(planned.unfilledSeats).toBe(0);
  });

  it('leaves a seat empty rather than double-book when nobody is free', () => {
    const planned = planRoster({
      period: { from: november.from, to: shanghaiMidnight('2025-11-02')! },
      templates: wardenTemplates,
      wardenIds: ['w-a'],
      volunteerIds: [],
      busy: [],
    });
    // One warden can take all three shifts of a day (they touch, never overlap) but the
    // generator never assigns anyone to two overlapping shifts.
    expect(planned.unfilledSeats).toBe(0);
    const overlapping = planRoster({
      period: { from: november.from, to: shanghaiMidnight('2025-11-02')! },
      templates: [
        { ...wardenTemplates[0]!, minOnDuty: 2 },
        { ...wardenTemplates[1]!, id: 'w0b', startMinute: 4 * 60 },
      ],
      wardenIds: ['w-a'],
      volunteerIds: [],
      busy: [],
    });
    expect(overlapping.unfilledSeats).toBe(2);
  });
});

describe('rolling the roster on a day at a time', () => {
  // What the rolling job does: each day generated on its own, knowing the shifts already held
  // and the minutes each person served before.
  const byDay = () => {
    const shifts: ReturnType<typeof planRoster>['shifts'] = [];
    for (let day = november.from.getTime(); day < november.to.getTime(); day += DAY_MS) {
      const period = { from: new Date(day), to: new Date(day + DAY_MS) };
      const priorMinutes = new Map<string, number>();
      for (const s of shifts) {
        for (const id of s.memberIds) {
          const length = (s.to.getTime() - s.from.getTime()) / 60_000;
          priorMinutes.set(id, (priorMinutes.get(id) ?? 0) + length);
        }
      }
      const plan = planRoster({
        period,
        templates: [...wardenTemplates, patrol],
        wardenIds: wardens,
        volunteerIds: volunteers,
        busy: shifts.flatMap((s) => s.memberIds.map((memberId) => ({ memberId, ...s }))),
        priorMinutes,
      });
      shifts.push(...plan.shifts);
    }
    return shifts;
  };

  it('deals the wardens exactly as a month generated at once', () => {
    const month = planRoster({
      period: november,
      templates: [...wardenTemplates, patrol],
      wardenIds: wardens,
      volunteerIds: volunteers,
      busy: [],
    });
    const wardensOf = (shifts: typeof month.shifts) =>
      shifts.filter((s) => s.kind === 'warden').map((s) => [s.from.getTime(), s.memberIds]);
    expect(wardensOf(byDay())).toEqual(wardensOf(month.shifts));
  });

  it('keeps the volunteers within one patrol of each other over the month', () => {
    const hours = new Map(volunteers.map((v) => [v, 0]));
    for (const s of byDay().filter((s) => s.kind === 'volunteer')) {
      for (const id of s.memberIds) hours.set(id, hours.get(id)! + 3);
    }
    expect(Math.max(...hours.values()) - Math.min(...hours.values())).toBeLessThanOrEqual(3);
  });

  it('leaves out the shifts already over when a day is generated late', () => {
    const plan = planRoster({
      period: { from: november.from, to: shanghaiMidnight('2025-11-02')! },
      templates: wardenTemplates,
      wardenIds: wardens,
      volunteerIds: [],
      busy: [],
      skipEndedBy: new Date(november.from.getTime() + 9 * HOUR_MS),
    });
    // 09:00: the night shift is over, the day shift (08:00–16:00) is running, the evening to come.
    expect(plan.shifts.map((s) => s.templateId)).toEqual(['w8', 'w16']);
  });
});
