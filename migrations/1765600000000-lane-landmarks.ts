import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The lane as residents and wardens name it (issue 12): door numbers, the fire hydrant, the
 * entrances, the refuse point, landmarks the council places (the old locust tree), and where to
 * walk to a shared car park. Each is a point on the lane's schematic (metres, as spaces are),
 * with its chainage and side worked out when it is placed, so the folded map can draw it.
 * A car park pointer names a car park of the same association (composite key), with the walk.
 */
export class LaneLandmarks1765600000000 implements MigrationInterface {
  name = 'LaneLandmarks1765600000000';

  public async up(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE car_park ADD CONSTRAINT car_park_id_association_key UNIQUE (id, association_id)`,
    );
    await db.query(`
      CREATE TABLE lane_landmark (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        association_id uuid NOT NULL,
        lane_id uuid NOT NULL,
        kind text NOT NULL,
        label text NOT NULL,
        x numeric(8,2) NOT NULL,
        y numeric(8,2) NOT NULL,
        chainage numeric(8,2) NOT NULL,
        side smallint NOT NULL,
        car_park_id uuid,
        directions text NOT NULL DEFAULT '',
        walk_minutes integer,
        placed_by uuid REFERENCES member(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT lane_landmark_lane_fkey FOREIGN KEY (lane_id, association_id)
          REFERENCES lane(id, association_id) ON DELETE CASCADE,
        CONSTRAINT lane_landmark_car_park_fkey FOREIGN KEY (car_park_id, association_id)
          REFERENCES car_park(id, association_id) ON DELETE CASCADE,
        CONSTRAINT lane_landmark_kind_check
          CHECK (kind IN ('door', 'hydrant', 'entrance', 'refuse', 'landmark', 'car_park')),
        CONSTRAINT lane_landmark_car_park_check CHECK ((kind = 'car_park') = (car_park_id IS NOT NULL)),
        CONSTRAINT lane_landmark_label_check CHECK (length(btrim(label)) BETWEEN 1 AND 40),
        CONSTRAINT lane_landmark_directions_check CHECK (length(directions) <= 200),
        CONSTRAINT lane_landmark_walk_check CHECK (walk_minutes BETWEEN 1 AND 60),
        CONSTRAINT lane_landmark_side_check CHECK (side IN (-1, 0, 1)),
        CONSTRAINT lane_landmark_chainage_check CHECK (chainage >= 0)
      )`);
    // One "12号" per lane: a door number names one door.
    await db.query(
      `CREATE UNIQUE INDEX lane_landmark_door_key ON lane_landmark (lane_id, label) WHERE kind = 'door'`,
    );
    await db.query(`CREATE INDEX lane_landmark_lane_idx ON lane_landmark (lane_id, chainage)`);
  }

  public async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE lane_landmark`);
    await db.query(`ALTER TABLE car_park DROP CONSTRAINT car_park_id_association_key`);
  }
}
