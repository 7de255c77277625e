// The folded lane map's placement of landmarks (pure, from the web client).
import { foldLane, placeOnFold } from './client/screens/spaces/fold-lane';

const STRAIGHT = [
  { x: 0, y: 0 },
  { x: 200, y: 0 },
];

describe('placeOnFold', () => {
  const spaces = Array.from({ length: 30 }, (_, i) => ({
    id: `s${i}`,
    x: 3 + i * 6.4,
    y: -2.15,
    angle: 0,
    length: 5.5,
    depth: 2.2,
  }));
  const folded = foldLane(STRAIGHT, spaces, { width: 360 });

  it('puts a landmark on the row and at the x of the spaces beside it', () => {
    expect(folded.rows.length).toBeGreaterThan(1);
    for (const space of folded.spaces) {
      const at = placeOnFold(folded, space.chainage);
      expect(at.row).toBe(space.row);
      // Spaces near a cut may be nudged in by up to their half-length; landmarks never are.
      expect(Math.abs(at.x - space.cx)).toBeLessThanOrEqual(space.along / 2 + 1e-6);
    }
  });

  it('keeps the lane ends on the first and last rows, inside the drawing', () => {
    expect(placeOnFold(folded, 0)).toEqual({ row: 0, x: folded.rowPad });
    const end = placeOnFold(folded, folded.length);
    expect(end.row).toBe(folded.rows.length - 1);
    expect(end.x).toBeCloseTo(360 - folded.rowPad, 6);
    expect(placeOnFold(folded, -5)).toEqual({ row: 0, x: folded.rowPad });
    expect(placeOnFold(folded, folded.length + 50).row).toBe(folded.rows.length - 1);
  });
});
