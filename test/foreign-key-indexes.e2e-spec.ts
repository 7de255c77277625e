import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from './support/test-database';

/**
 * Issue 15.1: every foreign key has a supporting index, so deleting a referenced row or joining
 * on the key never scans the whole referencing table. "Supporting": a valid index whose first
 * column is the key's first column (for `(x_id, association_id)`, `x_id` already finds a handful
 * of rows); a partial index counts only when its predicate is `<column> IS NOT NULL`, which every
 * equality lookup satisfies.
 */
const UNSUPPORTED_FOREIGN_KEYS = `
  SELECT c.conrelid::regclass::text AS "table", c.conname AS "constraint",
         (SELECT string_agg(a.attname, ', ' ORDER BY k.ord)
            FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord)
            JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) AS columns
    FROM pg_constraint c
    JOIN pg_namespace n ON n.oid = c.connamespace AND n.nspname = 'public'
   WHERE c.contype = 'f'
     AND NOT EXISTS (
       SELECT 1 FROM pg_index i
        WHERE i.indrelid = c.conrelid AND i.indisvalid
          AND i.indkey[0] = c.conkey[1]
          AND (i.indpred IS NULL
               OR pg_get_expr(i.indpred, i.indrelid) ~ '^\\(\\w+ IS NOT NULL\\)$'))
   ORDER BY 1, 2`;

describe('foreign keys on the migrated schema', () => {
  let database: TestDatabase;
  let client: Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    client = new Client({ connectionString: database.url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await database.drop();
  });

  it('each has an index led by its referencing column', async () => {
    const { rows } = await client.query(UNSUPPORTED_FOREIGN_KEYS);
    // Listed by name so the failure says which migration to fix.
    expect(rows.map((r) => `${r.table}.${r.constraint} (${r.columns})`)).toEqual([]);
  });

  it('the check itself finds a key without an index', async () => {
    await client.query(`CREATE TABLE fk_probe (vehicle_id uuid REFERENCES vehicle(id))`);
    try {
      const { rows } = await client.query(UNSUPPORTED_FOREIGN_KEYS);
      expect(rows).toEqual([
        { table: 'fk_probe', constraint: 'fk_probe_vehicle_id_fkey', columns: 'vehicle_id' },
      ]);
      await client.query(
        `CREATE INDEX fk_probe_partial ON fk_probe (vehicle_id) WHERE vehicle_id IS NOT NULL`,
      );
      expect((await client.query(UNSUPPORTED_FOREIGN_KEYS)).rows).toEqual([]);
    } finally {
      await client.query(`DROP TABLE fk_probe`);
    }
  });
});
