import { monthTotals, monthWords, peopleWords, timeWords } from './roster-pdf';
import type { ShiftView } from './dto/roster.view';

const shift = (from: string, to: string, names: string[], required = 1): ShiftView => ({
  id: from,
  name: '白班',
  kind: 'warden',
  from: new Date(from).toISOString(),
  to: new Date(to).toISOString(),
  required,
  laneIds: [],
  assignments: names.map((memberName) => ({
    id: memberName,
    shiftId: from,
    memberId: memberName,
    memberName,
    attendance: 'upcoming',
    late: false,
    signedInAt: null,
    signedOutAt: null,
  })),
});

describe('the printed roster in words', () => {
  it('names the month as on a Chinese calendar', () => {
    expect(monthWords('2026-03')).toBe('2026年3月');
    expect(monthWords('2026-11')).toBe('2026年11月');
  });

  it('reads shift times in Beijing, a night shift ending the next day', () => {
    expect(timeWords(shift('2026-11-03T08:00+08:00', '2026-11-03T16:00+08:00', []))).toBe(
      '08:00–16:00',
    );
    expect(timeWords(shift('2026-11-03T20:00+08:00', '2026-11-04T08:00+08:00', []))).toBe(
      '20:00–次日08:00',
    );
    expect(timeWords(shift('2026-11-03T16:00+08:00', '2026-11-04T00:00+08:00', []))).toBe(
      '16:00–24:00',
    );
  });

  it('lists the people and says how many are missing', () => {
    expect(
      peopleWords(shift('2026-11-03T08:00+08:00', '2026-11-03T16:00+08:00', ['李', '王'])),
    ).toBe('李、王');
    expect(peopleWords(shift('2026-11-03T08:00+08:00', '2026-11-03T16:00+08:00', ['李'], 2))).toBe(
      '李（缺 1 人）',
    );
    expect(peopleWords(shift('2026-11-03T08:00+08:00', '2026-11-03T16:00+08:00', [], 2))).toBe(
      '空缺（缺 2 人）',
    );
  });

  it('sums each person’s shifts and hours, most first', () => {
    const totals = monthTotals([
      shift('2026-11-03T08:00+08:00', '2026-11-03T16:00+08:00', ['李', '王']),
      shift('2026-11-03T20:00+08:00', '2026-11-04T08:00+08:00', ['王']),
    ]);
    expect(totals).toEqual([
      { name: '王', shifts: 2, hours: 20 },
      { name: '李', shifts: 1, hours: 8 },
    ]);
  });
});
