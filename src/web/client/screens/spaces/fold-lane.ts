// The folded lane: a long lane cut into consecutive sections of equal length, each drawn straight
// as one row, rows stacked top to bottom, so a phone shows every space at once without scrolling
// sideways. Along the lane the drawing is to scale; across it, schematic (each side of the lane is
// a strip tall enough to tap). Pure functions: no Preact, no DOM. The lane's own geometry (length,
// projection, placing a point) is the server's, from src/shared/lane-geometry.ts.

import { laneLength, type Point, projectOnLane } from '../../../../shared/lane-geometry';

export { pointOnLane, projectOnLane } from '../../../../shared/lane-geometry';

export type FoldPoint = Point;

export interface FoldSpaceInput extends FoldPoint {
  id: string;
  /** Heading in degrees, counter-clockwise from east, as the lane's schematic stores it. */
  angle: number;
  /** Painted length and depth, metres. */
  length: number;
  depth: number;
}

export interface FoldOptions {
  /** Pixels available for a row, side to side. */
  width: number;
  /** The smallest a space may be drawn along the lane, px: a thumb's touch target. */
  minTarget?: number;
  /** Room kept at each end of a row for spaces whose centre is near a section's cut, px. */
  rowPad?: number;
}

export interface FoldedSpace {
  id: string;
  /** Metres from the lane's first point to the space's centre, along the centre line. */
  chainage: number;
  /** Which side of the lane: +1 left of the direction of travel (drawn above), -1 right. */
  side: 1 | -1;
  /** Row index, 0 at the top. */
  row: number;
  /** Centre of the drawn shape, px from the row's left edge (including the row's padding). */
  cx: number;
  /** Footprint along the row, px; the depth across is the strip's, fixed by the drawing. */
  along: number;
  /** True when the space stands across the lane's direction (angled or perpendicular parking). */
  across: boolean;
}

export interface FoldedRow {
  /** Chainage, metres, at the row's left and right end. */
  from: number;
  to: number;
}

export interface FoldedLane {
  length: number;
  /** Pixels per metre along the lane, the same on every row. */
  scale: number;
  rowPad: number;
  rows: FoldedRow[];
  spaces: FoldedSpace[];
  /** Which sides of the lane have spaces, so an empty side takes no room. */
  sides: { left: boolean; right: boolean };
}

/** A fingertip: the 32 px asked of the map, with a little to spare for the strokes. */
export const MIN_TARGET_PX = 34;
const ROW_PAD_PX = 20;

/**
 * The fewest rows of equal length whose scale still draws the narrowest space at `minTarget` px.
 * A lane that fits in one row at that scale is one row, stretched to the width.
 */
export function foldLane(
  line: readonly FoldPoint[],
  spaces: readonly FoldSpaceInput[],
  options: FoldOptions,
): FoldedLane {
  const minTarget = options.minTarget ?? MIN_TARGET_PX;
  const rowPad = options.rowPad ?? ROW_PAD_PX;
  const usable = Math.max(options.width - 2 * rowPad, minTarget);
  const placed = spaces.map((space) => {
    const at = projectOnLane(line, space);
    // Within 30° of the lane's heading the space is parallel; beyond, it stands across the lane.
    const turn = Math.abs(normalise(space.angle - at.heading));
    const across = turn > 30 && turn < 150;
    return { space, at, across, along: across ? space.depth : space.length };
  });
  const length = Math.max(
    laneLength(line),
    ...placed.map((p) => p.at.chainage + p.along / 2),
    1e-6,
  );
  const narrowest = Math.min(...placed.map((p) => p.along), Infinity);
  const needed = Number.isFinite(narrowest) ? minTarget / narrowest : 0;
  const count = Math.max(1, Math.ceil((length * needed) / usable - 1e-9));
  const section = length / count;
  const scale = usable / section;
  const rows = Array.from({ length: count }, (_, i) => ({
    from: round1(i * section),
    to: round1((i + 1) * section),
  }));
  const folded = placed.map(({ space, at, across, along }): FoldedSpace => {
    const row = Math.min(count - 1, Math.floor(at.chainage / section));
    const half = (along * scale) / 2;
    // A space whose centre sits near a cut overhangs it: the row's padding takes up to 20 px of
    // that; past it the shape is nudged in, which keeps the order of the spaces on the row.
    const cx = clamp(
      rowPad + (at.chainage - row * section) * scale,
      half,
      usable + 2 * rowPad - half,
    );
    return {
      id: space.id,
      chainage: at.chainage,
      side: at.offset >= 0 ? 1 : -1,
      row,
      cx,
      along: along * scale,
      across,
    };
  });
  return {
    length,
    scale,
    rowPad,
    rows,
    spaces: folded,
    sides: {
      left: folded.some((s) => s.side === 1),
      right: folded.some((s) => s.side === -1),
    },
  };
}

/** Where a point `chainage` metres along the lane falls on the folded drawing: row and x, px. */
export function placeOnFold(folded: FoldedLane, chainage: number): { row: number; x: number } {
  const rows = folded.rows.length;
  const section = folded.length / rows;
  const row = Math.max(0, Math.min(rows - 1, Math.floor(chainage / section)));
  const along = Math.max(0, Math.min(section, chainage - row * section));
  return { row, x: folded.rowPad + along * folded.scale };
}

/** Whether the unfolded drawing, `extent` metres wide, fits `width` px at a tappable scale. */
export function fitsUnfolded(
  extent: number,
  narrowestSpace: number,
  width: number,
  minTarget = MIN_TARGET_PX,
): boolean {
  return extent * (minTarget / narrowestSpace) <= width;
}

function normalise(degrees: number): number {
  const d = ((degrees % 360) + 360) % 360;
  return d > 180 ? d - 360 : d;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
