import type { MigrationInterface, QueryRunner } from 'typeorm';

// Permits (停车证), their signing keys, the lifecycle ledger, scans and "please move" requests.
// car_park_id has no foreign key on purpose: the off-peak feature creates car_park in parallel,
// and a shared permit must not make that migration's order matter. Add the key there if wanted.
export class Permits1763900200000 implements MigrationInterface {
  name = 'Permits1763900200000';

  public async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE permit_signing_key (
        kid text PRIMARY KEY,
        public_jwk jsonb NOT NULL,
        private_key_encrypted text NOT NULL,
        state text NOT NULL DEFAULT 'active',
        created_at timestamptz NOT NULL DEFAULT now(),
        retired_at timestamptz,
        CONSTRAINT permit_signing_key_state_check CHECK (state IN ('active', 'retired'))
      )`);
    // One key signs at a time; instances starting together race on this index, one wins.
    await db.query(
      `CREATE UNIQUE INDEX permit_signing_key_one_active ON permit_signing_key (state) WHERE state = 'active'`,
    );
    await db.query(`CREATE SEQUENCE permit_number_seq START 1001`);
    await db.query(`
      CREATE TABLE permit (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number bigint NOT NULL DEFAULT nextval('permit_number_seq'),
        association_id uuid NOT NULL REFERENCES association(id) ON DELETE CASCADE,
        kind text NOT NULL,
        vehicle_id uuid,
        household_id uuid,
        plate text NOT NULL,
        lane_id uuid,
        car_park_id uuid,
        status text NOT NULL DEFAULT 'pending',
        valid_from timestamptz NOT NULL,
        valid_to timestamptz NOT NULL,
        suspended_until timestamptz,
        suspension_reason text,
        fee_cny integer NOT NULL DEFAULT 0,
        fee_paid_at timestamptz,
        token text,
        token_kid text REFERENCES permit_signing_key(kid),
        guest_token text,
        applied_by uuid,
        note text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT permit_number_key UNIQUE (number),
        CONSTRAINT permit_guest_token_key UNIQUE (guest_token),
        CONSTRAINT permit_kind_check CHECK (kind IN ('resident', 'shared', 'visitor')),
        CONSTRAINT permit_status_check
          CHECK (status IN ('pending', 'rejected', 'active', 'expired', 'revoked')),
        CONSTRAINT permit_validity_check CHECK (valid_to > valid_from),
        CONSTRAINT permit_vehicle_required_check CHECK (kind = 'visitor' OR vehicle_id IS NOT NULL),
        CONSTRAINT permit_shared_car_park_check CHECK (kind <> 'shared' OR car_park_id IS NOT NULL),
        CONSTRAINT permit_plate_check CHECK (char_length(plate) BETWEEN 7 AND 8),
        CONSTRAINT permit_fee_check CHECK (fee_cny >= 0),
        CONSTRAINT permit_vehicle_fkey FOREIGN KEY (vehicle_id, association_id)
          REFERENCES vehicle(id, association_id) ON DELETE CASCADE,
        CONSTRAINT permit_household_fkey FOREIGN KEY (household_id, association_id)
          REFERENCES household(id, association_id) ON DELETE CASCADE,
        CONSTRAINT permit_lane_fkey FOREIGN KEY (lane_id, association_id)
          REFERENCES lane(id, association_id) ON DELETE CASCADE
      )`);
    // A vehicle holds at most one active permit per kind and scope (lane / car park, or none).
    await db.query(`
      CREATE UNIQUE INDEX permit_one_active_per_scope ON permit (
        vehicle_id, kind, association_id,
        coalesce(lane_id, '00000000-0000-0000-0000-000000000000'::uuid),
        coalesce(car_park_id, '00000000-0000-0000-0000-000000000000'::uuid)
      ) WHERE status = 'active' AND vehicle_id IS NOT NULL`);
    await db.query(`CREATE INDEX permit_association_idx ON permit (association_id, status)`);
    await db.query(`CREATE INDEX permit_plate_idx ON permit (association_id, plate)`);
    await db.query(`CREATE INDEX permit_household_idx ON permit (household_id, kind, valid_from)`);

    await db.query(`
      CREATE TABLE permit_event (
        id bigserial PRIMARY KEY,
        permit_id uuid NOT NULL REFERENCES permit(id) ON DELETE CASCADE,
        association_id uuid NOT NULL REFERENCES association(id) ON DELETE CASCADE,
        type text NOT NULL,
        actor_member_id uuid REFERENCES member(id) ON DELETE SET NULL,
        reason text NOT NULL DEFAULT '',
        details jsonb NOT NULL DEFAULT '{}'::jsonb,
        at timestamptz NOT NULL,
        CONSTRAINT permit_event_type_check CHECK (type IN ('applied', 'approved', 'rejected',
          'fee_paid', 'issued', 'renewed', 'suspended', 'reinstated', 'revoked', 'expired'))
      )`);
    await db.query(`CREATE INDEX permit_event_permit_idx ON permit_event (permit_id, id)`);
    await db.query(
      `CREATE INDEX permit_event_association_idx ON permit_event (association_id, at)`,
    );

    await db.query(`
      CREATE TABLE permit_scan (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        association_id uuid NOT NULL REFERENCES association(id) ON DELETE CASCADE,
        scanned_by uuid NOT NULL REFERENCES member(id) ON DELETE CASCADE,
        idempotency_key text NOT NULL,
        permit_id uuid REFERENCES permit(id) ON DELETE SET NULL,
        method text NOT NULL,
        plate_seen text,
        lane_id uuid,
        car_park_id uuid,
        space_label text,
        verdict text NOT NULL,
        reason text NOT NULL,
        scanned_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        offline boolean NOT NULL DEFAULT false,
        CONSTRAINT permit_scan_method_check CHECK (method IN ('token', 'number', 'plate')),
        CONSTRAINT permit_scan_verdict_check CHECK (verdict IN ('valid', 'expired', 'not_yet_valid',
          'revoked', 'suspended', 'wrong_scope', 'outside_window', 'plate_mismatch', 'forged', 'unknown')),
        CONSTRAINT permit_scan_idempotency_key UNIQUE (scanned_by, idempotency_key)
      )`);
    await db.query(
      `CREATE INDEX permit_scan_association_idx ON permit_scan (association_id, scanned_at)`,
    );

    // Each "is this plate allowed?" question from a resident; also what rate-limits them.
    await db.query(`
      CREATE TABLE plate_check (
        id bigserial PRIMARY KEY,
        member_id uuid NOT NULL REFERENCES member(id) ON DELETE CASCADE,
        at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX plate_check_member_idx ON plate_check (member_id, at)`);

    await db.query(`
      CREATE TABLE move_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        association_id uuid NOT NULL REFERENCES association(id) ON DELETE CASCADE,
        permit_id uuid NOT NULL REFERENCES permit(id) ON DELETE CASCADE,
        asked_by uuid NOT NULL REFERENCES member(id) ON DELETE CASCADE,
        holder_member_id uuid NOT NULL REFERENCES member(id) ON DELETE CASCADE,
        note text NOT NULL DEFAULT '',
        asked_at timestamptz NOT NULL,
        answer text,
        answered_at timestamptz,
        CONSTRAINT move_request_answer_check
          CHECK (answer IS NULL OR answer IN ('coming', 'in_ten_minutes', 'cannot')),
        CONSTRAINT move_request_answered_check CHECK ((answer IS NULL) = (answered_at IS NULL))
      )`);
    await db.query(
      `CREATE INDEX move_request_holder_idx ON move_request (holder_member_id, asked_at)`,
    );
  }

  public async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'move_request',
      'plate_check',
      'permit_scan',
      'permit_event',
      'permit',
      'permit_signing_key',
    ]) {
      await db.query(`DROP TABLE ${table}`);
    }
    await db.query(`DROP SEQUENCE permit_number_seq`);
  }
}
