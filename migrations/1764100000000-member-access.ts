import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What makes a change of access take effect at once: a member's token version (bumped on logout,
 * deactivation, role, household or password change; access tokens and refresh sessions carry the
 * version they were issued at), refresh-token families (a spent token presented again ends its
 * family), and login failures counted per account and per address, shared by all instances.
 */
export class MemberAccess1764100000000 implements MigrationInterface {
  name = 'MemberAccess1764100000000';

  public async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE member ADD COLUMN token_version integer NOT NULL DEFAULT 0`);
    await db.query(`ALTER TABLE refresh_session ADD COLUMN family_id uuid`);
    await db.query(`ALTER TABLE refresh_session ADD COLUMN token_version integer`);
    await db.query(`UPDATE refresh_session SET family_id = id, token_version = 0`);
    await db.query(`ALTER TABLE refresh_session ALTER COLUMN family_id SET NOT NULL`);
    await db.query(`ALTER TABLE refresh_session ALTER COLUMN token_version SET NOT NULL`);
    await db.query(`CREATE INDEX refresh_session_family_idx ON refresh_session (family_id)`);
    await db.query(`CREATE INDEX refresh_session_member_idx ON refresh_session (member_id)`);
    await db.query(
      `CREATE INDEX viewer_grant_association_idx ON viewer_grant (association_id, member_id)`,
    );
    await db.query(`
      CREATE TABLE login_throttle (
        key text PRIMARY KEY,
        failures integer NOT NULL,
        window_ends_at timestamptz NOT NULL,
        blocked_until timestamptz
      )`);
  }

  public async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE login_throttle`);
    await db.query(`DROP INDEX viewer_grant_association_idx`);
    await db.query(`DROP INDEX refresh_session_member_idx`);
    await db.query(`DROP INDEX refresh_session_family_idx`);
    await db.query(`ALTER TABLE refresh_session DROP COLUMN token_version`);
    await db.query(`ALTER TABLE refresh_session DROP COLUMN family_id`);
    await db.query(`ALTER TABLE member DROP COLUMN token_version`);
  }
}
