import type { MigrationInterface, QueryRunner } from 'typeorm';

// Each association signs its permits with its own key, and its council rotates only that key.
// The one shared key of before is retired, not removed: the tokens it signed keep verifying
// (it stays in the JWKS), and each association gets a key of its own when it next signs.
export class PermitKeysPerAssociation1764500000000 implements MigrationInterface {
  name = 'PermitKeysPerAssociation1764500000000';

  public async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE permit_signing_key
        ADD COLUMN association_id uuid REFERENCES association(id) ON DELETE CASCADE`);
    await db.query(
      `CREATE INDEX permit_signing_key_association_idx ON permit_signing_key (association_id)`,
    );
    await db.query(`DROP INDEX permit_signing_key_one_active`);
    await db.query(
      `UPDATE permit_signing_key SET state = 'retired', retired_at = now() WHERE state = 'active'`,
    );
    await db.query(`
      ALTER TABLE permit_signing_key ADD CONSTRAINT permit_signing_key_owner_check
        CHECK (state = 'retired' OR association_id IS NOT NULL)`);
    // One key signs at a time per association; instances signing at once race here, one wins.
    await db.query(`
      CREATE UNIQUE INDEX permit_signing_key_one_active
        ON permit_signing_key (association_id) WHERE state = 'active'`);
  }

  public async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX permit_signing_key_one_active`);
    await db.query(`ALTER TABLE permit_signing_key DROP CONSTRAINT permit_signing_key_owner_check`);
    // Back to one shared key: the newest signs, every other one only verifies.
    await db.query(`
      UPDATE permit_signing_key SET state = 'retired', retired_at = coalesce(retired_at, now())
       WHERE state = 'active'`);
    await db.query(`
      UPDATE permit_signing_key SET state = 'active', retired_at = NULL
       WHERE kid = (SELECT kid FROM permit_signing_key ORDER BY created_at DESC LIMIT 1)`);
    await db.query(`DROP INDEX permit_signing_key_association_idx`);
    await db.query(`ALTER TABLE permit_signing_key DROP COLUMN association_id`);
    await db.query(`
      CREATE UNIQUE INDEX permit_signing_key_one_active
        ON permit_signing_key (state) WHERE state = 'active'`);
  }
}
