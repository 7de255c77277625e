import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

/**
 * Held while migrating and while seeding the demo, so instances starting at once take turns.
 * Any constant works; it only has to be the same for every instance of the service.
 */
export const SCHEMA_LOCK_KEY = 4143_2017;

/** Runs pending migrations; several instances starting at once take turns under an advisory lock. */
export async function migrateDatabase(url: string): Promise<string[]> {
  const dataSource = new DataSource({ ...dataSourceOptions(url, 2) });
  await dataSource.initialize();
  try {
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock($1)', [SCHEMA_LOCK_KEY]);
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((migration) => migration.name);
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [SCHEMA_LOCK_KEY]);
      await runner.release();
    }
  } finally {
    await dataSource.destroy();
  }
}

export async function revertAllMigrations(url: string): Promise<number> {
  const dataSource = new DataSource({ ...dataSourceOptions(url, 2) });
  await dataSource.initialize();
  let reverted = 0;
  try {
    for (;;) {
      const executed: unknown[] = await dataSource.query('SELECT 1 FROM schema_migrations LIMIT 1');
      if (executed.length === 0) break;
      await dataSource.undoLastMigration({ transaction: 'each' });
      reverted += 1;
    }
  } finally {
    await dataSource.destroy();
  }
  return reverted;
}
