import type { DataSource } from 'typeorm';
import { seedAssociationDemo } from '../associations/demo-data';

/**
 * Loads the demo lane into an empty database. Each feature adds its part after the
 * associations' part, in one transaction, so a half-seeded database never exists.
 */
export async function seedDemo(dataSource: DataSource): Promise<boolean> {
  const rows: { count: string }[] = await dataSource.query(`SELECT count(*) FROM association`);
  if (Number(rows[0]?.count) > 0) return false;
  await dataSource.transaction(async (em) => {
    await seedAssociationDemo(em);
  });
  return true;
}
