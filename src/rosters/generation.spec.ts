import { coverageGaps } from './coverage';
import { hoursSpread, planRoster, type TemplateForPlan } from './generation';
import { HOUR_MS, shanghaiMidnight } from '../common/shanghai-time';

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
