import fc from 'fast-check';
import {
  type CoverageAssignment,
  type CoverageShift,
  coverageGaps,
  coverageTimeline,
} from './coverage';
import { MINUTE_MS } from '../common/shanghai-time';

const at = (text: string) => new Date(`${text}+08:00`);
const shift = (
  id: string,
  from: string,
  to: string,
  required = 1,
  track = 'warden',
): CoverageShift => ({ id, from: at(from), to: at(to), required, track });
const gapsAsText = (gaps: ReturnType<typeof coverageGaps>) =>
  gaps.map((g) => ({
    from: g.from.toISOString(),
    to: g.to.toISOString(),
    scheduled: g.scheduled,
    required: g.required,
  }));

describe('coverage of a roster', () => {
  const day = { from: at('2025-11-03T00:00'), to: at('2025-11-04T00:00') };
  const threeShifts = [
    shift('night', '2025-11-03T00:00', '2025-11-03T08:00'),
    shift('day', '2025-11-03T08:00', '2025-11-03T16:00'),
    shift('evening', '2025-11-03T16:00', '2025-11-04T00:00'),
  ];

  it('finds no gap when exactly touching shifts are all staffed', () => {
    const staffed = threeShifts.map((s) => ({ shiftId: s.id }));
    expect(coverageGaps(day, threeShifts, staffed)).toEqual([]);
    // The seams at 08:00 and 16:00 merge: one segment for the whole day.
    expect(coverageTimeline(day, threeShifts, staffed)).toHaveLength(1);
  });

  it('reports an unstaffed shift to the minute', () => {
    const gaps = coverageGaps(day, threeShifts, [{ shiftId: 'night' }, { shiftId: 'evening' }]);
    expect(gapsAsText(gaps)).toEqual([
      {
        from: at('2025-11-03T08:00').toISOString(),
        to: at('2025-11-03T16:00').toISOString(),
        scheduled: 0,
        required: 1,
      },
    ]);
  });

  it('joins a gap across midnight into one interval', () => {
    const shifts = [
      shift('evening', '2025-11-03T16:00', '2025-11-04T00:00'),
      shift('night', '2025-11-04T00:00', '2025-11-04T08:00'),
      shift('day', '2025-11-04T08:00', '2025-11-04T16:00'),
    ];
    const period = { from: at('2025-11-03T16:00'), to: at('2025-11-04T16:00') };
    const gaps = coverageGaps(period, shifts, [{ shiftId: 'day' }]);
    expect(gaps).toHaveLength(1);
    expect(gaps[0]!.from).toEqual(at('2025-11-03T16:00'));
    expect(gaps[0]!.to).toEqual(at('2025-11-04T08:00'));
  });

  it('joins a gap across a month end and clips it to the period', () => {
    const shifts = [
      shift('oct31', '2025-10-31T16:00', '2025-11-01T00:00'),
      shift('nov1', '2025-11-01T00:00', '2025-11-01T08:00'),
    ];
    const period = { from: at('2025-10-31T20:30'), to: at('2025-11-01T07:15') };
    expect(gapsAsText(coverageGaps(period, shifts, []))).toEqual([
      {
        from: at('2025-10-31T20:30').toISOString(),
        to: at('2025-11-01T07:15').toISOString(),
        scheduled: 0,
        required: 1,
      },
    ]);
  });

  it('adds up overlapping shifts of a track, and keeps tracks apart', () => {
    const shifts = [
      shift('evening', '2025-11-03T16:00', '2025-11-04T00:00'),
      shift('handover', '2025-11-03T23:30', '2025-11-04T00:30'),
      shift('patrol', '2025-11-03T18:00', '2025-11-03T21:00', 2, 'volunteer'),
    ];
    const gaps = coverageGaps(day, shifts, [
      { shiftId: 'evening' },
      { shiftId: 'evening' },
      { shiftId: 'patrol' },
    ]);
    // Two wardens on the evening shift cover the overlapping handover shift too; the one volunteer
    // short on the patrol is a volunteer gap, not made good by the second warden.
    expect(gaps.map((g) => [g.track, g.scheduled, g.required])).toEqual([['volunteer', 1, 2]]);
  });

  it('reports nothing for an empty period or a period without shifts', () => {
    expect(coverageGaps({ from: day.from, to: day.from }, threeShifts, [])).toEqual([]);
    expect(coverageGaps({ from: day.to, to: day.from }, threeShifts, [])).toEqual([]);
    expect(coverageGaps(day, [], [])).toEqual([]);
  });

  it('rounds a period given to the second outwards to whole minutes', () => {
    const period = { from: new Date(at('2025-11-03T08:00').getTime() + 30_000), to: day.to };
    const gaps = coverageGaps(period, threeShifts, [{ shiftId: 'night' }, { shiftId: 'evening' }]);
    expect(gaps[0]!.from).toEqual(at('2025-11-03T08:00'));
  });
});

// Shifts on a 4-day grid of minutes, so random ones overlap, touch and cross midnights.
const BASE = at('2025-10-30T00:00').getTime();
const SPAN = 4 * 24 * 60;
const shiftArb = fc
  .record({
    start: fc.integer({ min: 0, max: SPAN }),
    length: fc.integer({ min: 1, max: 24 * 60 }),
    required: fc.integer({ min: 1, max: 3 }),
    track: fc.constantFrom('warden', 'volunteer'),
  })
  .map(({ start, length, required, track }) => ({ start, length, required, track }));
const rosterArb = fc
  .array(shiftArb, { maxLength: 12 })
  .chain((raw) => {
    const shifts: CoverageShift[] = raw.map((s, i) => ({
      id: `s${i}`,
      from: new Date(BASE + s.start * MINUTE_MS),
      to: new Date(BASE + (s.start + s.length) * MINUTE_MS),
      required: s.required,
      track: s.track,
    }));
    const assignment = shifts.length
      ? fc.constantFrom(...shifts.map((s) => s.id)).map((shiftId) => ({ shiftId }))
      : fc.constant(null);
    return fc.record({
      shifts: fc.constant(shifts),
      assignments: fc
        .array(assignment, { maxLength: 20 })
        .map((list) => list.filter((a): a is CoverageAssignment => a !== null)),
      periodStart: fc.integer({ min: -60, max: SPAN }),
      periodLength: fc.integer({ min: 0, max: SPAN }),
      extra: assignment,
    });
  })
  .map((r) => ({
    ...r,
    period: {
      from: new Date(BASE + r.periodStart * MINUTE_MS),
      to: new Date(BASE + (r.periodStart + r.periodLength) * MINUTE_MS),
    },
  }));

const minutesOf = (segments: { from: Date; to: Date }[]) =>
  segments.reduce((sum, s) => sum + (s.to.getTime() - s.from.getTime()) / MINUTE_MS, 0);

describe('coverage properties', () => {
  it('per track, the timeline tiles the period: gaps ∪ covered = period, disjoint', () => {
    fc.assert(
      fc.property(rosterArb, ({ shifts, assignments, period }) => {
        const timeline = coverageTimeline(period, shifts, assignments);
        for (const track of new Set(timeline.map((s) => s.track))) {
          const line = timeline.filter((s) => s.track === track);
          expect(line[0]!.from).toEqual(period.from);
          expect(line.at(-1)!.to).toEqual(period.to);
          line.slice(1).forEach((s, i) => expect(s.from).toEqual(line[i]!.to));
          const gaps = line.filter((s) => s.scheduled < s.required);
          const covered = line.filter((s) => s.scheduled >= s.required);
          expect(minutesOf(gaps) + minutesOf(covered)).toBe(
            (period.to.getTime() - period.from.getTime()) / MINUTE_MS,
          );
        }
      }),
    );
  });

  it('agrees minute by minute with counting the shifts that hold the minute', () => {
    fc.assert(
      fc.property(rosterArb, fc.nat(), ({ shifts, assignments, period }, pick) => {
        const length = (period.to.getTime() - period.from.getTime()) / MINUTE_MS;
        fc.pre(length > 0);
        const minute = new Date(period.from.getTime() + (pick % length) * MINUTE_MS);
        const gaps = coverageGaps(period, shifts, assignments);
        for (const track of ['warden', 'volunteer']) {
          const holding = shifts.filter(
            (s) => s.track === track && s.from <= minute && minute < s.to,
          );
          const required = holding.reduce((sum, s) => sum + s.required, 0);
          const scheduled = assignments.filter((a) =>
            holding.some((s) => s.id === a.shiftId),
          ).length;
          const inGap = gaps.some((g) => g.track === track && g.from <= minute && minute < g.to);
          expect(inGap).toBe(scheduled < required);
        }
      }),
    );
  });

  it('adding an assignment never adds a gap', () => {
    fc.assert(
      fc.property(rosterArb, ({ shifts, assignments, period, extra }) => {
        fc.pre(extra !== null);
        const before = coverageGaps(period, shifts, assignments);
        const after = coverageGaps(period, shifts, [...assignments, extra]);
        expect(minutesOf(after)).toBeLessThanOrEqual(minutesOf(before));
        for (const gap of after) {
          const inside = before.some(
            (b) => b.track === gap.track && b.from <= gap.from && gap.to <= b.to,
          );
          expect(inside).toBe(true);
        }
      }),
    );
  });
});
