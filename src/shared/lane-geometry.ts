// The lane's schematic map: a polyline of its centre line in metres. Spaces are placed by their
// centre point; what the rules need is where along the lane (chainage) and on which side.
// Pure functions, shared by the server (layout rules, demo lanes) and the web client (the folded
// map, the landmark editor): no Nest, no DOM.

export interface Point {
  x: number;
  y: number;
}

export const SIZE_CLASSES = ['small', 'standard', 'large'] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

/** Painted size of a parallel space: length along the lane, depth into it (metres). */
export const SPACE_DIMENSIONS: Record<SizeClass, { length: number; depth: number }> = {
  small: { length: 4.5, depth: 1.8 },
  standard: { length: 5.5, depth: 2.2 },
  large: { length: 6.5, depth: 2.5 },
};

export interface LanePosition {
  /** Metres from the lane's first point, measured along the centre line. */
  chainage: number;
  /** Signed distance from the centre line: positive on the left of the direction of travel. */
  offset: number;
  /** Heading of that stretch of the lane, degrees counter-clockwise from east. */
  heading: number;
}

export function laneLength(line: readonly Point[]): number {
  let total = 0;
  for (let i = 1; i < line.length; i++) total += distance(line[i - 1]!, line[i]!);
  return total;
}

/** The nearest point of the centre line to `point`, as chainage and signed offset. */
export function projectOnLane(line: readonly Point[], point: Point): LanePosition {
  let best: LanePosition & { distance: number } = {
    chainage: 0,
    offset: 0,
    heading: 0,
    distance: Infinity,
  };
  let start = 0;
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1]!;
    const b = line[i]!;
    const length = distance(a, b);
    if (length === 0) continue;
    const ux = (b.x - a.x) / length;
    const uy = (b.y - a.y) / length;
    const along = clamp((point.x - a.x) * ux + (point.y - a.y) * uy, 0, length);
    const nearest = { x: a.x + ux * along, y: a.y + uy * along };
    const d = distance(nearest, point);
    if (d < best.distance) {
      const cross = ux * (point.y - a.y) - uy * (point.x - a.x);
      best = {
        chainage: start + along,
        offset: cross >= 0 ? d : -d,
        heading: (Math.atan2(uy, ux) * 180) / Math.PI,
        distance: d,
      };
    }
    start += length;
  }
  return { chainage: best.chainage, offset: best.offset, heading: best.heading };
}

/** The point at `chainage` along the centre line, moved `offset` to the left, and the heading. */
export function pointOnLane(
  line: readonly Point[],
  chainage: number,
  offset = 0,
): Point & { angle: number } {
  let start = 0;
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1]!;
    const b = line[i]!;
    const length = distance(a, b);
    if (length === 0) continue;
    if (chainage <= start + length || i === line.length - 1) {
      const t = clamp((chainage - start) / length, 0, 1);
      const ux = (b.x - a.x) / length;
      const uy = (b.y - a.y) / length;
      return {
        x: round2(a.x + (b.x - a.x) * t - uy * offset),
        y: round2(a.y + (b.y - a.y) * t + ux * offset),
        angle: round2((Math.atan2(uy, ux) * 180) / Math.PI),
      };
    }
    start += length;
  }
  const only = line[0] ?? { x: 0, y: 0 };
  return { ...only, angle: 0 };
}

function distance(a: Point, b: Point): number {
  return Math.hypot(b.x - a.x, b.y - a.y);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
