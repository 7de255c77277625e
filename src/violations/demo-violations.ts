import type { EntityManager } from 'typeorm';
import { type AssociationDemo, DEMO_LANE } from '../associations/demo-data';
import { DEMO_CONVENTION } from '../conventions/demo-conventions';
import { DemoSeed } from '../database/demo-seed';

/**
 * A few violations of recent months under version 1 (`versionId`), for the board's statistics:
 * persuasion, as the rule says, each citing the article its kind falls under.
 */
export async function seedViolationsDemo(
  em: EntityManager,
  demo: AssociationDemo,
  versionId: string,
): Promise<void> {
  const households = demo.households;
  const kinds = ['blocking_passage', 'no_permit', 'wrong_space', 'blocking_passage', 'overstay'];
  for (const [i, kind] of kinds.entries()) {
    const household = households[(i * 7 + 1) % households.length]!;
    await em.query(
      `INSERT INTO violation (association_id, version_id, article_number, kind, plate, vehicle_id,
         household_id, place, occurred_at, recorded_by, step, action)
       SELECT $1, $2, $3, $4, v.plate, v.id, v.household_id, $5,
              now() - make_interval(days => $6), $7, 1, 'persuasion'
         FROM vehicle v WHERE v.household_id = $8 LIMIT 1`,
      [
        demo.associationId,
        versionId,
        kind === 'blocking_passage' ? 6 : 8,
        kind,
        i % 2 ? '下岗胡同东口' : '下岗胡同12号门前',
        // Spread over the last half year, all older than the ladder's 90 days.
        100 + i * 25,
        demo.wardenIds[i % demo.wardenIds.length],
        household.id,
      ],
    );
  }
}

export const violationsDemoSeed = DemoSeed.provider({
  feature: 'violations',
  order: 35,
  seed: (demo) =>
    seedViolationsDemo(demo.tx, demo.get(DEMO_LANE), demo.get(DEMO_CONVENTION).versionId),
});
