import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Red-armband duty rosters (值班表): shift templates, duty shifts, who is on them, swaps,
 * handover notes (交接班), declared unavailability and per-person calendar feeds.
 */
export class Rosters1763900400000 implements MigrationInterface {
  name = 'Rosters1763900400000';

  public async up(db: QueryRunner): Promise<void> {
    // btree_gist lets one exclusion constraint combine "same member" (=) with "overlapping" (&&).
    await db.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await db.query(`
      CREATE TABLE shift_template (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        association_id uuid NOT NULL REFERENCES association(id) ON DELETE CASCADE,
        name text NOT NULL,
        kind text NOT NULL,
        start_minute integer NOT NULL,
        duration_minutes integer NOT NULL,
        weekdays integer[] NOT NULL DEFAULT '{1,2,3,4,5,6,7}',
        min_on_duty integer NOT NULL DEFAULT 1,
        lane_ids uuid[] NOT NULL DEFAULT '{}',
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT shift_template_kind_check CHECK (kind IN ('warden', 'volunteer')),
        CONSTRAINT shift_template_start_check CHECK (start_minute BETWEEN 0 AND 1439),
        CONSTRAINT shift_template_duration_check CHECK (duration_minutes BETWEEN 15 AND 1440),
        CONSTRAINT shift_template_weekdays_check
          CHECK (cardinality(weekdays) > 0 AND weekdays <@ '{1,2,3,4,5,6,7}'::integer[]),
        CONSTRAINT shift_template_min_check CHECK (min_on_duty BETWEEN 1 AND 20),
        CONSTRAINT shift_template_name_key UNIQUE (association_id, name),
        CONSTRAINT shift_template_id_association_key UNIQUE (id, association_id)
      )`);
    await db.query(`
      CREATE TABLE duty_shift (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        association_id uuid NOT NULL REFERENCES association(id) ON DELETE CASCADE,
        template_id uuid,
        kind text NOT NULL,
        name text NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        min_on_duty integer NOT NULL DEFAULT 1,
        lane_ids uuid[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT duty_shift_kind_check CHECK (kind IN ('warden', 'volunteer')),
        CONSTRAINT duty_shift_range_check
          CHECK (ends_at > starts_at AND ends_at - starts_at <= interval '24 hours'),
        CONSTRAINT duty_shift_min_check CHECK (min_on_duty BETWEEN 1 AND 20),
        CONSTRAINT duty_shift_template_fkey FOREIGN KEY (template_id, association_id)
          REFERENCES shift_template(id, association_id) ON DELETE SET NULL (template_id),
        CONSTRAINT duty_shift_template_start_key UNIQUE (template_id, starts_at),
        CONSTRAINT duty_shift_id_association_key UNIQUE (id, association_id)
      )`);
    await db.query(
      `CREATE INDEX duty_shift_period_idx ON duty_shift USING gist (association_id, tstzrange(starts_at, ends_at))`,
    );
    await db.query(`
      CREATE TABLE shift_assignment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        association_id uuid NOT NULL,
        shift_id uuid NOT NULL,
        member_id uuid NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        during tstzrange GENERATED ALWAYS AS (tstzrange(starts_at, ends_at, '[)')) STORED,
        signed_in_at timestamptz,
        signed_out_at timestamptz,
        late boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT shift_assignment_shift_fkey FOREIGN KEY (shift_id, association_id)
          REFERENCES duty_shift(id, association_id) ON DELETE CASCADE,
        CONSTRAINT shift_assignment_member_fkey FOREIGN KEY (member_id, association_id)
          REFERENCES member(id, association_id) ON DELETE CASCADE,
        CONSTRAINT shift_assignment_shift_member_key UNIQUE (shift_id, member_id),
        CONSTRAINT shift_assignment_sign_out_check
          CHECK (signed_out_at IS NULL OR (signed_in_at IS NOT NULL AND signed_out_at >= signed_in_at)),
        CONSTRAINT shift_assignment_no_overlap EXCLUDE USING gist (member_id WITH =, during WITH &&)
      )`);
    await db.query(`CREATE INDEX shift_assignment_shift_idx ON shift_assignment (shift_id)`);
    // The assignment carries its shift's times so the exclusion constraint can see them; the
    // database copies them, so they can never disagree with the shift.
    await db.query(`
      CREATE FUNCTION shift_assignment_copy_times() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT s.starts_at, s.ends_at INTO NEW.starts_at, NEW.ends_at
          FROM duty_shift s WHERE s.id = NEW.shift_id;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER shift_assignment_copy_times BEFORE INSERT OR UPDATE OF shift_id, starts_at, ends_at
        ON shift_assignment FOR EACH ROW EXECUTE FUNCTION shift_assignment_copy_times()`);
    await db.query(`
      CREATE FUNCTION duty_shift_move_assignments() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE shift_assignment SET starts_at = NEW.starts_at, ends_at = NEW.ends_at
         WHERE shift_id = NEW.id;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER duty_shift_move_assignments AFTER UPDATE OF starts_at, ends_at
        ON duty_shift FOR EACH ROW EXECUTE FUNCTION duty_shift_move_assignments()`);
    await db.query(`
      CREATE TABLE shift_swap (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        association_id uuid NOT NULL,
        shift_id uuid NOT NULL,
        offered_by uuid NOT NULL,
        taken_by uuid,
        decided_by uuid REFERENCES member(id) ON DELETE SET NULL,
        status text NOT NULL DEFAULT 'offered',
        note text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        taken_at timestamptz,
        decided_at timestamptz,
        CONSTRAINT shift_swap_status_check
          CHECK (status IN ('offered', 'taken', 'approved', 'declined', 'cancelled')),
        CONSTRAINT shift_swap_taker_check
          CHECK (status IN ('offered', 'cancelled') OR taken_by IS NOT NULL),
        CONSTRAINT shift_swap_shift_fkey FOREIGN KEY (shift_id, association_id)
          REFERENCES duty_shift(id, association_id) ON DELETE CASCADE,
        CONSTRAINT shift_swap_offered_by_fkey FOREIGN KEY (offered_by, association_id)
          REFERENCES member(id, association_id) ON DELETE CASCADE,
        CONSTRAINT shift_swap_taken_by_fkey FOREIGN KEY (taken_by, association_id)
          REFERENCES member(id, association_id) ON DELETE CASCADE
      )`);
    await db.query(`
      CREATE UNIQUE INDEX shift_swap_open_key ON shift_swap (shift_id, offered_by)
        WHERE status IN ('offered', 'taken')`);
    await db.query(`
      CREATE TABLE handover_note (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        association_id uuid NOT NULL,
        shift_id uuid NOT NULL,
        author_id uuid NOT NULL,
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT handover_note_body_check CHECK (char_length(body) BETWEEN 1 AND 1000),
        CONSTRAINT handover_note_shift_fkey FOREIGN KEY (shift_id, association_id)
          REFERENCES duty_shift(id, association_id) ON DELETE CASCADE,
        CONSTRAINT handover_note_author_fkey FOREIGN KEY (author_id, association_id)
          REFERENCES member(id, association_id) ON DELETE CASCADE
      )`);
    await db.query(
      `CREATE INDEX handover_note_recent_idx ON handover_note (association_id, created_at)`,
    );
    await db.query(`
      CREATE TABLE member_unavailability (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        association_id uuid NOT NULL,
        member_id uuid NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        reason text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT member_unavailability_range_check CHECK (ends_at > starts_at),
        CONSTRAINT member_unavailability_member_fkey FOREIGN KEY (member_id, association_id)
          REFERENCES member(id, association_id) ON DELETE CASCADE
      )`);
    await db.query(
      `CREATE INDEX member_unavailability_member_idx ON member_unavailability (member_id)`,
    );
    await db.query(`
      CREATE TABLE roster_feed (
        member_id uuid PRIMARY KEY REFERENCES member(id) ON DELETE CASCADE,
        token_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT roster_feed_token_key UNIQUE (token_hash)
      )`);
  }

  public async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'roster_feed',
      'member_unavailability',
      'handover_note',
      'shift_swap',
      'shift_assignment',
      'duty_shift',
      'shift_template',
    ]) {
      await db.query(`DROP TABLE ${table}`);
    }
    await db.query(`DROP FUNCTION duty_shift_move_assignments()`);
    await db.query(`DROP FUNCTION shift_assignment_copy_times()`);
  }
}
