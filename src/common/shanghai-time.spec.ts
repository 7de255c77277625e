import fc from 'fast-check';
import {
  addDays,
  DAY_MS,
  hhmm,
  isLocalDate,
  isoWeekday,
  minuteOfShanghaiDay,
  parseHhmm,
  parseInstant,
  shanghaiClock,
  shanghaiDate,
  shanghaiDateTime,
  shanghaiDays,
  shanghaiInstant,
  shanghaiMidnight,
  shanghaiMonth,
  shanghaiWeekday,
  startOfShanghaiDay,
  startOfShanghaiMonth,
} from './shanghai-time';

const iso = (at: Date) => at.toISOString();

describe('Beijing time (Asia/Shanghai, UTC+8)', () => {
  it('reads a local date as Beijing midnight, which is 16:00 UTC the day before', () => {
    expect(iso(shanghaiMidnight('2025-11-01')!)).toBe('2025-10-31T16:00:00.000Z');
    expect(iso(shanghaiMidnight('2026-01-01')!)).toBe('2025-12-31T16:00:00.000Z');
    expect(iso(shanghaiInstant('2025-11-01', 19 * 60))).toBe('2025-11-01T11:00:00.000Z');
    // A minute of day past 24:00 runs into the next morning.
    expect(iso(shanghaiInstant('2025-12-31', 24 * 60 + 450))).toBe('2025-12-31T23:30:00.000Z');
  });

  it('rejects what is no calendar date', () => {
    for (const bad of ['2025-02-29', '2024-13-01', '2025-04-31', '2025-1-01', '', 'tomorrow']) {
      expect(shanghaiMidnight(bad)).toBeNull();
      expect(isLocalDate(bad)).toBe(false);
    }
    expect(isLocalDate('2024-02-29')).toBe(true);
    expect(() => shanghaiInstant('2025-02-30', 0)).toThrow('not a date');
  });

  it('gives the local date across midnight: 15:59 UTC is still today, 16:00 UTC is tomorrow', () => {
    expect(shanghaiDate(new Date('2025-11-01T15:59:59.999Z'))).toBe('2025-11-01');
    expect(shanghaiDate(new Date('2025-11-01T16:00:00Z'))).toBe('2025-11-02');
    expect(shanghaiDateTime(new Date('2025-11-01T16:00:00Z'))).toBe('2025-11-02 00:00');
    expect(shanghaiClock(new Date('2025-11-01T23:30:00Z'))).toBe('07:30');
  });

  it('crosses the year end eight hours before London does', () => {
    const newYear = new Date('2025-12-31T16:00:00Z');
    expect(shanghaiDate(newYear)).toBe('2026-01-01');
    expect(shanghaiDate(new Date(newYear.getTime() - 1))).toBe('2025-12-31');
    expect(shanghaiDateTime(new Date('2025-12-31T23:00:00Z'))).toBe('2026-01-01 07:00');
  });

  it('starts a day at Beijing midnight, whatever the UTC date', () => {
    expect(iso(startOfShanghaiDay(new Date('2025-11-01T15:59:00Z')))).toBe(
      '2025-10-31T16:00:00.000Z',
    );
    expect(iso(startOfShanghaiDay(new Date('2025-11-01T16:00:00Z')))).toBe(
      '2025-11-01T16:00:00.000Z',
    );
    expect(iso(startOfShanghaiDay(new Date('2025-11-01T16:00:00Z')))).toBe(
      iso(shanghaiMidnight('2025-11-02')!),
    );
    expect(minuteOfShanghaiDay(new Date('2025-11-01T15:59:30Z'))).toBe(23 * 60 + 59);
    expect(minuteOfShanghaiDay(new Date('2025-11-01T16:00:00Z'))).toBe(0);
  });

  it('lists the Beijing days a period touches', () => {
    const days = shanghaiDays(new Date('2025-12-30T20:00:00Z'), new Date('2026-01-01T16:00:00Z'));
    expect(days.map(shanghaiDate)).toEqual(['2025-12-31', '2026-01-01']);
  });

  it('starts a month at Beijing midnight of the 1st, at month and year ends', () => {
    // 1 December 01:00 in Beijing is still 30 November in UTC.
    expect(iso(startOfShanghaiMonth(new Date('2025-11-30T17:00:00Z')))).toBe(
      '2025-11-30T16:00:00.000Z',
    );
    expect(iso(startOfShanghaiMonth(new Date('2025-11-30T15:00:00Z')))).toBe(
      '2025-10-31T16:00:00.000Z',
    );
    const december = shanghaiMonth(new Date('2025-12-31T15:59:59Z'));
    expect(iso(december.from)).toBe('2025-11-30T16:00:00.000Z');
    expect(iso(december.to)).toBe('2025-12-31T16:00:00.000Z');
    expect(iso(shanghaiMonth(new Date('2025-12-31T16:00:00Z')).from)).toBe(
      '2025-12-31T16:00:00.000Z',
    );
    const february = shanghaiMonth(new Date('2024-02-10T00:00:00Z'));
    expect((february.to.getTime() - february.from.getTime()) / DAY_MS).toBe(29);
  });

  it('counts ISO weekdays in Beijing, Monday 1 to Sunday 7', () => {
    expect(isoWeekday('2025-11-03')).toBe(1);
    expect(isoWeekday('2025-11-09')).toBe(7);
    expect(isoWeekday('2026-01-01')).toBe(4);
    // Sunday 23:30 UTC is already Monday morning in Beijing.
    expect(shanghaiWeekday(new Date('2025-11-09T23:30:00Z'))).toBe(1);
    expect(shanghaiWeekday(new Date('2025-11-09T15:59:00Z'))).toBe(7);
  });

  it('adds days over month and year ends and leap days', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-11-30', 0)).toBe('2025-11-30');
  });

  it('reads a local date and shanghaiDate back as the same date', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: 0, max: 1439 }),
        (n, m) => {
          const date = addDays('2000-01-01', n);
          const at = shanghaiInstant(date, m);
          expect(shanghaiDate(at)).toBe(date);
          expect(minuteOfShanghaiDay(at)).toBe(m);
          expect(iso(startOfShanghaiDay(at))).toBe(iso(shanghaiMidnight(date)!));
          expect(addDays(addDays(date, 40), -40)).toBe(date);
        },
      ),
    );
  });

  it('parses instants: a date is midnight, a bare date-time is Beijing, an offset is kept', () => {
    expect(iso(parseInstant('2025-11-01')!)).toBe('2025-10-31T16:00:00.000Z');
    expect(iso(parseInstant('2025-11-01T08:00')!)).toBe('2025-11-01T00:00:00.000Z');
    expect(iso(parseInstant('2025-11-01T08:00:00Z')!)).toBe('2025-11-01T08:00:00.000Z');
    expect(parseInstant('2025-02-30')).toBeNull();
    expect(parseInstant('soon')).toBeNull();
  });

  it('parses "HH:MM" into minutes of day and prints them back', () => {
    expect(parseHhmm('00:00')).toBe(0);
    expect(parseHhmm('18:00')).toBe(1080);
    expect(parseHhmm('23:59')).toBe(1439);
    expect(parseHhmm('07:30:00')).toBe(450);
    expect(parseHhmm('24:00')).toBeNull();
    expect(parseHhmm('24:00', { endOfDay: true })).toBe(1440);
    for (const bad of ['7:30', '24:01', '12:60', '', 'noon']) expect(parseHhmm(bad)).toBeNull();
    expect(hhmm(450)).toBe('07:30');
    expect(hhmm(1440)).toBe('24:00');
    for (let minute = 0; minute < 1440; minute += 7) expect(parseHhmm(hhmm(minute))).toBe(minute);
  });
});
