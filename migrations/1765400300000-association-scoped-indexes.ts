import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cost follows the reader's own data (issue 15.1): who is on duty, busy times and rostered
 * minutes read shift assignments by association, which had no index led by it, so every reader
 * scanned the whole district's year of assignments.
 */
export class AssociationScopedIndexes1765400300000 implements MigrationInterface {
  name = 'AssociationScopedIndexes1765400300000';

  public async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX IF NOT EXISTS shift_assignment_association_starts_idx ON shift_assignment (association_id, starts_at)`,
    );
  }

  public async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX shift_assignment_association_starts_idx`);
  }
}
