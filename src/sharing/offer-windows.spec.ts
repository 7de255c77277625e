import fc from 'fast-check';
import { addDays, isoWeekday, shanghaiDate, shanghaiInstant } from '../common/shanghai-time';
import {
  type HolidayCalendar,
  isWorkingDay,
  type OfferSchedule,
  scheduleProblems,
  windowOn,
  windowsBetween,
} from './offer-windows';

// 2026 as the State Council published it (the same days the migration ships).
const CALENDAR_2026: HolidayCalendar = new Map([
  ...range('2026-01-01', '2026-01-03', 'holiday'),
  ['2026-01-04', 'workday'],
  ...range('2026-02-15', '2026-02-23', 'holiday'),
  ['2026-02-14', 'workday'],
  ['2026-02-28', 'workday'],
  ...range('2026-04-04', '2026-04-06', 'holiday'),
  ...range('2026-05-01', '2026-05-05', 'holiday'),
  ['2026-05-09', 'workday'],
  ...range('2026-06-19', '2026-06-21', 'holiday'),
  ...range('2026-09-25', '2026-09-27', 'holiday'),
  ...range('2026-10-01', '2026-10-07', 'holiday'),
  ['2026-09-20', 'workday'],
  ['2026-10-10', 'workday'],
] as [string, 'holiday' | 'workday'][]);

function range(from: string, to: string, kind: 'holiday' | 'workday'): [string, typeof kind][] {
  const out: [string, typeof kind][] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push([d, kind]);
  return out;
}

const OFFICE: OfferSchedule = {
  rules: [
    { days: 'weekdays', from: '19:00', to: '07:30' },
    { days: 'weekends', from: '00:00', to: '24:00' },
  ],
  validFrom: '2026-01-01',
  validTo: null,
  blackoutDates: [],
};

const iso = (d: Date | undefined) => d?.toISOString();

describe('offer windows in Asia/Shanghai', () => {
  it('local dates and instants are UTC+8', () => {
    expect(iso(shanghaiInstant('2026-03-02', 19 * 60))).toBe('2026-03-02T11:00:00.000Z');
    expect(shanghaiDate(new Date('2026-03-02T16:30:00Z'))).toBe('2026-03-03');
    expect(shanghaiDate(new Date('2026-03-02T15:59:59Z'))).toBe('2026-03-02');
    expect(isoWeekday('2026-03-02')).toBe(1);
    expect(isoWeekday('2026-03-08')).toBe(7);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  });

  it('a weekday night crosses midnight and ends the next morning', () => {
    const window = windowOn(OFFICE, '2026-03-03', CALENDAR_2026);
    expect(window?.night).toBe('2026-03-03');
    expect(iso(window?.startsAt)).toBe('2026-03-03T11:00:00.000Z'); // 19:00
    expect(iso(window?.endsAt)).toBe('2026-03-03T23:30:00.000Z'); // 07:30 on the 4th
  });

  it("Saturday opens when Friday's night ends, so no minute belongs to two nights", () => {
    const saturday = windowOn(OFFICE, '2026-03-07', CALENDAR_2026);
    expect(iso(saturday?.startsAt)).toBe('2026-03-06T23:30:00.000Z'); // 07:30 Saturday
    expect(iso(saturday?.endsAt)).toBe('2026-03-07T16:00:00.000Z'); // midnight
    const monday = windowOn(OFFICE, '2026-03-09', CALENDAR_2026);
    expect(iso(monday?.startsAt)).toBe('2026-03-09T11:00:00.000Z');
  });

  it('a make-up working Saturday (调休) opens the weekday night, not the weekend day', () => {
    // 2026-02-14 is a Saturday worked before the Spring Festival.
    expect(isWorkingDay('2026-02-14', CALENDAR_2026)).toBe(true);
    const window = windowOn(OFFICE, '2026-02-14', CALENDAR_2026);
    expect(iso(window?.startsAt)).toBe('2026-02-14T11:00:00.000Z');
    // 2026-01-04 is a Sunday worked after New Year.
    expect(iso(windowOn(OFFICE, '2026-01-04', CALENDAR_2026)?.startsAt)).toBe(
      '2026-01-04T11:00:00.000Z',
    );
  });

  it('a weekday holiday opens all day like a weekend', () => {
    // 2026-10-05 is a Monday of the National Day holiday.
    const window = windowOn(OFFICE, '2026-10-05', CALENDAR_2026);
    expect(iso(window?.startsAt)).toBe('2026-10-04T16:00:00.000Z');
    expect(iso(window?.endsAt)).toBe('2026-10-05T16:00:00.000Z');
    const weekdaysOnly: OfferSchedule = { ...OFFICE, rules: [OFFICE.rules[0]!] };
    expect(windowOn(weekdaysOnly, '2026-10-05', CALENDAR_2026)).toBeNull();
    expect(windowOn(weekdaysOnly, '2026-10-10', CALENDAR_2026)).not.toBeNull(); // make-up Sat
  });

  it('explicit ISO weekdays ignore the holiday calendar', () => {
    const wednesdays: OfferSchedule = {
      ...OFFICE,
      rules: [{ days: [3], from: '20:00', to: '07:00' }],
    };
    expect(windowOn(wednesdays, '2026-09-30', CALENDAR_2026)).not.toBeNull();
    expect(windowOn(wednesdays, '2026-10-07', CALENDAR_2026)).not.toBeNull(); // a holiday
    expect(windowOn(wednesdays, '2026-10-08', CALENDAR_2026)).toBeNull();
  });

  it('blackout dates and validity drop the windows starting on them', () => {
    const schedule: OfferSchedule = {
      ...OFFICE,
      validFrom: '2026-03-02',
      validTo: '2026-03-06',
      blackoutDates: ['2026-03-04'],
    };
    const nights = windowsBetween(schedule, '2026-02-27', '2026-03-10', CALENDAR_2026).map(
      (w) => w.night,
    );
    expect(nights).toEqual(['2026-03-02', '2026-03-03', '2026-03-05', '2026-03-06']);
  });

  it("a blackout night leaves the next day's window whole", () => {
    const schedule: OfferSchedule = { ...OFFICE, blackoutDates: ['2026-03-06'] };
    const saturday = windowOn(schedule, '2026-03-07', CALENDAR_2026);
    expect(iso(saturday?.startsAt)).toBe('2026-03-06T16:00:00.000Z');
  });

  it('every night 20:00 → 07:00 gives one window per date', () => {
    const school: OfferSchedule = {
      rules: [{ days: 'daily', from: '20:00', to: '07:00' }],
      validFrom: '2026-01-01',
      validTo: null,
      blackoutDates: [],
    };
    const windows = windowsBetween(school, '2026-02-10', '2026-02-24', CALENDAR_2026);
    expect(windows).toHaveLength(15);
    for (const w of windows) expect(w.endsAt.getTime() - w.startsAt.getTime()).toBe(11 * 3600e3);
  });

  it('two rules on the same day are one night from the first opening to the last closing', () => {
    const split: OfferSchedule = {
      ...OFFICE,
      rules: [
        { days: [1], from: '12:00', to: '13:00' },
        { days: [1], from: '19:00', to: '07:00' },
      ],
    };
    const window = windowOn(split, '2026-03-02', CALENDAR_2026);
    expect(iso(window?.startsAt)).toBe('2026-03-02T04:00:00.000Z');
    expect(iso(window?.endsAt)).toBe('2026-03-02T23:00:00.000Z');
  });

  it('reports unusable schedules', () => {
    expect(scheduleProblems(OFFICE)).toEqual([]);
    const bad: OfferSchedule = {
      rules: [{ days: [0, 8], from: '25:00', to: '7:3' }],
      validFrom: '2026-02-30',
      validTo: '2025-01-01',
      blackoutDates: ['tomorrow'],
    };
    expect(scheduleProblems(bad)).toEqual([
      { reason: 'offer.opening_time_invalid', params: { time: '25:00' } },
      { reason: 'offer.closing_time_invalid', params: { time: '7:3' } },
      { reason: 'offer.weekdays_invalid', params: {} },
      { reason: 'offer.valid_from_invalid', params: { date: '2026-02-30' } },
      {
        reason: 'offer.valid_to_before_from',
        params: { validFrom: '2026-02-30', validTo: '2025-01-01' },
      },
      { reason: 'offer.blackout_invalid', params: { date: 'tomorrow' } },
    ]);
    expect(scheduleProblems({ ...OFFICE, rules: [] })).toEqual([
      { reason: 'offer.no_rules', params: {} },
    ]);
  });

  const ruleArb = fc.record({
    days: fc.oneof(
      fc.constantFrom('weekdays' as const, 'weekends' as const, 'daily' as const),
      fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
    ),
    from: fc.integer({ min: 0, max: 47 }).map((n) => hhmm(n * 30)),
    to: fc.integer({ min: 0, max: 48 }).map((n) => hhmm(n * 30)),
  });

  it('property: windows never overlap, are ordered, and each starts on its night or after', () => {
    fc.assert(
      fc.property(
        fc.array(ruleArb, { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 0, max: 360 }),
        (rules, offset) => {
          const schedule: OfferSchedule = {
            rules,
            validFrom: '2026-01-01',
            validTo: null,
            blackoutDates: [],
          };
          const from = addDays('2026-01-01', offset);
          const windows = windowsBetween(schedule, from, addDays(from, 14), CALENDAR_2026);
          for (let i = 0; i < windows.length; i++) {
            const w = windows[i]!;
            expect(w.endsAt > w.startsAt).toBe(true);
            expect(w.startsAt >= shanghaiInstant(w.night, 0)).toBe(true);
            const next = windows[i + 1];
            if (next) expect(next.startsAt >= w.endsAt).toBe(true);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('property: a date range is the union of its single days', () => {
    fc.assert(
      fc.property(fc.array(ruleArb, { minLength: 1, maxLength: 2 }), (rules) => {
        const schedule: OfferSchedule = {
          rules,
          validFrom: '2026-02-01',
          validTo: '2026-03-01',
          blackoutDates: ['2026-02-16'],
        };
        const all = windowsBetween(schedule, '2026-02-10', '2026-02-20', CALENDAR_2026);
        const byDay = ['10', '11', '12', '13', '14', '15', '16', '17', '18', '19', '20']
          .map((d) => windowOn(schedule, `2026-02-${d}`, CALENDAR_2026))
          .filter((w) => w !== null);
        expect(all).toEqual(byDay);
      }),
      { numRuns: 100 },
    );
  });
});

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
