// 消防通道: every segment of a lane keeps a clear passage for fire engines and ambulances. A
// parallel space takes its depth out of the lane's width on its side; the widest space on each
// side at any point along the segment is what narrows the passage. Pure functions.

export interface LaneSegmentRule {
  fromM: number;
  toM: number;
  widthM: number;
  clearPassageM: number;
}

export interface PaintedSpace {
  code: string;
  chainageFrom: number;
  chainageTo: number;
  side: 1 | -1;
  depth: number;
}

export interface PassageShortfall {
  segment: LaneSegmentRule;
  leftM: number;
  spaces: string[];
}

/** The first segment where the painted spaces would leave less than its clear passage. */
export function clearPassageShortfall(
  segments: readonly LaneSegmentRule[],
  spaces: readonly PaintedSpace[],
): PassageShortfall | null {
  for (const segment of segments) {
    const inside = spaces.filter(
      (s) => s.chainageFrom < segment.toM && s.chainageTo > segment.fromM,
    );
    // Check at every point where the set of overlapping spaces can change.
    const cuts = new Set<number>([segment.fromM]);
    for (const s of inside) {
      if (s.chainageFrom > segment.fromM) cuts.add(s.chainageFrom);
    }
    for (const at of cuts) {
      const here = inside.filter((s) => s.chainageFrom <= at && s.chainageTo > at);
      const left = Math.max(0, ...here.filter((s) => s.side === 1).map((s) => s.depth));
      const right = Math.max(0, ...here.filter((s) => s.side === -1).map((s) => s.depth));
      const leftM = Math.round((segment.widthM - left - right) * 100) / 100;
      if (leftM < segment.clearPassageM) {
        return { segment, leftM, spaces: here.map((s) => s.code) };
      }
    }
  }
  return null;
}
