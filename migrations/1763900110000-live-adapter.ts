import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The table @socket.io/postgres-adapter uses for broadcasts over NOTIFY's 8000-byte limit
 * (its default name). Instances otherwise talk through LISTEN/NOTIFY only.
 */
export class LiveAdapter1763900110000 implements MigrationInterface {
  name = 'LiveAdapter1763900110000';

  public async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE socket_io_attachments (
        id bigserial UNIQUE,
        created_at timestamptz DEFAULT now(),
        payload bytea
      )`);
  }

  public async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE socket_io_attachments`);
  }
}
