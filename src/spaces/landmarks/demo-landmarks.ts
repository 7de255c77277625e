import { type AssociationDemo, DEMO_LANE } from '../../associations/demo-data';
import { DemoSeed } from '../../database/demo-seed';
import type { Tx } from '../../database/transactions';
import type { LandmarkKind } from '../../shared/landmarks';
import { laneLength, pointOnLane, SPACE_DIMENSIONS } from '../../shared/lane-geometry';

// As the demo spaces are painted (demo-spaces.ts): space n on the south side at 3 + (n-1)·6.4 m,
// facing 下岗胡同n号 across the lane on the north side.
const FIRST_AT_M = 3;
const PITCH_M = 6.4;
const NORTH_M = 2.6;
const SOUTH_M = -2.6;
const spaceCentre = (n: number) =>
  FIRST_AT_M + (n - 1) * PITCH_M + SPACE_DIMENSIONS.standard.length / 2;

interface DemoLandmark {
  kind: LandmarkKind;
  label: string;
  chainage: number;
  offset: number;
  carPark?: string;
  directions?: string;
  walkMinutes?: number;
}

/**
 * 下岗胡同 as the wardens name it: every fifth door number, the two entrances, the hydrant by the
 * closed space 20, the refuse point by spaces 38–40, the old locust tree, and the way to the two
 * car parks the units share (from the sharing demo, which runs first).
 */
export async function seedLandmarksDemo(tx: Tx, demo: AssociationDemo): Promise<void> {
  const end = laneLength(demo.laneGeometry);
  const landmarks: DemoLandmark[] = [
    { kind: 'entrance', label: '西口（二龙路）', chainage: 0, offset: 0 },
    { kind: 'entrance', label: '东口（闹市口大街）', chainage: end, offset: 0 },
    ...[1, 5, 10, 15, 20, 25, 30, 35, 40].map((n) => ({
      kind: 'door' as const,
      label: `${n}号`,
      chainage: spaceCentre(n),
      offset: NORTH_M,
    })),
    { kind: 'hydrant', label: '消防栓', chainage: spaceCentre(20), offset: SOUTH_M },
    { kind: 'refuse', label: '垃圾收集点', chainage: spaceCentre(39) + 3, offset: SOUTH_M },
    { kind: 'landmark', label: '老槐树', chainage: spaceCentre(13), offset: NORTH_M },
    {
      kind: 'car_park',
      label: '金融街中心地下车库',
      chainage: 0,
      offset: NORTH_M,
      carPark: '金融街中心地下车库',
      directions: '出西口右转，沿二龙路向北约200米，由二龙路北口进入车库',
      walkMinutes: 4,
    },
    {
      kind: 'car_park',
      label: '二龙路小学操场',
      chainage: end,
      offset: SOUTH_M,
      carPark: '二龙路小学操场',
      directions: '出东口左转约150米，从二龙路小学东门进入',
      walkMinutes: 3,
    },
  ];
  const parks: { id: string; name: string }[] = await tx.query(
    `SELECT id, name FROM car_park WHERE association_id = $1`,
    [demo.associationId],
  );
  for (const l of landmarks) {
    const carParkId = l.carPark ? (parks.find((p) => p.name === l.carPark)?.id ?? null) : null;
    if (l.kind === 'car_park' && !carParkId) continue;
    const at = pointOnLane(demo.laneGeometry, l.chainage, l.offset);
    await tx.query(
      `INSERT INTO lane_landmark (association_id, lane_id, kind, label, x, y, chainage, side,
                                  car_park_id, directions, walk_minutes)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        demo.associationId,
        demo.laneId,
        l.kind,
        l.label,
        at.x,
        at.y,
        Math.round(l.chainage * 100) / 100,
        Math.sign(l.offset),
        carParkId,
        l.directions ?? '',
        l.walkMinutes ?? null,
      ],
    );
  }
}

export const landmarksDemoSeed = DemoSeed.provider({
  feature: 'landmarks',
  // After sharing (60): the car park pointers name its car parks.
  order: 65,
  seed: (demo) => seedLandmarksDemo(demo.tx, demo.get(DEMO_LANE)),
});
