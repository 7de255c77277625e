import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Warn before a restriction (issue 17.4): a household whose car is parked is reminded once, 30
 * minutes before a restriction of its space starts. The start it was reminded of is kept on the
 * session, so several instances never remind twice and the next day's window reminds again.
 */
export class RestrictionReminders1765300300000 implements MigrationInterface {
  name = 'RestrictionReminders1765300300000';

  public async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE occupancy_session ADD COLUMN restriction_reminded_for timestamptz`);
  }

  public async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE occupancy_session DROP COLUMN restriction_reminded_for`);
  }
}
