import type { EntityManager } from 'typeorm';
import { type AssociationDemo, DEMO_LANE } from '../associations/demo-data';
import { generateRoster } from './roster-generator';
import { shanghaiMonth } from '../common/shanghai-time';
import { DemoSeed } from '../database/demo-seed';

const EVERY_DAY = '{1,2,3,4,5,6,7}';

/**
 * 下岗胡同's roster: the three hired wardens cover the lane around the clock in 8-hour shifts,
 * and the ten volunteers of the civility persuasion team walk an evening patrol on weekdays,
 * two at a time. The month holding `now` is generated, so the demo always has a current roster.
 */
export async function seedRostersDemo(
  em: EntityManager,
  demo: AssociationDemo,
  now: Date,
): Promise<void> {
  const templates: [string, string, number, number, string, number][] = [
    ['夜班', 'warden', 0, 480, EVERY_DAY, 1],
    ['白班', 'warden', 8 * 60, 480, EVERY_DAY, 1],
    ['晚班', 'warden', 16 * 60, 480, EVERY_DAY, 1],
    ['晚间巡逻', 'volunteer', 18 * 60, 180, '{1,2,3,4,5}', 2],
  ];
  for (const [name, kind, start, duration, weekdays, min] of templates) {
    await em.query(
      `INSERT INTO shift_template
         (association_id, name, kind, start_minute, duration_minutes, weekdays, min_on_duty, lane_ids)
       VALUES ($1, $2, $3, $4, $5, $6, $7, ARRAY[$8]::uuid[])`,
      [demo.associationId, name, kind, start, duration, weekdays, min, demo.laneId],
    );
  }
  await generateRoster(em, demo.associationId, shanghaiMonth(now));
  // The month so far has been worked: signed in a few minutes early and out at the end, with
  // the odd late sign-in and one missed patrol, so the ledger and the roster screen look lived in.
  await em.query(
    `WITH past AS (
       SELECT id, row_number() OVER (ORDER BY starts_at, member_id) AS n
         FROM shift_assignment WHERE association_id = $1 AND ends_at <= $2)
     UPDATE shift_assignment a
        SET signed_in_at = a.starts_at + CASE WHEN past.n % 9 = 0 THEN interval '17 minutes'
                                              ELSE interval '-5 minutes' END,
            signed_out_at = a.ends_at,
            late = past.n % 9 = 0
       FROM past WHERE a.id = past.id AND past.n % 23 <> 0`,
    [demo.associationId, now],
  );
}

export const rostersDemoSeed = DemoSeed.provider({
  feature: 'rosters',
  order: 40,
  seed: (demo) => seedRostersDemo(demo.tx, demo.get(DEMO_LANE), demo.now),
});
