import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Eligibility as data and fair admission (issue 13):
 * - a household is registered in a lane (`household.lane_id`); one of an association with a
 *   single lane is registered in it unless said otherwise (trigger), as every lane of the demo is;
 * - a vehicle carries the owner's name on its 行驶证 as the council imported it, and the member
 *   of its household that name matched (null: not checked, or nobody of the household);
 * - an offer states who may take it beyond its associations: lanes, a licence owner of the
 *   household, plate colours (empty: no such condition);
 * - a registration may stand in a priority tier of the convention (set by the council), and
 *   counts the periods it has held a place (rotation, 轮换);
 * - a draw records its groups (tier by tier, those who did not hold before those who did),
 *   and whether it is a rotation's redraw with the period it admits for.
 */
export class EligibilityAndFairAdmission1765860000000 implements MigrationInterface {
  name = 'EligibilityAndFairAdmission1765860000000';

  public async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE household ADD COLUMN lane_id uuid,
        ADD CONSTRAINT household_lane_fkey FOREIGN KEY (lane_id, association_id)
          REFERENCES lane(id, association_id) ON DELETE SET NULL (lane_id)`);
    await db.query(`CREATE INDEX household_lane_idx ON household (lane_id)`);
    await db.query(`
      CREATE FUNCTION household_only_lane() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.lane_id IS NULL THEN
          NEW.lane_id := (SELECT min(id::text)::uuid FROM lane
                           WHERE association_id = NEW.association_id HAVING count(*) = 1);
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER household_only_lane BEFORE INSERT ON household
        FOR EACH ROW EXECUTE FUNCTION household_only_lane()`);
    await db.query(`
      UPDATE household h SET lane_id = l.id FROM lane l
       WHERE l.association_id = h.association_id
         AND (SELECT count(*) FROM lane x WHERE x.association_id = h.association_id) = 1`);

    await db.query(`
      ALTER TABLE vehicle ADD COLUMN licence_owner_name text,
        ADD COLUMN licence_owner_member_id uuid,
        ADD COLUMN licence_checked_at timestamptz,
        ADD CONSTRAINT vehicle_licence_owner_fkey FOREIGN KEY (licence_owner_member_id, association_id)
          REFERENCES member(id, association_id) ON DELETE SET NULL (licence_owner_member_id),
        ADD CONSTRAINT vehicle_licence_owner_name_check
          CHECK (licence_owner_name IS NULL OR char_length(licence_owner_name) BETWEEN 1 AND 60),
        ADD CONSTRAINT vehicle_licence_checked_check
          CHECK ((licence_owner_name IS NULL) = (licence_checked_at IS NULL))`);
    await db.query(
      `CREATE INDEX vehicle_licence_owner_idx ON vehicle (licence_owner_member_id)
        WHERE licence_owner_member_id IS NOT NULL`,
    );

    await db.query(`
      ALTER TABLE off_peak_offer
        ADD COLUMN eligible_lane_ids uuid[] NOT NULL DEFAULT '{}',
        ADD COLUMN requires_licence_owner boolean NOT NULL DEFAULT false,
        ADD COLUMN eligible_plate_colors text[] NOT NULL DEFAULT '{}',
        ADD CONSTRAINT off_peak_offer_plate_colors_check
          CHECK (eligible_plate_colors <@ ARRAY['blue', 'yellow', 'green', 'white', 'black']),
        ADD CONSTRAINT off_peak_offer_lanes_check CHECK (cardinality(eligible_lane_ids) <= 50)`);

    await db.query(`
      ALTER TABLE standing_allocation
        ADD COLUMN priority_tier text,
        ADD COLUMN priority_set_by uuid REFERENCES member(id) ON DELETE SET NULL,
        ADD COLUMN priority_set_at timestamptz,
        ADD COLUMN periods_held integer NOT NULL DEFAULT 0,
        ADD CONSTRAINT standing_allocation_priority_tier_check
          CHECK (priority_tier IS NULL OR priority_tier ~ '^[a-z][a-z0-9_]{0,31}$'),
        ADD CONSTRAINT standing_allocation_periods_held_check CHECK (periods_held >= 0)`);
    await db.query(
      `CREATE INDEX standing_allocation_priority_set_by_idx ON standing_allocation (priority_set_by)
        WHERE priority_set_by IS NOT NULL`,
    );

    await db.query(`
      ALTER TABLE allocation_draw
        ADD COLUMN kind text NOT NULL DEFAULT 'admission',
        ADD COLUMN groups jsonb NOT NULL DEFAULT '[]'::jsonb,
        ADD COLUMN period_months integer,
        ADD CONSTRAINT allocation_draw_kind_check CHECK (kind IN ('admission', 'rotation')),
        ADD CONSTRAINT allocation_draw_groups_check CHECK (jsonb_typeof(groups) = 'array'),
        ADD CONSTRAINT allocation_draw_period_check
          CHECK ((kind = 'rotation') = (period_months IS NOT NULL) AND (period_months IS NULL OR period_months BETWEEN 1 AND 24))`);
  }

  public async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE allocation_draw DROP COLUMN period_months, DROP COLUMN groups, DROP COLUMN kind`);
    await db.query(`
      ALTER TABLE standing_allocation DROP COLUMN periods_held, DROP COLUMN priority_set_at,
        DROP COLUMN priority_set_by, DROP COLUMN priority_tier`);
    await db.query(`
      ALTER TABLE off_peak_offer DROP COLUMN eligible_plate_colors,
        DROP COLUMN requires_licence_owner, DROP COLUMN eligible_lane_ids`);
    await db.query(`
      ALTER TABLE vehicle DROP COLUMN licence_checked_at, DROP COLUMN licence_owner_member_id,
        DROP COLUMN licence_owner_name`);
    await db.query(`DROP TRIGGER household_only_lane ON household`);
    await db.query(`DROP FUNCTION household_only_lane()`);
    await db.query(`ALTER TABLE household DROP COLUMN lane_id`);
  }
}
