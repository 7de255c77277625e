import fc from 'fast-check';
import { localTimeToday, minuteOfWeek, windowActiveAt, windowOverlaps } from './time-windows';

// 2025-05-05 was a Monday; 00:00 in Beijing is 16:00 UTC the day before.
const beijing = (iso: string) => new Date(`${iso}+08:00`);

describe('restriction windows (Asia/Shanghai)', () => {
  const refuseTruck = { from: '07:00', to: '09:00' };
  const overnight = { from: '22:00', to: '06:00', days: [6] };

  it('places Monday 00:00 Beijing at minute 0 of the week', () => {
    expect(minuteOfWeek(beijing('2025-05-05T00:00:00'))).toBe(0);
    expect(minuteOfWeek(beijing('2025-05-11T23:59:00'))).toBe(7 * 1440 - 1);
  });

  it('knows when the refuse truck window is in force', () => {
    expect(windowActiveAt(refuseTruck, beijing('2025-05-06T07:30:00'))).toBe(true);
    expect(windowActiveAt(refuseTruck, beijing('2025-05-06T09:00:00'))).toBe(false);
    expect(windowActiveAt(refuseTruck, beijing('2025-05-06T06:59:00'))).toBe(false);
  });

  it('a window crossing midnight started on Saturday covers early Sunday, not early Saturday', () => {
    expect(windowActiveAt(overnight, beijing('2025-05-11T03:00:00'))).toBe(true);
    expect(windowActiveAt(overnight, beijing('2025-05-10T03:00:00'))).toBe(false);
  });

  it('19:00 to 07:00 misses the 07:00 truck; 06:30 to 08:00 meets it', () => {
    const now = beijing('2025-05-06T12:00:00');
    const from = localTimeToday('19:00', now);
    const to = localTimeToday('07:00', now, from);
    expect(windowOverlaps(refuseTruck, from, to)).toBe(false);
    const early = localTimeToday('06:30', now);
    expect(windowOverlaps(refuseTruck, early, localTimeToday('08:00', now, early))).toBe(true);
  });

  it('an interval overlaps a window exactly when some minute of it is inside the window', () => {
    const hhmm = fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    fc.assert(
      fc.property(
        hhmm,
        hhmm,
        fc.integer({ min: 0, max: 7 * 1440 }),
        fc.integer({ min: 1, max: 600 }),
        (from, to, startMinute, length) => {
          fc.pre(from !== to);
          const window = { from, to };
          const start = new Date(beijing('2025-05-05T00:00:00').getTime() + startMinute * 60000);
          const end = new Date(start.getTime() + length * 60000);
          let inside = false;
          for (let m = 0; m < length && !inside; m++) {
            inside = windowActiveAt(window, new Date(start.getTime() + m * 60000));
          }
          expect(windowOverlaps(window, start, end)).toBe(inside);
        },
      ),
      { numRuns: 200 },
    );
  });
});
