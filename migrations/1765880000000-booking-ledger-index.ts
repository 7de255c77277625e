import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The booking ledger (预约台账) of a car park is read night by night in batches; without an
 * index on (car_park_id, night) each batch scanned every booking of the car park again.
 */
export class BookingLedgerIndex1765880000000 implements MigrationInterface {
  name = 'BookingLedgerIndex1765880000000';

  public async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX booking_car_park_night_idx ON booking (car_park_id, night)`);
  }

  public async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX booking_car_park_night_idx`);
  }
}
