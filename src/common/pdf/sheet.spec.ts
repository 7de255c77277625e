import { A4, MM, cutMarks, gridCells, placeOf } from './sheet';

describe('a sheet of cards', () => {
  const margin = 12 * MM;

  it('cuts A4 into 2 × 4 equal cells that fill the page inside the margin', () => {
    const cells = gridCells(A4, { columns: 2, rows: 4 }, margin);
    expect(cells).toHaveLength(8);
    const first = cells[0]!;
    const last = cells[7]!;
    expect(first.x).toBeCloseTo(margin);
    expect(first.y).toBeCloseTo(margin);
    expect(last.x + last.width).toBeCloseTo(A4.width - margin);
    expect(last.y + last.height).toBeCloseTo(A4.height - margin);
    // Left to right, then down.
    expect(cells[1]!.y).toBeCloseTo(first.y);
    expect(cells[2]!.x).toBeCloseTo(first.x);
    for (const cell of cells) {
      expect(cell.width).toBeCloseTo(first.width);
      expect(cell.height).toBeCloseTo(first.height);
    }
  });

  it('marks every cut in the margin on both sides, never on a card', () => {
    const grid = { columns: 2, rows: 4 };
    const marks = cutMarks(A4, grid, margin);
    // 3 vertical cuts × 2 ends + 5 horizontal cuts × 2 ends.
    expect(marks).toHaveLength(2 * 3 + 2 * 5);
    const inside = (x: number, y: number) =>
      x > margin && x < A4.width - margin && y > margin && y < A4.height - margin;
    for (const m of marks) {
      expect(inside(m.x1, m.y1) || inside(m.x2, m.y2)).toBe(false);
      for (const v of [m.x1, m.x2]) expect(v).toBeGreaterThanOrEqual(0);
      for (const v of [m.x1, m.x2]) expect(v).toBeLessThanOrEqual(A4.width);
      for (const v of [m.y1, m.y2]) expect(v).toBeGreaterThanOrEqual(0);
      for (const v of [m.y1, m.y2]) expect(v).toBeLessThanOrEqual(A4.height);
      expect(Math.hypot(m.x2 - m.x1, m.y2 - m.y1)).toBeGreaterThan(3 * MM);
    }
  });

  it('places items page by page', () => {
    expect(placeOf(0, 8)).toEqual({ page: 0, cell: 0 });
    expect(placeOf(7, 8)).toEqual({ page: 0, cell: 7 });
    expect(placeOf(8, 8)).toEqual({ page: 1, cell: 0 });
    expect(placeOf(3, 1)).toEqual({ page: 3, cell: 0 });
  });
});
