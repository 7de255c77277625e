import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The live map's per-lane sequence moves from a column the spaces feature had added to `lane` (a
 * table of associations) into a table of its own, so every statement about it lives with the
 * spaces' repository. Bumping the row still takes the lock that makes a lane's changes commit
 * one at a time.
 */
export class LaneMapSeq1764400000000 implements MigrationInterface {
  name = 'LaneMapSeq1764400000000';

  public async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE lane_map (
        lane_id uuid PRIMARY KEY REFERENCES lane(id) ON DELETE CASCADE,
        seq bigint NOT NULL DEFAULT 0,
        CONSTRAINT lane_map_seq_check CHECK (seq >= 0)
      )`);
    await db.query(
      `INSERT INTO lane_map (lane_id, seq) SELECT id, live_seq FROM lane WHERE live_seq > 0`,
    );
    await db.query(`ALTER TABLE lane DROP COLUMN live_seq`);
  }

  public async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE lane ADD COLUMN live_seq bigint NOT NULL DEFAULT 0`);
    await db.query(`UPDATE lane l SET live_seq = m.seq FROM lane_map m WHERE m.lane_id = l.id`);
    await db.query(`DROP TABLE lane_map`);
  }
}
