import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The transactional outbox: a feature writes a message in the same transaction as its change; the
 * message is handed to the feature that reacts to it after commit, and retried until it is done
 * (issue 16: cross-feature reactions; issue 10: nothing left half done).
 */
export class Outbox1764900000000 implements MigrationInterface {
  name = 'Outbox1764900000000';

  public async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE outbox_message (
        id bigserial PRIMARY KEY,
        topic text NOT NULL CHECK (length(topic) BETWEEN 1 AND 100),
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        available_at timestamptz NOT NULL DEFAULT now(),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        done_at timestamptz
      )`);
    await db.query(
      `CREATE INDEX outbox_message_pending ON outbox_message (available_at, id) WHERE done_at IS NULL`,
    );
    await db.query(
      `CREATE INDEX outbox_message_done ON outbox_message (done_at) WHERE done_at IS NOT NULL`,
    );
  }

  public async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE outbox_message`);
  }
}
