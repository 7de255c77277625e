import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The street office (街道) as a role: its staff belong to a street, not to one association, and
 * read every association whose `street_office` is theirs. A street member has no association and
 * no household; every other member has an association and no street.
 */
export class StreetOffice1765100000000 implements MigrationInterface {
  name = 'StreetOffice1765100000000';

  public async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE member ADD COLUMN street_office text`);
    await db.query(`ALTER TABLE member ALTER COLUMN association_id DROP NOT NULL`);
    await db.query(`ALTER TABLE member DROP CONSTRAINT member_role_check`);
    await db.query(`
      ALTER TABLE member ADD CONSTRAINT member_role_check
        CHECK (role IN ('admin', 'warden', 'resident', 'unit', 'viewer', 'street'))`);
    await db.query(`
      ALTER TABLE member ADD CONSTRAINT member_street_check CHECK (
        CASE WHEN role = 'street'
          THEN street_office IS NOT NULL AND association_id IS NULL
               AND household_id IS NULL AND resident_unit_id IS NULL
          ELSE street_office IS NULL AND association_id IS NOT NULL
        END)`);
    await db.query(`CREATE INDEX association_street_office_idx ON association (street_office)`);
  }

  public async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM member WHERE role = 'street'`);
    await db.query(`DROP INDEX association_street_office_idx`);
    await db.query(`ALTER TABLE member DROP CONSTRAINT member_street_check`);
    await db.query(`ALTER TABLE member DROP CONSTRAINT member_role_check`);
    await db.query(`
      ALTER TABLE member ADD CONSTRAINT member_role_check
        CHECK (role IN ('admin', 'warden', 'resident', 'unit', 'viewer'))`);
    await db.query(`ALTER TABLE member ALTER COLUMN association_id SET NOT NULL`);
    await db.query(`ALTER TABLE member DROP COLUMN street_office`);
  }
}
