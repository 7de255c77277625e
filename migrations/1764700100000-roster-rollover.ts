import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The rolling roster's job row per association: when it next rolls the roster on. Instances
 * claim due rows with FOR UPDATE SKIP LOCKED, so each roll runs once however many instances run,
 * and a restart picks up where the rows say.
 */
export class RosterRollover1764700100000 implements MigrationInterface {
  name = 'RosterRollover1764700100000';

  public async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE roster_rollover (
        association_id uuid PRIMARY KEY REFERENCES association(id) ON DELETE CASCADE,
        next_run_at timestamptz NOT NULL DEFAULT now(),
        last_run_at timestamptz,
        generated_until timestamptz,
        last_shifts integer NOT NULL DEFAULT 0
      )`);
  }

  public async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE roster_rollover`);
  }
}
