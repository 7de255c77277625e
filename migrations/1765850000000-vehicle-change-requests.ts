import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A resident's own change to the vehicle register (a new car, a corrected plate or colour), kept
 * as a request: pending while the convention's vehicleChangesNeedApproval makes it wait for the
 * council, `applied` when it entered the register at once, `approved` or `refused` (with the
 * council's written reason) once decided. One pending request per plate and per vehicle: a second
 * phone cannot queue the same car twice.
 */
export class VehicleChangeRequests1765850000000 implements MigrationInterface {
  name = 'VehicleChangeRequests1765850000000';

  public async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE vehicle_change (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        association_id uuid NOT NULL REFERENCES association(id) ON DELETE CASCADE,
        household_id uuid NOT NULL,
        kind text NOT NULL,
        vehicle_id uuid,
        requested_by uuid REFERENCES member(id) ON DELETE SET NULL,
        plate text NOT NULL,
        plate_color text NOT NULL,
        status text NOT NULL DEFAULT 'pending',
        decided_by uuid REFERENCES member(id) ON DELETE SET NULL,
        decision_note text,
        decided_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT vehicle_change_household_fkey FOREIGN KEY (household_id, association_id)
          REFERENCES household(id, association_id) ON DELETE CASCADE,
        CONSTRAINT vehicle_change_vehicle_fkey FOREIGN KEY (vehicle_id, association_id)
          REFERENCES vehicle(id, association_id) ON DELETE CASCADE,
        CONSTRAINT vehicle_change_kind_check CHECK (kind IN ('add', 'edit')),
        CONSTRAINT vehicle_change_edit_check CHECK (kind = 'add' OR vehicle_id IS NOT NULL),
        CONSTRAINT vehicle_change_status_check
          CHECK (status IN ('pending', 'applied', 'approved', 'refused')),
        CONSTRAINT vehicle_change_plate_color_check
          CHECK (plate_color IN ('blue', 'yellow', 'green', 'white', 'black')),
        CONSTRAINT vehicle_change_decided_check CHECK ((status = 'pending') = (decided_at IS NULL)),
        CONSTRAINT vehicle_change_refusal_check
          CHECK (status <> 'refused' OR length(btrim(decision_note)) > 0),
        CONSTRAINT vehicle_change_note_check CHECK (length(decision_note) <= 500)
      )`);
    await db.query(
      `CREATE UNIQUE INDEX vehicle_change_pending_plate_key ON vehicle_change (association_id, plate)
        WHERE status = 'pending'`,
    );
    await db.query(
      `CREATE UNIQUE INDEX vehicle_change_pending_vehicle_key ON vehicle_change (vehicle_id)
        WHERE status = 'pending'`,
    );
    await db.query(
      `CREATE INDEX vehicle_change_household_idx ON vehicle_change (household_id, created_at)`,
    );
    await db.query(`CREATE INDEX vehicle_change_vehicle_idx ON vehicle_change (vehicle_id)`);
    await db.query(`CREATE INDEX vehicle_change_requested_by_idx ON vehicle_change (requested_by)`);
    await db.query(`CREATE INDEX vehicle_change_decided_by_idx ON vehicle_change (decided_by)`);
    await db.query(
      `CREATE INDEX vehicle_change_association_idx ON vehicle_change (association_id, status, created_at)`,
    );
  }

  public async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE vehicle_change`);
  }
}
