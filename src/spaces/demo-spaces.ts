import type { EntityManager } from 'typeorm';
import { type AssociationDemo, DEMO_LANE } from '../associations/demo-data';
import { laneLength, pointOnLane, projectOnLane, SPACE_DIMENSIONS } from '../shared/lane-geometry';
import { DemoSeed } from '../database/demo-seed';

const SPACES = 40;
const FIRST_AT_M = 3;
const PITCH_M = 6.4;
const LANE_WIDTH_M = 6.5;
/** GB 50016 asks 4 m of clear width for a fire engine. */
const CLEAR_PASSAGE_M = 4;
const FIRE_LANE_SPACE = 20;
const REFUSE_TRUCK_SPACES = [38, 39, 40];
const OCCUPIED = [2, 3, 5, 7, 8, 11, 12, 14, 17, 22, 25, 29];

/**
 * The 40 self-made spaces the branch painted along the south side of 下岗胡同 in 2017, the lane's
 * segments, a fire-lane space closed for good, the refuse truck's morning window, and a dozen
 * residents' cars parked as a warden recorded them.
 */
export async function seedSpacesDemo(em: EntityManager, demo: AssociationDemo): Promise<void> {
  const line = demo.laneGeometry;
  const length = Math.ceil(laneLength(line) * 100) / 100;
  const bend = projectOnLane(line, line[1]!).chainage;
  const bendEnd = projectOnLane(line, line[2]!).chainage;
  for (const [from, to, width] of [
    [0, bend, LANE_WIDTH_M],
    [bend, bendEnd, 7],
    [bendEnd, length, LANE_WIDTH_M],
  ] as const) {
    await em.query(
      `INSERT INTO lane_segment (lane_id, from_m, to_m, width_m, clear_passage_m) VALUES ($1, $2, $3, $4, $5)`,
      [demo.laneId, from, to, width, CLEAR_PASSAGE_M],
    );
  }

  const { length: spaceLength, depth } = SPACE_DIMENSIONS.standard;
  const spaceIds: string[] = [];
  for (let n = 1; n <= SPACES; n++) {
    const chainageFrom = FIRST_AT_M + (n - 1) * PITCH_M;
    const centre = pointOnLane(line, chainageFrom + spaceLength / 2, -(LANE_WIDTH_M - depth) / 2);
    const closed = n === FIRE_LANE_SPACE;
    const rows: { id: string }[] = await em.query(
      `INSERT INTO space (association_id, lane_id, code, x, y, angle, chainage_from, chainage_to, side,
                          size_class, availability, closed_reason, consent)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, -1, 'standard', $9, $10, 'approved') RETURNING id`,
      [
        demo.associationId,
        demo.laneId,
        `XG-${String(n).padStart(2, '0')}`,
        centre.x,
        centre.y,
        centre.angle,
        chainageFrom,
        chainageFrom + spaceLength,
        closed ? 'closed' : 'open',
        closed ? '消防栓前，永久关闭' : null,
      ],
    );
    spaceIds.push(rows[0]!.id);
    const facing = demo.households[n - 1];
    if (facing) {
      await em.query(
        `INSERT INTO space_facing_household (space_id, household_id) VALUES ($1, $2)`,
        [rows[0]!.id, facing.id],
      );
    }
  }
  for (const n of REFUSE_TRUCK_SPACES) {
    await em.query(
      `INSERT INTO space_restriction (space_id, from_time, to_time, reason) VALUES ($1, '07:00', '09:00', $2)`,
      [spaceIds[n - 1], '垃圾清运车停靠'],
    );
  }

  const cars = demo.households.flatMap((h) => h.vehicleIds);
  for (const [i, n] of OCCUPIED.entries()) {
    await em.query(
      `INSERT INTO occupancy_session (association_id, lane_id, space_id, vehicle_id, household_id, plate,
                                      source, started_at, checked_in_by)
       SELECT v.association_id, $1, $2, v.id, v.household_id, v.plate, 'warden',
              now() - make_interval(mins => $4), $5
         FROM vehicle v WHERE v.id = $3`,
      [
        demo.laneId,
        spaceIds[n - 1],
        cars[i],
        30 + i * 37,
        demo.wardenIds[i % demo.wardenIds.length],
      ],
    );
  }
}

export const spacesDemoSeed = DemoSeed.provider({
  feature: 'spaces',
  order: 20,
  seed: (demo) => seedSpacesDemo(demo.tx, demo.get(DEMO_LANE)),
});
