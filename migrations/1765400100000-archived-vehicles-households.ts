import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * History is kept (issue 15.2): a vehicle or household the council removes is archived
 * (`archived_at`), not deleted, so its permits, scans, occupancy sessions, bookings and violations
 * stay in the ledgers. The keys from history to them no longer cascade or forget (ON DELETE NO
 * ACTION): a hard delete with history is refused by PostgreSQL. Deleting a whole association still
 * works, because both ends go in the same cascading statement. A plate or an address is unique
 * among the rows that are not archived, so a re-registered car or a new household can take it.
 */
const HISTORY_KEYS: [table: string, name: string, key: string, before: string][] = [
  ['vehicle', 'vehicle_household_fkey', 'household_id, association_id', 'CASCADE'],
  ['permit', 'permit_vehicle_fkey', 'vehicle_id, association_id', 'CASCADE'],
  ['permit', 'permit_household_fkey', 'household_id, association_id', 'CASCADE'],
  ['booking', 'booking_vehicle_fkey', 'vehicle_id, association_id', 'CASCADE'],
  ['booking', 'booking_household_fkey', 'household_id, association_id', 'CASCADE'],
  [
    'standing_allocation',
    'standing_allocation_vehicle_fkey',
    'vehicle_id, association_id',
    'CASCADE',
  ],
  [
    'standing_allocation',
    'standing_allocation_household_fkey',
    'household_id, association_id',
    'CASCADE',
  ],
  [
    'occupancy_session',
    'occupancy_session_vehicle_fkey',
    'vehicle_id, association_id',
    'SET NULL (vehicle_id)',
  ],
  [
    'occupancy_session',
    'occupancy_session_household_fkey',
    'household_id, association_id',
    'SET NULL (household_id)',
  ],
];
/** Plain single-column keys of violation. */
const VIOLATION_KEYS: [name: string, column: string, references: string][] = [
  ['violation_vehicle_id_fkey', 'vehicle_id', 'vehicle(id)'],
  ['violation_household_id_fkey', 'household_id', 'household(id)'],
];

export class ArchivedVehiclesHouseholds1765400100000 implements MigrationInterface {
  name = 'ArchivedVehiclesHouseholds1765400100000';

  public async up(db: QueryRunner): Promise<void> {
    for (const table of ['vehicle', 'household']) {
      await db.query(`ALTER TABLE ${table} ADD COLUMN archived_at timestamptz`);
    }
    await db.query(`ALTER TABLE vehicle DROP CONSTRAINT vehicle_plate_key`);
    await db.query(
      `CREATE UNIQUE INDEX vehicle_plate_key ON vehicle (association_id, plate) WHERE archived_at IS NULL`,
    );
    await db.query(`ALTER TABLE household DROP CONSTRAINT household_address_key`);
    await db.query(
      `CREATE UNIQUE INDEX household_address_key ON household (association_id, address) WHERE archived_at IS NULL`,
    );
    // The unique keys were also the association's foreign-key index; archived rows need one too.
    for (const table of ['vehicle', 'household']) {
      await db.query(`CREATE INDEX ${table}_association_idx ON ${table} (association_id)`);
    }
    for (const [table, name, key] of HISTORY_KEYS) {
      await this.rekey(db, table, name, key, key.startsWith('vehicle') ? 'vehicle' : 'household');
    }
    for (const [name, column, references] of VIOLATION_KEYS) {
      await db.query(`ALTER TABLE violation DROP CONSTRAINT ${name},
        ADD CONSTRAINT ${name} FOREIGN KEY (${column}) REFERENCES ${references}`);
    }
  }

  public async down(db: QueryRunner): Promise<void> {
    for (const [name, column, references] of VIOLATION_KEYS) {
      await db.query(`ALTER TABLE violation DROP CONSTRAINT ${name},
        ADD CONSTRAINT ${name} FOREIGN KEY (${column}) REFERENCES ${references} ON DELETE SET NULL`);
    }
    for (const [table, name, key, before] of HISTORY_KEYS) {
      const target = key.startsWith('vehicle') ? 'vehicle' : 'household';
      await this.rekey(db, table, name, key, target, `ON DELETE ${before}`);
    }
    for (const table of ['vehicle', 'household']) {
      await db.query(`DROP INDEX ${table}_association_idx`);
    }
    // Archived rows had no place in the old schema: they were deleted.
    await db.query(`DELETE FROM vehicle WHERE archived_at IS NOT NULL`);
    await db.query(`DELETE FROM household WHERE archived_at IS NOT NULL`);
    await db.query(`DROP INDEX household_address_key`);
    await db.query(
      `ALTER TABLE household ADD CONSTRAINT household_address_key UNIQUE (association_id, address)`,
    );
    await db.query(`DROP INDEX vehicle_plate_key`);
    await db.query(
      `ALTER TABLE vehicle ADD CONSTRAINT vehicle_plate_key UNIQUE (association_id, plate)`,
    );
    for (const table of ['household', 'vehicle']) {
      await db.query(`ALTER TABLE ${table} DROP COLUMN archived_at`);
    }
  }

  private async rekey(
    db: QueryRunner,
    table: string,
    name: string,
    key: string,
    target: string,
    onDelete = '',
  ): Promise<void> {
    await db.query(`ALTER TABLE ${table} DROP CONSTRAINT ${name},
      ADD CONSTRAINT ${name} FOREIGN KEY (${key}) REFERENCES ${target}(id, association_id) ${onDelete}`);
  }
}
