import { DataSource } from 'typeorm';
import { PermitKeysPerAssociation1764500000000 } from '../migrations/1764500000000-permit-keys-per-association';
import { dataSourceOptions } from '../src/database/data-source-options';
import { migrateDatabase } from '../src/database/migrate';
import { ADMIN_URL_ENV, databaseUrlFor } from './support/test-database';

/** Keys become per association without breaking a token already on a windscreen. */
describe('migration: permit signing keys per association', () => {
  const adminUrl = process.env[ADMIN_URL_ENV]!;
  const name = `hutong_keys_${process.pid}`;
  const url = databaseUrlFor(adminUrl, name);
  let admin: DataSource;
  let db: DataSource;

  beforeAll(async () => {
    admin = await new DataSource({ type: 'postgres', url: adminUrl }).initialize();
    await admin.query(`CREATE DATABASE ${name}`);
    await migrateDatabase(url);
    db = await new DataSource({ ...dataSourceOptions(url, 2) }).initialize();
  });
  afterAll(async () => {
    await db?.destroy();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.destroy();
  });

  it('retires the one shared key, keeps it for verifying, and goes back', async () => {
    const migration = new PermitKeysPerAssociation1764500000000();
    const runner = db.createQueryRunner();
    try {
      await migration.down(runner);
      // Before: one shared active key that signed the tokens in use.
      await runner.query(
        `INSERT INTO permit_signing_key (kid, public_jwk, private_key_encrypted)
         VALUES ('sHa1', '{"kty":"EC"}', 'v1.x')`,
      );
      await migration.up(runner);
      expect(
        await runner.query(`SELECT kid, association_id, state FROM permit_signing_key`),
      ).toEqual([{ kid: 'sHa1', association_id: null, state: 'retired' }]);
      // An active key needs an owner; each association may have one active key.
      await expect(
        runner.query(
          `INSERT INTO permit_signing_key (kid, public_jwk, private_key_encrypted)
           VALUES ('nOne', '{}', 'v1.x')`,
        ),
      ).rejects.toThrow(/permit_signing_key_owner_check/);
      const [association] = await runner.query(
        `INSERT INTO association (name, community, street_office) VALUES ('文昌车友会', '文昌社区', '金融街街道') RETURNING id`,
      );
      const insertActive = (kid: string) =>
        runner.query(
          `INSERT INTO permit_signing_key (kid, association_id, public_jwk, private_key_encrypted)
           VALUES ($1, $2, '{}', 'v1.x')`,
          [kid, association.id],
        );
      await insertActive('wEn1');
      await expect(insertActive('wEn2')).rejects.toThrow(/permit_signing_key_one_active/);

      await migration.down(runner);
      expect(await runner.query(`SELECT kid, state FROM permit_signing_key ORDER BY kid`)).toEqual([
        { kid: 'sHa1', state: 'retired' },
        { kid: 'wEn1', state: 'active' },
      ]);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
  });
});
