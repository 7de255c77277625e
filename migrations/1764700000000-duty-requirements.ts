import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who must be on duty when (值守要求), declared by the council and resting on an article of the
 * convention: coverage is measured against these, not against the shifts that happen to exist.
 * A window [start_minute, end_minute) opens on each of its weekdays; an end at or before the start
 * runs into the next day (22:00–06:00; 00:00–24:00 is the whole day).
 */
export class DutyRequirements1764700000000 implements MigrationInterface {
  name = 'DutyRequirements1764700000000';

  public async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE duty_requirement (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        association_id uuid NOT NULL REFERENCES association(id) ON DELETE CASCADE,
        name text NOT NULL,
        kind text NOT NULL,
        weekdays integer[] NOT NULL,
        start_minute integer NOT NULL,
        end_minute integer NOT NULL,
        people integer NOT NULL,
        article_number integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT duty_requirement_kind_check CHECK (kind IN ('warden', 'volunteer')),
        CONSTRAINT duty_requirement_name_check CHECK (char_length(name) BETWEEN 1 AND 40),
        CONSTRAINT duty_requirement_weekdays_check
          CHECK (cardinality(weekdays) > 0 AND weekdays <@ '{1,2,3,4,5,6,7}'::integer[]),
        CONSTRAINT duty_requirement_start_check CHECK (start_minute BETWEEN 0 AND 1439),
        CONSTRAINT duty_requirement_end_check CHECK (end_minute BETWEEN 1 AND 1440),
        CONSTRAINT duty_requirement_people_check CHECK (people BETWEEN 1 AND 20),
        CONSTRAINT duty_requirement_article_check CHECK (article_number BETWEEN 1 AND 999),
        -- Also the index behind the association foreign key (its leading column).
        CONSTRAINT duty_requirement_name_key UNIQUE (association_id, name)
      )`);
  }

  public async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE duty_requirement`);
  }
}
