import type { DataSource } from 'typeorm';
import { seedAssociationDemo } from '../associations/demo-data';
import { seedSpacesDemo } from '../spaces/demo-spaces';
import { seedConventionsDemo } from '../conventions/demo-conventions';
import { seedRostersDemo } from '../rosters/demo-data';
import { seedPermitsDemo } from '../permits/demo-permits';
import { seedSharingDemo } from '../sharing/demo-sharing';
import { seedViolationsDemo } from '../violations/demo-violations';

/**
 * Loads the demo lane into an empty database. Each feature adds its part after the
 * associations' part, in one transaction, so a half-seeded database never exists.
 */
export async function seedDemo(dataSource: DataSource, now: Date = new Date()): Promise<boolean> {
  const rows: { count: string }[] = await dataSource.query(`SELECT count(*) FROM association`);
  if (Number(rows[0]?.count) > 0) return false;
  await dataSource.transaction(async (em) => {
    const demo = await seedAssociationDemo(em);
    await seedSpacesDemo(em, demo);
    const convention = await seedConventionsDemo(em, demo);
    await seedViolationsDemo(em, demo, convention.versionId);
    await seedRostersDemo(em, demo, now);
    await seedPermitsDemo(em, demo, now);
    await seedSharingDemo(em, demo);
  });
  return true;
}
