import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1763900000000 implements MigrationInterface {
  name = 'Foundation1763900000000';

  public async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE association (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        community text NOT NULL,
        street_office text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT association_name_key UNIQUE (name)
      )`);
    await db.query(`
      CREATE TABLE lane (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        association_id uuid NOT NULL REFERENCES association(id) ON DELETE CASCADE,
        name text NOT NULL,
        geometry jsonb NOT NULL DEFAULT '[]'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT lane_name_key UNIQUE (association_id, name),
        CONSTRAINT lane_id_association_key UNIQUE (id, association_id)
      )`);
    await db.query(`
      CREATE TABLE household (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        association_id uuid NOT NULL REFERENCES association(id) ON DELETE CASCADE,
        address text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT household_address_key UNIQUE (association_id, address),
        CONSTRAINT household_id_association_key UNIQUE (id, association_id)
      )`);
    await db.query(`
      CREATE TABLE resident_unit (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        association_id uuid NOT NULL REFERENCES association(id) ON DELETE CASCADE,
        name text NOT NULL,
        kind text NOT NULL,
        address text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT resident_unit_kind_check
          CHECK (kind IN ('office', 'company', 'school', 'hospital', 'other')),
        CONSTRAINT resident_unit_name_key UNIQUE (association_id, name),
        CONSTRAINT resident_unit_id_association_key UNIQUE (id, association_id)
      )`);
    await db.query(`
      CREATE TABLE member (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        association_id uuid NOT NULL REFERENCES association(id) ON DELETE CASCADE,
        household_id uuid,
        resident_unit_id uuid,
        name text NOT NULL,
        phone text NOT NULL,
        password_hash text,
        role text NOT NULL,
        party_member boolean NOT NULL DEFAULT false,
        volunteer boolean NOT NULL DEFAULT false,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT member_role_check
          CHECK (role IN ('admin', 'warden', 'resident', 'unit', 'viewer')),
        CONSTRAINT member_phone_key UNIQUE (phone),
        CONSTRAINT member_id_association_key UNIQUE (id, association_id),
        CONSTRAINT member_household_fkey FOREIGN KEY (household_id, association_id)
          REFERENCES household(id, association_id) ON DELETE SET NULL (household_id),
        CONSTRAINT member_resident_unit_fkey FOREIGN KEY (resident_unit_id, association_id)
          REFERENCES resident_unit(id, association_id) ON DELETE SET NULL (resident_unit_id),
        CONSTRAINT member_unit_staff_check CHECK (role <> 'unit' OR resident_unit_id IS NOT NULL)
      )`);
    await db.query(`CREATE INDEX member_household_idx ON member (household_id)`);
    await db.query(`
      CREATE TABLE viewer_grant (
        member_id uuid NOT NULL REFERENCES member(id) ON DELETE CASCADE,
        association_id uuid NOT NULL REFERENCES association(id) ON DELETE CASCADE,
        PRIMARY KEY (member_id, association_id)
      )`);
    await db.query(`
      CREATE TABLE vehicle (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        association_id uuid NOT NULL REFERENCES association(id) ON DELETE CASCADE,
        household_id uuid NOT NULL,
        owner_member_id uuid,
        plate text NOT NULL,
        plate_color text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT vehicle_plate_color_check
          CHECK (plate_color IN ('blue', 'yellow', 'green', 'white', 'black')),
        CONSTRAINT vehicle_plate_format_check CHECK (char_length(plate) BETWEEN 7 AND 8),
        CONSTRAINT vehicle_plate_key UNIQUE (association_id, plate),
        CONSTRAINT vehicle_id_association_key UNIQUE (id, association_id),
        CONSTRAINT vehicle_household_fkey FOREIGN KEY (household_id, association_id)
          REFERENCES household(id, association_id) ON DELETE CASCADE,
        CONSTRAINT vehicle_owner_fkey FOREIGN KEY (owner_member_id, association_id)
          REFERENCES member(id, association_id) ON DELETE SET NULL (owner_member_id)
      )`);
    await db.query(`CREATE INDEX vehicle_household_idx ON vehicle (household_id)`);
    await db.query(`
      CREATE TABLE refresh_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        member_id uuid NOT NULL REFERENCES member(id) ON DELETE CASCADE,
        token_hash text NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT refresh_session_token_key UNIQUE (token_hash)
      )`);
    await db.query(`
      CREATE TABLE service_secret (
        name text PRIMARY KEY,
        value text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  public async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'service_secret',
      'refresh_session',
      'vehicle',
      'viewer_grant',
      'member',
      'resident_unit',
      'household',
      'lane',
      'association',
    ]) {
      await db.query(`DROP TABLE ${table}`);
    }
  }
}
