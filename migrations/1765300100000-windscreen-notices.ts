import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Any car can be asked to move (issue 17.3): a plate the association does not know gets a
 * windscreen notice (挪车提示) instead of a relay to a holder. Its public page is reached by a
 * token whose hash alone is kept; the driver answers there and stays unknown.
 */
export class WindscreenNotices1765300100000 implements MigrationInterface {
  name = 'WindscreenNotices1765300100000';

  public async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE move_request ALTER COLUMN permit_id DROP NOT NULL`);
    await db.query(`ALTER TABLE move_request ALTER COLUMN holder_member_id DROP NOT NULL`);
    await db.query(`
      ALTER TABLE move_request
        ADD COLUMN plate text,
        ADD COLUMN notice_token_hash text,
        ADD COLUMN notice_expires_at timestamptz,
        ADD CONSTRAINT move_request_target_check CHECK (
          (permit_id IS NOT NULL AND holder_member_id IS NOT NULL AND notice_token_hash IS NULL)
          OR (permit_id IS NULL AND holder_member_id IS NULL AND plate IS NOT NULL
              AND notice_token_hash IS NOT NULL AND notice_expires_at IS NOT NULL)),
        ADD CONSTRAINT move_request_notice_token_key UNIQUE (notice_token_hash)`);
    await db.query(`CREATE INDEX move_request_asker_idx ON move_request (asked_by, asked_at)`);
  }

  public async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM move_request WHERE permit_id IS NULL`);
    await db.query(`DROP INDEX move_request_asker_idx`);
    await db.query(`
      ALTER TABLE move_request
        DROP CONSTRAINT move_request_target_check,
        DROP CONSTRAINT move_request_notice_token_key,
        DROP COLUMN plate,
        DROP COLUMN notice_token_hash,
        DROP COLUMN notice_expires_at`);
    await db.query(`ALTER TABLE move_request ALTER COLUMN permit_id SET NOT NULL`);
    await db.query(`ALTER TABLE move_request ALTER COLUMN holder_member_id SET NOT NULL`);
  }
}
