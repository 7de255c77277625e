import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bookings and standing allocations keep the plate as booked (like permits do), so the ledger
 * (台账) says which car was let in even after a plate is corrected, and off-peak sharing reads
 * no other feature's table to show it.
 */
export class SharingPlatesAsBooked1764600000000 implements MigrationInterface {
  name = 'SharingPlatesAsBooked1764600000000';

  public async up(db: QueryRunner): Promise<void> {
    for (const table of ['booking', 'standing_allocation']) {
      await db.query(`ALTER TABLE ${table} ADD COLUMN plate text, ADD COLUMN plate_color text`);
      await db.query(
        `UPDATE ${table} t SET plate = v.plate, plate_color = v.plate_color
           FROM vehicle v WHERE v.id = t.vehicle_id`,
      );
      await db.query(
        `ALTER TABLE ${table} ALTER COLUMN plate SET NOT NULL, ALTER COLUMN plate_color SET NOT NULL`,
      );
    }
  }

  public async down(db: QueryRunner): Promise<void> {
    for (const table of ['standing_allocation', 'booking']) {
      await db.query(`ALTER TABLE ${table} DROP COLUMN plate_color, DROP COLUMN plate`);
    }
  }
}
