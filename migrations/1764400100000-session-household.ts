import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An occupancy session remembers the household whose registered car was checked in, so the map
 * can show a household its own car without the spaces feature reading the vehicles table. Null
 * for visiting cars. Filled from the vehicles for the sessions already recorded.
 */
export class SessionHousehold1764400100000 implements MigrationInterface {
  name = 'SessionHousehold1764400100000';

  public async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE occupancy_session ADD COLUMN household_id uuid`);
    await db.query(`
      UPDATE occupancy_session o SET household_id = v.household_id
        FROM vehicle v WHERE v.id = o.vehicle_id`);
    await db.query(`
      ALTER TABLE occupancy_session ADD CONSTRAINT occupancy_session_household_fkey
        FOREIGN KEY (household_id, association_id) REFERENCES household(id, association_id)
        ON DELETE SET NULL (household_id)`);
    await db.query(
      `CREATE INDEX occupancy_session_household_idx ON occupancy_session (household_id) WHERE household_id IS NOT NULL`,
    );
  }

  public async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX occupancy_session_household_idx`);
    await db.query(`ALTER TABLE occupancy_session DROP COLUMN household_id`);
  }
}
