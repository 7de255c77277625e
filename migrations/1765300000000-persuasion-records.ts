import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Persuasion is a record (issue 17.1): what the warden said, what came of it and up to three
 * photos, with or without a violation; guidance to a free space (引导) is a record of its own.
 * Photos are kept as bytes already stripped of their metadata, apart from the record, so lists
 * never carry them.
 */
export class PersuasionRecords1765300000000 implements MigrationInterface {
  name = 'PersuasionRecords1765300000000';

  public async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE persuasion (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        association_id uuid NOT NULL REFERENCES association(id) ON DELETE CASCADE,
        violation_id uuid REFERENCES violation(id) ON DELETE CASCADE,
        kind text NOT NULL,
        plate text,
        household_id uuid REFERENCES household(id) ON DELETE SET NULL,
        place text NOT NULL DEFAULT '',
        note text NOT NULL DEFAULT '',
        outcome text NOT NULL,
        recorded_by uuid REFERENCES member(id) ON DELETE SET NULL,
        recorder_on_duty boolean,
        occurred_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT persuasion_kind_check CHECK (kind IN ('persuasion', 'guidance')),
        CONSTRAINT persuasion_outcome_check CHECK (outcome IN
          ('moved', 'promised', 'refused', 'owner_not_found', 'notice_left', 'guided')),
        CONSTRAINT persuasion_guidance_check CHECK ((kind = 'guidance') = (outcome = 'guided')),
        CONSTRAINT persuasion_plate_check CHECK (kind = 'guidance' OR plate IS NOT NULL),
        CONSTRAINT persuasion_note_check CHECK (char_length(note) <= 1000),
        CONSTRAINT persuasion_place_check CHECK (char_length(place) <= 120),
        CONSTRAINT persuasion_violation_key UNIQUE (violation_id)
      )`);
    await db.query(
      `CREATE INDEX persuasion_association_idx ON persuasion (association_id, occurred_at)`,
    );
    await db.query(
      `CREATE INDEX persuasion_household_idx ON persuasion (household_id) WHERE household_id IS NOT NULL`,
    );
    await db.query(`
      CREATE TABLE persuasion_photo (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        persuasion_id uuid NOT NULL REFERENCES persuasion(id) ON DELETE CASCADE,
        position smallint NOT NULL,
        content_type text NOT NULL,
        bytes bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT persuasion_photo_position_check CHECK (position BETWEEN 1 AND 3),
        CONSTRAINT persuasion_photo_type_check CHECK (content_type IN ('image/jpeg', 'image/png')),
        CONSTRAINT persuasion_photo_size_check CHECK (octet_length(bytes) BETWEEN 1 AND 153600),
        CONSTRAINT persuasion_photo_position_key UNIQUE (persuasion_id, position)
      )`);
  }

  public async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE persuasion_photo`);
    await db.query(`DROP TABLE persuasion`);
  }
}
