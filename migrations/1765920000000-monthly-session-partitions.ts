import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The session's foreign keys, as before partitioning and after. */
const FOREIGN_KEYS = `
  ADD CONSTRAINT occupancy_session_checked_in_by_fkey FOREIGN KEY (checked_in_by)
    REFERENCES member(id),
  ADD CONSTRAINT occupancy_session_checked_out_by_fkey FOREIGN KEY (checked_out_by)
    REFERENCES member(id),
  ADD CONSTRAINT occupancy_session_household_fkey FOREIGN KEY (household_id, association_id)
    REFERENCES household(id, association_id),
  ADD CONSTRAINT occupancy_session_lane_id_fkey FOREIGN KEY (lane_id)
    REFERENCES lane(id) ON DELETE CASCADE,
  ADD CONSTRAINT occupancy_session_space_fkey FOREIGN KEY (space_id, association_id)
    REFERENCES space(id, association_id) ON DELETE CASCADE,
  ADD CONSTRAINT occupancy_session_vehicle_fkey FOREIGN KEY (vehicle_id, association_id)
    REFERENCES vehicle(id, association_id)`;

/** Its indexes besides the open-session ones; each foreign key has its supporting index here. */
const INDEXES = [
  `occupancy_session_lane_started_idx ON occupancy_session (lane_id, started_at)`,
  `occupancy_session_household_idx ON occupancy_session (household_id)
     WHERE household_id IS NOT NULL`,
  `occupancy_session_space_id_fk_idx ON occupancy_session (space_id, started_at)`,
  `occupancy_session_vehicle_id_fk_idx ON occupancy_session (vehicle_id)`,
  `occupancy_session_checked_in_by_fk_idx ON occupancy_session (checked_in_by)`,
  `occupancy_session_checked_out_by_fk_idx ON occupancy_session (checked_out_by)`,
  `occupancy_session_association_ended_idx ON occupancy_session (association_id, ended_at)`,
];

/**
 * Occupancy sessions are partitioned by Beijing month of `started_at` (issue 15.2), as permit
 * scans are by `scanned_at` (migration 1765890000000, whose notes hold for both): a month past
 * every association's period is dropped whole by the retention job.
 *
 * - **One car per space and one space per car** were partial unique indexes on the open sessions.
 *   PostgreSQL enforces uniqueness on a partitioned table only with the partition column in the
 *   key, and an open session may have started in any month, so the open sessions are claimed in
 *   their own small table `occupancy_open`, kept by a trigger on `occupancy_session` (a session
 *   inserted open, ended, reopened, moved to another space or plate, or deleted). Its keys keep
 *   the index names `occupancy_session_open_space_key` and `_open_plate_key`: the check-in race is
 *   decided by the same names as before, for every writer, hand-written SQL included.
 * - **`started_at`, not `ended_at`, is the partition column**: a session is inserted once and its
 *   start never changes, so a row never moves between partitions (an `ended_at` key would move
 *   every session on check-out, and a check-out racing a reminder would then fail).
 * - **What outlives its month**: when the job drops a month, the sessions still open, those that
 *   ended within the period (a car parked for months), and those a violation rests on move into
 *   the parent first, where they land in `occupancy_session_default`; their claims go before the
 *   month is detached and come back with them.
 * - **The primary key becomes `(id, started_at)`**; nothing points at a session by its id.
 */
export class MonthlySessionPartitions1765920000000 implements MigrationInterface {
  name = 'MonthlySessionPartitions1765920000000';

  public async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE occupancy_session_next
        (LIKE occupancy_session INCLUDING DEFAULTS INCLUDING CONSTRAINTS)
        PARTITION BY RANGE (started_at)`);
    await db.query(
      `CREATE TABLE occupancy_session_default PARTITION OF occupancy_session_next DEFAULT`,
    );
    const months = (await db.query(`
      WITH bounds AS (
        SELECT date_trunc('month', (now() - interval '3650 days') AT TIME ZONE 'Asia/Shanghai') AS oldest,
               date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai') AS current,
               date_trunc('month', (now() - make_interval(days => (
                 SELECT coalesce(max(whereabouts_days), 180) FROM association)))
                 AT TIME ZONE 'Asia/Shanghai') AS kept_from),
      wanted AS (
        SELECT DISTINCT date_trunc('month', o.started_at AT TIME ZONE 'Asia/Shanghai') AS m
          FROM occupancy_session o, bounds b
         WHERE o.started_at AT TIME ZONE 'Asia/Shanghai'
               BETWEEN b.oldest AND b.current + interval '3 months'
        UNION
        SELECT generate_series(b.kept_from, b.current + interval '2 months', interval '1 month')
          FROM bounds b)
      SELECT to_char(m, 'YYYY_MM') AS month, to_char(m, 'YYYY-MM-DD') || ' 00:00+08' AS lo,
             to_char(m + interval '1 month', 'YYYY-MM-DD') || ' 00:00+08' AS hi
        FROM wanted ORDER BY m`)) as { month: string; lo: string; hi: string }[];
    for (const { month, lo, hi } of months) {
      await db.query(
        `CREATE TABLE occupancy_session_${month} PARTITION OF occupancy_session_next
           FOR VALUES FROM ('${lo}') TO ('${hi}')`,
      );
    }
    await db.query(`INSERT INTO occupancy_session_next SELECT * FROM occupancy_session`);
    await db.query(`DROP TABLE occupancy_session`);
    await db.query(`ALTER TABLE occupancy_session_next RENAME TO occupancy_session`);
    await db.query(`
      ALTER TABLE occupancy_session
        ADD CONSTRAINT occupancy_session_pkey PRIMARY KEY (id, started_at),
        ${FOREIGN_KEYS}`);
    for (const index of [
      ...INDEXES,
      // Open sessions by space and by plate are read on every map and check-in: what the
      // partial unique indexes served before, now without uniqueness (occupancy_open holds it).
      `occupancy_session_open_space_idx ON occupancy_session (space_id) WHERE ended_at IS NULL`,
      `occupancy_session_open_plate_idx ON occupancy_session (association_id, plate)
         WHERE ended_at IS NULL`,
    ]) {
      await db.query(`CREATE INDEX ${index}`);
    }

    await db.query(`
      CREATE TABLE occupancy_open (
        session_id uuid PRIMARY KEY,
        association_id uuid NOT NULL,
        space_id uuid NOT NULL,
        plate text NOT NULL,
        CONSTRAINT occupancy_session_open_space_key UNIQUE (space_id),
        CONSTRAINT occupancy_session_open_plate_key UNIQUE (association_id, plate)
      )`);
    await db.query(`
      INSERT INTO occupancy_open (session_id, association_id, space_id, plate)
      SELECT id, association_id, space_id, plate FROM occupancy_session WHERE ended_at IS NULL`);
    await db.query(`
      CREATE FUNCTION occupancy_session_keep_open() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('DELETE', 'UPDATE') AND OLD.ended_at IS NULL THEN
          DELETE FROM occupancy_open WHERE session_id = OLD.id;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.ended_at IS NULL THEN
          INSERT INTO occupancy_open (session_id, association_id, space_id, plate)
          VALUES (NEW.id, NEW.association_id, NEW.space_id, NEW.plate);
        END IF;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER occupancy_session_keep_open
        AFTER INSERT OR DELETE OR UPDATE OF id, association_id, space_id, plate, ended_at
        ON occupancy_session FOR EACH ROW EXECUTE FUNCTION occupancy_session_keep_open()`);
  }

  public async down(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE occupancy_session_prev
        (LIKE occupancy_session INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`);
    await db.query(`INSERT INTO occupancy_session_prev SELECT * FROM occupancy_session`);
    await db.query(`DROP TABLE occupancy_session`);
    await db.query(`DROP FUNCTION occupancy_session_keep_open()`);
    await db.query(`DROP TABLE occupancy_open`);
    await db.query(`ALTER TABLE occupancy_session_prev RENAME TO occupancy_session`);
    await db.query(`
      ALTER TABLE occupancy_session
        ADD CONSTRAINT occupancy_session_pkey PRIMARY KEY (id),
        ${FOREIGN_KEYS}`);
    for (const index of [
      `UNIQUE INDEX occupancy_session_open_space_key ON occupancy_session (space_id)
         WHERE ended_at IS NULL`,
      `UNIQUE INDEX occupancy_session_open_plate_key ON occupancy_session (association_id, plate)
         WHERE ended_at IS NULL`,
      ...INDEXES.map((index) => `INDEX ${index}`),
    ]) {
      await db.query(`CREATE ${index}`);
    }
  }
}
