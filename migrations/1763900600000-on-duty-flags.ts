import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whether the warden who recorded a scan, a check-in or a violation was signed in on a shift at the time
 * (issue 6: "scans, check-ins and violations record whether their warden was on duty").
 * Null where no warden recorded it (a resident checking their own car in at the QR sticker, a
 * council member) and on rows from before this migration.
 */
export class OnDutyFlags1763900600000 implements MigrationInterface {
  name = 'OnDutyFlags1763900600000';

  public async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE permit_scan ADD COLUMN recorder_on_duty boolean`);
    await db.query(`ALTER TABLE occupancy_session ADD COLUMN recorder_on_duty boolean`);
    await db.query(`ALTER TABLE violation ADD COLUMN recorder_on_duty boolean`);
  }

  public async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE violation DROP COLUMN recorder_on_duty`);
    await db.query(`ALTER TABLE occupancy_session DROP COLUMN recorder_on_duty`);
    await db.query(`ALTER TABLE permit_scan DROP COLUMN recorder_on_duty`);
  }
}
