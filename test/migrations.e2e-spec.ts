import { Client } from 'pg';
import { migrateDatabase, revertAllMigrations } from '../src/database/migrate';
import { allMigrations } from '../migrations';
import { ADMIN_URL_ENV, databaseUrlFor } from './support/test-database';

describe('migrations', () => {
  const adminUrl = process.env[ADMIN_URL_ENV]!;
  const name = `hutong_mig_${process.pid}`;
  const url = databaseUrlFor(adminUrl, name);

  const query = async (target: string, sql: string) => {
    const client = new Client({ connectionString: target });
    await client.connect();
    try {
      return (await client.query(sql)).rows;
    } finally {
      await client.end();
    }
  };

  beforeAll(() => query(adminUrl, `CREATE DATABASE ${name}`));
  afterAll(() => query(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));

  const userTables = () =>
    query(
      url,
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'schema_migrations' ORDER BY 1`,
    );

  it('run from empty, revert back to empty, and run again', async () => {
    const applied = await migrateDatabase(url);
    expect(applied).toHaveLength(allMigrations.length);
    expect((await userTables()).length).toBeGreaterThan(5);

    expect(await revertAllMigrations(url)).toBe(allMigrations.length);
    expect(await userTables()).toEqual([]);

    expect(await migrateDatabase(url)).toHaveLength(allMigrations.length);
  });

  it('two instances migrating at once take turns', async () => {
    await revertAllMigrations(url);
    const [a, b] = await Promise.all([migrateDatabase(url), migrateDatabase(url)]);
    expect(a.length + b.length).toBe(allMigrations.length);
  });
});
