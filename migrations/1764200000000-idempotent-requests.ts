import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Creating requests sent with an `Idempotency-Key` (issue 11: a booking whose 201 was lost got 409
 * on retry). One row per member, route and key: the request's fingerprint, and once it succeeded
 * the response to replay. `attempt` names the request that holds a pending row; rows expire.
 */
export class IdempotentRequests1764200000000 implements MigrationInterface {
  name = 'IdempotentRequests1764200000000';

  public async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE idempotent_request (
        member_id uuid NOT NULL REFERENCES member (id) ON DELETE CASCADE,
        route text NOT NULL,
        key text NOT NULL,
        fingerprint text NOT NULL,
        attempt uuid NOT NULL,
        status_code integer,
        response jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        CONSTRAINT idempotent_request_pkey PRIMARY KEY (member_id, route, key),
        CONSTRAINT idempotent_request_key_length CHECK (length(key) BETWEEN 1 AND 255)
      )`);
    await db.query(`CREATE INDEX idempotent_request_expires_at ON idempotent_request (expires_at)`);
  }

  public async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE idempotent_request`);
  }
}
