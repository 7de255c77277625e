import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Admission by public lottery (公开抽签): a draw publishes the SHA-256 of its secret seed and the
 * registrations it closes over; at the draw the seed, the order and the admitted are recorded
 * for anyone eligible to recompute. One open (undrawn) draw per offer at a time.
 */
export class AllocationDraws1765100100000 implements MigrationInterface {
  name = 'AllocationDraws1765100100000';

  public async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE allocation_draw (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        offer_id uuid NOT NULL REFERENCES off_peak_offer(id) ON DELETE CASCADE,
        method text NOT NULL DEFAULT 'lottery',
        seed_hash text NOT NULL,
        -- Kept secret until drawn: no reply shows it before drawn_at is set.
        seed text NOT NULL,
        registration_ids uuid[] NOT NULL,
        drawn_order uuid[],
        admitted_ids uuid[],
        published_at timestamptz NOT NULL,
        published_by uuid REFERENCES member(id) ON DELETE SET NULL,
        drawn_at timestamptz,
        drawn_by uuid REFERENCES member(id) ON DELETE SET NULL,
        CONSTRAINT allocation_draw_method_check CHECK (method IN ('lottery')),
        CONSTRAINT allocation_draw_hash_check CHECK (seed_hash ~ '^[0-9a-f]{64}$'),
        CONSTRAINT allocation_draw_seed_check
          CHECK (encode(sha256(convert_to(seed, 'UTF8')), 'hex') = seed_hash),
        CONSTRAINT allocation_draw_drawn_check
          CHECK ((drawn_at IS NULL) = (drawn_order IS NULL) AND (drawn_at IS NULL) = (admitted_ids IS NULL))
      )`);
    await db.query(
      `CREATE UNIQUE INDEX allocation_draw_open_key ON allocation_draw (offer_id) WHERE drawn_at IS NULL`,
    );
  }

  public async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE allocation_draw`);
  }
}
