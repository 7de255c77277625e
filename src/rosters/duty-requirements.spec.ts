import fc from 'fast-check';
import { DAY_MS, MINUTE_MS, shanghaiWeekday, startOfShanghaiDay } from '../common/shanghai-time';
import {
  type CoverageAssignment,
  type CoverageShift,
  coverageGaps,
  type Interval,
} from './coverage';
import { type DutyRequirementRule, requirementNeeds, windowMinutes } from './duty-requirements';

const at = (text: string) => new Date(`${text}+08:00`);
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];
const wardensLine: DutyRequirementRule = {
  id: 'wardens',
  kind: 'warden',
  weekdays: EVERY_DAY,
  startMinute: 0,
  endMinute: 1440,
  people: 1,
  article: 5,
};
const eveningPatrol: DutyRequirementRule = {
  id: 'patrol',
  kind: 'volunteer',
  weekdays: [1, 2, 3, 4, 5],
  startMinute: 18 * 60,
  endMinute: 21 * 60,
  people: 2,
  article: 8,
};
const gapsOf = (period: Interval, rules: DutyRequirementRule[], shifts: CoverageShift[] = []) =>
  coverageGaps(period, shifts, [], requirementNeeds(period, rules)).map((g) => ({
    from: g.from.toISOString(),
    to: g.to.toISOString(),
    track: g.track,
    scheduled: g.scheduled,
    required: g.required,
    article: g.article,
  }));

describe('duty requirements', () => {
  it('measure a window from its start to its end, past midnight or round the clock', () => {
    expect(windowMinutes({ startMinute: 18 * 60, endMinute: 21 * 60 })).toBe(180);
    expect(windowMinutes({ startMinute: 22 * 60, endMinute: 6 * 60 })).toBe(480);
    expect(windowMinutes({ startMinute: 0, endMinute: 1440 })).toBe(1440);
    expect(windowMinutes({ startMinute: 8 * 60, endMinute: 8 * 60 })).toBe(1440);
    expect(windowMinutes({ startMinute: 1439, endMinute: 1440 })).toBe(1);
  });

  it('make a week without a single shift one big gap for the wardens', () => {
    const week = { from: at('2025-11-03T00:00'), to: at('2025-11-10T00:00') };
    expect(gapsOf(week, [wardensLine])).toEqual([
      {
        from: week.from.toISOString(),
        to: week.to.toISOString(),
        track: 'warden',
        scheduled: 0,
        required: 1,
        article: 5,
      },
    ]);
  });

  it('make each weekday evening of an empty week a gap of two volunteers', () => {
    const week = { from: at('2025-11-03T00:00'), to: at('2025-11-10T00:00') };
    const gaps = gapsOf(week, [eveningPatrol]);
    expect(gaps).toHaveLength(5);
    expect(gaps[0]).toEqual({
      from: at('2025-11-03T18:00').toISOString(),
      to: at('2025-11-03T21:00').toISOString(),
      track: 'volunteer',
      scheduled: 0,
      required: 2,
      article: 8,
    });
    expect(gaps.at(-1)!.from).toBe(at('2025-11-07T18:00').toISOString());
  });

  it('carry a night requirement across midnight and a month end as one gap', () => {
    const nights: DutyRequirementRule = { ...wardensLine, startMinute: 22 * 60, endMinute: 360 };
    const period = { from: at('2025-01-31T12:00'), to: at('2025-02-01T12:00') };
    expect(gapsOf(period, [nights])).toEqual([
      {
        from: at('2025-01-31T22:00').toISOString(),
        to: at('2025-02-01T06:00').toISOString(),
        track: 'warden',
        scheduled: 0,
        required: 1,
        article: 5,
      },
    ]);
    // The window that opened the evening before reaches into a period starting at midnight.
    const morning = { from: at('2025-03-01T00:00'), to: at('2025-03-01T12:00') };
    expect(gapsOf(morning, [nights])[0]).toMatchObject({
      from: morning.from.toISOString(),
      to: at('2025-03-01T06:00').toISOString(),
    });
  });

  it('leave a gap only where the shifts fall short, and ask for more where a shift does', () => {
    const day = { from: at('2025-11-03T00:00'), to: at('2025-11-04T00:00') };
    const shifts: CoverageShift[] = [
      { id: 'night', from: day.from, to: at('2025-11-03T08:00'), required: 1, track: 'warden' },
      {
        id: 'fair',
        from: at('2025-11-03T10:00'),
        to: at('2025-11-03T12:00'),
        required: 2,
        track: 'warden',
      },
    ];
    const staffed: CoverageAssignment[] = [{ shiftId: 'night' }, { shiftId: 'fair' }];
    const gaps = coverageGaps(day, shifts, staffed, requirementNeeds(day, [wardensLine]));
    expect(gaps.map((g) => [g.from, g.to, g.scheduled, g.required])).toEqual([
      [at('2025-11-03T08:00'), at('2025-11-03T10:00'), 0, 1],
      [at('2025-11-03T10:00'), at('2025-11-03T12:00'), 1, 2],
      [at('2025-11-03T12:00'), day.to, 0, 1],
    ]);
  });

  it('report nothing for an empty period, and nothing without a requirement or a shift', () => {
    const instant = at('2025-11-03T08:00');
    expect(requirementNeeds({ from: instant, to: instant }, [wardensLine])).toEqual([]);
    expect(gapsOf({ from: instant, to: instant }, [wardensLine])).toEqual([]);
    expect(gapsOf({ from: instant, to: new Date(instant.getTime() + DAY_MS) }, [])).toEqual([]);
  });
});

// Periods and shifts around month ends (a leap February, a year end), so windows and shifts
// cross midnights and months; periods may be empty.
const MONTH_ENDS = ['2024-02-29', '2025-01-31', '2025-02-28', '2025-04-30', '2025-12-31'];
const SPAN = 3 * 24 * 60;

const ruleArb: fc.Arbitrary<DutyRequirementRule> = fc.record({
  id: fc.constantFrom('r1', 'r2', 'r3'),
  kind: fc.constantFrom('warden', 'volunteer'),
  weekdays: fc.subarray(EVERY_DAY, { minLength: 1 }),
  startMinute: fc.integer({ min: 0, max: 1439 }),
  endMinute: fc.integer({ min: 1, max: 1440 }),
  people: fc.integer({ min: 1, max: 3 }),
  article: fc.integer({ min: 1, max: 12 }),
});

const scenarioArb = fc
  .record({
    monthEnd: fc.constantFrom(...MONTH_ENDS),
    rules: fc.uniqueArray(ruleArb, { maxLength: 3, selector: (r) => r.id }),
    rawShifts: fc.array(
      fc.record({
        start: fc.integer({ min: -24 * 60, max: SPAN }),
        length: fc.integer({ min: 1, max: 24 * 60 }),
        required: fc.integer({ min: 1, max: 3 }),
        track: fc.constantFrom('warden', 'volunteer'),
        staffed: fc.integer({ min: 0, max: 3 }),
      }),
      { maxLength: 8 },
    ),
    periodStart: fc.integer({ min: -24 * 60, max: SPAN }),
    periodLength: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: SPAN })),
  })
  .map(({ monthEnd, rules, rawShifts, periodStart, periodLength }) => {
    // 12:00 on the last day of the month, Beijing time: ±1 day reaches both months.
    const base = at(`${monthEnd}T12:00`).getTime() - 24 * 60 * MINUTE_MS;
    const shifts: CoverageShift[] = rawShifts.map((s, i) => ({
      id: `s${i}`,
      from: new Date(base + s.start * MINUTE_MS),
      to: new Date(base + (s.start + s.length) * MINUTE_MS),
      required: s.required,
      track: s.track,
    }));
    const assignments = rawShifts.flatMap((s, i) =>
      Array.from({ length: s.staffed }, () => ({ shiftId: `s${i}` })),
    );
    const period = {
      from: new Date(base + periodStart * MINUTE_MS),
      to: new Date(base + (periodStart + periodLength) * MINUTE_MS),
    };
    return { rules, shifts, assignments, period };
  });

/** The people a rule asks for at a minute, found by looking at the two days it could open on. */
function requiredByRules(rules: DutyRequirementRule[], track: string, minute: Date): number {
  let sum = 0;
  const today = startOfShanghaiDay(minute).getTime();
  for (const rule of rules.filter((r) => r.kind === track)) {
    for (const opensOn of [today - DAY_MS, today]) {
      if (!rule.weekdays.includes(shanghaiWeekday(new Date(opensOn)))) continue;
      const opens = opensOn + rule.startMinute * MINUTE_MS;
      const closes = opens + windowMinutes(rule) * MINUTE_MS;
      if (opens <= minute.getTime() && minute.getTime() < closes) sum += rule.people;
    }
  }
  return sum;
}

function minutesOf(period: Interval): Date[] {
  const minutes: Date[] = [];
  for (let t = period.from.getTime(); t < period.to.getTime(); t += MINUTE_MS) {
    minutes.push(new Date(t));
  }
  return minutes;
}

describe('coverage against requirements, properties', () => {
  it('agrees minute by minute with counting requirements, shifts and people', () => {
    fc.assert(
      fc.property(scenarioArb, fc.nat(), ({ rules, shifts, assignments, period }, pick) => {
        const length = (period.to.getTime() - period.from.getTime()) / MINUTE_MS;
        const gaps = coverageGaps(period, shifts, assignments, requirementNeeds(period, rules));
        if (length === 0) {
          expect(gaps).toEqual([]);
          return;
        }
        const minute = new Date(period.from.getTime() + (pick % length) * MINUTE_MS);
        for (const track of ['warden', 'volunteer']) {
          const holding = shifts.filter(
            (s) => s.track === track && s.from <= minute && minute < s.to,
          );
          const byShifts = holding.reduce((sum, s) => sum + s.required, 0);
          const required = Math.max(byShifts, requiredByRules(rules, track, minute));
          const scheduled = assignments.filter((a) =>
            holding.some((s) => s.id === a.shiftId),
          ).length;
          const gap = gaps.find((g) => g.track === track && g.from <= minute && minute < g.to);
          expect(Boolean(gap)).toBe(scheduled < required);
          if (gap) expect([gap.scheduled, gap.required]).toEqual([scheduled, required]);
        }
      }),
    );
  });

  it('without shifts, every minute a requirement covers is in a gap, and no other', () => {
    fc.assert(
      fc.property(scenarioArb, ({ rules, period }) => {
        const gaps = coverageGaps(period, [], [], requirementNeeds(period, rules));
        for (const track of ['warden', 'volunteer']) {
          const wanted = minutesOf(period).filter(
            (m) => requiredByRules(rules, track, m) > 0,
          ).length;
          const inGaps = gaps
            .filter((g) => g.track === track)
            .reduce((sum, g) => sum + (g.to.getTime() - g.from.getTime()) / MINUTE_MS, 0);
          expect(inGaps).toBe(wanted);
        }
        // Each gap names a requirement of its own line and the article it rests on.
        for (const gap of gaps) {
          const rule = rules.find((r) => r.id === gap.requirementId);
          expect(rule?.kind).toBe(gap.track);
          expect(gap.article).toBe(rule?.article);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('gaps lie inside the period, in order, never overlapping within a line', () => {
    fc.assert(
      fc.property(scenarioArb, ({ rules, shifts, assignments, period }) => {
        const gaps = coverageGaps(period, shifts, assignments, requirementNeeds(period, rules));
        for (const gap of gaps) {
          expect(gap.from >= period.from && gap.to <= period.to && gap.from < gap.to).toBe(true);
        }
        gaps.slice(1).forEach((g, i) => expect(g.from >= gaps[i]!.from).toBe(true));
        for (const track of ['warden', 'volunteer']) {
          const line = gaps.filter((g) => g.track === track);
          line.slice(1).forEach((g, i) => expect(g.from >= line[i]!.to).toBe(true));
        }
      }),
    );
  });
});
