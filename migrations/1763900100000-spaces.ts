import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Self-made spaces, the lane's segments (width and fire-lane clear passage), neighbour consent,
 * restriction windows and occupancy sessions. The rules that must hold under concurrency are
 * constraints here: one open session per space, one per plate, no two painted spaces overlapping.
 */
export class Spaces1763900100000 implements MigrationInterface {
  name = 'Spaces1763900100000';

  public async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    // The live map's per-lane sequence: bumped in the same transaction as every change of the
    // lane's spaces, so all instances agree on the order and clients can detect a gap.
    await db.query(`ALTER TABLE lane ADD COLUMN live_seq bigint NOT NULL DEFAULT 0`);
    await db.query(`
      CREATE TABLE lane_segment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        lane_id uuid NOT NULL REFERENCES lane(id) ON DELETE CASCADE,
        from_m numeric(8,2) NOT NULL,
        to_m numeric(8,2) NOT NULL,
        width_m numeric(5,2) NOT NULL,
        clear_passage_m numeric(5,2) NOT NULL,
        CONSTRAINT lane_segment_range_check CHECK (from_m >= 0 AND to_m > from_m),
        CONSTRAINT lane_segment_width_check CHECK (width_m > 0 AND clear_passage_m > 0),
        CONSTRAINT lane_segment_no_overlap EXCLUDE USING gist
          (lane_id WITH =, numrange(from_m, to_m) WITH &&)
      )`);
    await db.query(`
      CREATE TABLE space (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        association_id uuid NOT NULL,
        lane_id uuid NOT NULL,
        code text NOT NULL,
        x numeric(8,2) NOT NULL,
        y numeric(8,2) NOT NULL,
        angle numeric(6,2) NOT NULL DEFAULT 0,
        chainage_from numeric(8,2) NOT NULL,
        chainage_to numeric(8,2) NOT NULL,
        side smallint NOT NULL,
        size_class text NOT NULL DEFAULT 'standard',
        kind text NOT NULL DEFAULT 'self_made',
        household_id uuid,
        availability text NOT NULL DEFAULT 'open',
        closed_reason text,
        objection_until timestamptz,
        consent text NOT NULL DEFAULT 'pending',
        sticker_token text NOT NULL DEFAULT replace(gen_random_uuid()::text, '-', ''),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT space_code_key UNIQUE (lane_id, code),
        CONSTRAINT space_id_association_key UNIQUE (id, association_id),
        CONSTRAINT space_lane_fkey FOREIGN KEY (lane_id, association_id)
          REFERENCES lane(id, association_id) ON DELETE CASCADE,
        CONSTRAINT space_household_fkey FOREIGN KEY (household_id, association_id)
          REFERENCES household(id, association_id) ON DELETE SET NULL (household_id),
        CONSTRAINT space_code_check CHECK (code ~ '^[A-Z0-9][A-Z0-9-]{0,15}$'),
        CONSTRAINT space_size_class_check CHECK (size_class IN ('small', 'standard', 'large')),
        CONSTRAINT space_kind_check CHECK (kind IN ('self_made', 'shared')),
        CONSTRAINT space_availability_check CHECK (availability IN ('open', 'reserved', 'closed')),
        CONSTRAINT space_consent_check CHECK (consent IN ('pending', 'approved', 'rejected')),
        CONSTRAINT space_side_check CHECK (side IN (-1, 1)),
        CONSTRAINT space_chainage_check CHECK (chainage_to > chainage_from),
        -- Two painted spaces on the same side of a lane never overlap.
        CONSTRAINT space_no_overlap EXCLUDE USING gist
          (lane_id WITH =, side WITH =, numrange(chainage_from, chainage_to) WITH &&)
          WHERE (consent <> 'rejected')
      )`);
    await db.query(`CREATE INDEX space_association_idx ON space (association_id)`);
    await db.query(`
      CREATE TABLE space_facing_household (
        space_id uuid NOT NULL REFERENCES space(id) ON DELETE CASCADE,
        household_id uuid NOT NULL REFERENCES household(id) ON DELETE CASCADE,
        PRIMARY KEY (space_id, household_id)
      )`);
    await db.query(`
      CREATE TABLE space_objection (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        space_id uuid NOT NULL REFERENCES space(id) ON DELETE CASCADE,
        household_id uuid NOT NULL REFERENCES household(id) ON DELETE CASCADE,
        raised_by uuid NOT NULL REFERENCES member(id),
        reason text NOT NULL,
        raised_at timestamptz NOT NULL DEFAULT now(),
        decision text,
        decision_reason text,
        decided_by uuid REFERENCES member(id),
        decided_at timestamptz,
        CONSTRAINT space_objection_once_key UNIQUE (space_id, household_id),
        CONSTRAINT space_objection_decision_check
          CHECK (decision IS NULL OR decision IN ('upheld', 'dismissed')),
        CONSTRAINT space_objection_decided_check
          CHECK ((decision IS NULL) = (decided_at IS NULL) AND (decision IS NULL OR decision_reason IS NOT NULL))
      )`);
    await db.query(`
      CREATE TABLE space_restriction (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        space_id uuid NOT NULL REFERENCES space(id) ON DELETE CASCADE,
        from_time time NOT NULL,
        to_time time NOT NULL,
        days smallint[],
        reason text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT space_restriction_window_check CHECK (from_time <> to_time),
        CONSTRAINT space_restriction_days_check CHECK (days IS NULL OR days <@ '{1,2,3,4,5,6,7}'::smallint[])
      )`);
    await db.query(`CREATE INDEX space_restriction_space_idx ON space_restriction (space_id)`);
    await db.query(`
      CREATE TABLE occupancy_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        association_id uuid NOT NULL,
        lane_id uuid NOT NULL REFERENCES lane(id) ON DELETE CASCADE,
        space_id uuid NOT NULL,
        vehicle_id uuid,
        plate text NOT NULL,
        source text NOT NULL,
        started_at timestamptz NOT NULL,
        ended_at timestamptz,
        checked_in_by uuid NOT NULL REFERENCES member(id),
        checked_out_by uuid REFERENCES member(id),
        CONSTRAINT occupancy_session_space_fkey FOREIGN KEY (space_id, association_id)
          REFERENCES space(id, association_id) ON DELETE CASCADE,
        CONSTRAINT occupancy_session_vehicle_fkey FOREIGN KEY (vehicle_id, association_id)
          REFERENCES vehicle(id, association_id) ON DELETE SET NULL (vehicle_id),
        CONSTRAINT occupancy_session_source_check CHECK (source IN ('warden', 'sticker')),
        CONSTRAINT occupancy_session_plate_check CHECK (char_length(plate) BETWEEN 7 AND 8),
        CONSTRAINT occupancy_session_period_check CHECK (ended_at IS NULL OR ended_at >= started_at)
      )`);
    // One vehicle per space and one space per vehicle at a time: the database decides the race.
    await db.query(
      `CREATE UNIQUE INDEX occupancy_session_open_space_key ON occupancy_session (space_id) WHERE ended_at IS NULL`,
    );
    await db.query(
      `CREATE UNIQUE INDEX occupancy_session_open_plate_key ON occupancy_session (association_id, plate) WHERE ended_at IS NULL`,
    );
    await db.query(
      `CREATE INDEX occupancy_session_lane_started_idx ON occupancy_session (lane_id, started_at)`,
    );
  }

  public async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'occupancy_session',
      'space_restriction',
      'space_objection',
      'space_facing_household',
      'space',
      'lane_segment',
    ]) {
      await db.query(`DROP TABLE ${table}`);
    }
    await db.query(`ALTER TABLE lane DROP COLUMN live_seq`);
  }
}
