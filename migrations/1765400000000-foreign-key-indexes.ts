import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every foreign key gets an index led by its referencing column (issue 15.1): without one,
 * deleting or re-keying the referenced row makes PostgreSQL scan the whole referencing table
 * (deleting one vehicle checked 2,000,000 scans), and joins on the key scan the table too.
 * Composite keys `(x_id, association_id)` are served by an index on `x_id` alone: it already
 * finds a handful of rows. A few indexes carry a second column their readers sort or range by.
 * `test/foreign-key-indexes.e2e-spec.ts` fails when a migration adds a key without one.
 */
const INDEXES: [table: string, columns: string][] = [
  ['member', 'association_id'],
  ['member', 'resident_unit_id'],
  ['vehicle', 'owner_member_id'],
  ['space', 'household_id'],
  ['space_facing_household', 'household_id'],
  ['space_objection', 'household_id'],
  ['space_objection', 'raised_by'],
  ['space_objection', 'decided_by'],
  ['occupancy_session', 'space_id, started_at'],
  ['occupancy_session', 'vehicle_id'],
  ['occupancy_session', 'checked_in_by'],
  ['occupancy_session', 'checked_out_by'],
  ['permit', 'vehicle_id'],
  ['permit', 'lane_id'],
  ['permit', 'token_kid'],
  ['permit_event', 'actor_member_id'],
  ['permit_scan', 'permit_id, scanned_at'],
  ['move_request', 'association_id'],
  ['move_request', 'permit_id'],
  ['move_request', 'asked_by'],
  ['off_peak_offer', 'association_id'],
  ['off_peak_offer', 'resident_unit_id'],
  ['off_peak_offer_space', 'space_id'],
  ['booking', 'car_park_id, night'],
  ['booking', 'household_id'],
  ['booking', 'vehicle_id'],
  ['booking', 'space_id'],
  ['standing_allocation', 'offer_id'],
  ['standing_allocation', 'household_id'],
  ['standing_allocation', 'member_id'],
  ['standing_allocation', 'vehicle_id'],
  ['standing_allocation', 'space_id'],
  ['sharing_overstay', 'association_id'],
  ['sharing_overstay', 'car_park_id'],
  ['shift_swap', 'shift_id'],
  ['shift_swap', 'offered_by'],
  ['shift_swap', 'taken_by'],
  ['shift_swap', 'decided_by'],
  ['handover_note', 'shift_id'],
  ['handover_note', 'author_id'],
  ['convention_version', 'amends_version_id'],
  ['convention_version', 'drafted_by'],
  ['convention_comment', 'member_id'],
  ['convention_vote', 'household_id'],
  ['convention_vote', 'cast_by'],
  ['convention_acknowledgement', 'member_id'],
  ['violation', 'version_id'],
  ['violation', 'vehicle_id'],
  ['violation', 'recorded_by'],
  ['violation', 'appeal_decided_by'],
];

export const indexName = (table: string, columns: string) =>
  `${table}_${columns.split(',')[0]!.trim()}_fk_idx`;

export class ForeignKeyIndexes1765400000000 implements MigrationInterface {
  name = 'ForeignKeyIndexes1765400000000';

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
