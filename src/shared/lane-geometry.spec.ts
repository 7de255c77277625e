import fc from 'fast-check';
import { laneLength, pointOnLane, projectOnLane } from './lane-geometry';

const DEMO_LANE = [
  { x: 0, y: 0 },
  { x: 120, y: 0 },
  { x: 180, y: 12 },
  { x: 260, y: 12 },
];

describe('lane geometry', () => {
  it('measures the demo lane', () => {
    expect(laneLength(DEMO_LANE)).toBeCloseTo(120 + Math.hypot(60, 12) + 80, 6);
  });

  it('puts a point left of the direction of travel at a positive offset', () => {
    expect(projectOnLane(DEMO_LANE, { x: 50, y: 2 })).toEqual({
      chainage: 50,
      offset: 2,
      heading: 0,
    });
    expect(projectOnLane(DEMO_LANE, { x: 50, y: -2 })).toEqual({
      chainage: 50,
      offset: -2,
      heading: 0,
    });
  });

  it('projecting a placed point gives back its chainage and offset (away from the bends)', () => {
    const length = laneLength(DEMO_LANE);
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: length, noNaN: true }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        (chainage, offset) => {
          const bends = [120, 120 + Math.hypot(60, 12)];
          fc.pre(bends.every((b) => Math.abs(chainage - b) > 4));
          const placed = pointOnLane(DEMO_LANE, chainage, offset);
          const back = projectOnLane(DEMO_LANE, placed);
          expect(back.chainage).toBeCloseTo(chainage, 1);
          expect(back.offset).toBeCloseTo(offset, 1);
        },
      ),
    );
  });
});
