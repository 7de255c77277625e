import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whereabouts are kept only as long as allowed (issue 15.2): scans and occupancy sessions older
 * than the association's period (default 180 days) are removed by the retention job, unless a
 * violation of the same plate at that time keeps them. The indexes let the job find an
 * association's old rows and let refresh sessions be cleaned up and ended per member without
 * scanning all of them.
 */
export class WhereaboutsRetention1765400200000 implements MigrationInterface {
  name = 'WhereaboutsRetention1765400200000';

  public async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE association ADD COLUMN whereabouts_days integer NOT NULL DEFAULT 180,
        ADD CONSTRAINT association_whereabouts_days_check CHECK (whereabouts_days BETWEEN 30 AND 3650)`);
    await db.query(
      `CREATE INDEX occupancy_session_association_ended_idx ON occupancy_session (association_id, ended_at)`,
    );
    await db.query(`CREATE INDEX refresh_session_expires_idx ON refresh_session (expires_at)`);
    await db.query(
      `CREATE INDEX refresh_session_live_member_idx ON refresh_session (member_id) WHERE revoked_at IS NULL`,
    );
  }

  public async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX refresh_session_live_member_idx`);
    await db.query(`DROP INDEX refresh_session_expires_idx`);
    await db.query(`DROP INDEX occupancy_session_association_ended_idx`);
    await db.query(`ALTER TABLE association DROP COLUMN whereabouts_days`);
  }
}
