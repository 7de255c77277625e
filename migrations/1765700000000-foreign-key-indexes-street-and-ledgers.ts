import type { MigrationInterface, QueryRunner } from 'typeorm';
import { indexName } from './1765400000000-foreign-key-indexes';

/**
 * The foreign keys the lottery, the accounts, payments, landmarks, persuasion records and written
 * answers brought, indexed like every other (issue 15.1; test/foreign-key-indexes.e2e-spec.ts).
 */
const INDEXES: [table: string, columns: string][] = [
  ['allocation_draw', 'drawn_by'],
  ['allocation_draw', 'offer_id'],
  ['allocation_draw', 'published_by'],
  ['convention_comment', 'replied_by'],
  ['finance_entry', 'recorded_by'],
  ['lane_landmark', 'car_park_id'],
  ['lane_landmark', 'placed_by'],
  ['payment', 'allocation_id'],
  ['payment', 'household_id'],
  ['payment', 'permit_id'],
  ['payment', 'recorded_by'],
  ['persuasion', 'recorded_by'],
];

export class ForeignKeyIndexesStreetAndLedgers1765700000000 implements MigrationInterface {
  name = 'ForeignKeyIndexesStreetAndLedgers1765700000000';

  public async up(db: QueryRunner): Promise<void> {
    for (const [table, columns] of INDEXES) {
      await db.query(
        `CREATE INDEX IF NOT EXISTS ${indexName(table, columns)} ON ${table} (${columns})`,
      );
    }
  }

  public async down(db: QueryRunner): Promise<void> {
    for (const [table, columns] of [...INDEXES].reverse()) {
      await db.query(`DROP INDEX ${indexName(table, columns)}`);
    }
  }
}
