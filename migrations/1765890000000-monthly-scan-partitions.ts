import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Permit scans are partitioned by month of `scanned_at` (issue 15.2), so the retention job drops
 * a month that is past every association's period as one table instead of deleting it row by row.
 * Periods stay exact (the job still removes each association's rows the day they pass its
 * period), so whole months are what a backlog goes as (the first pass after this migration, a job
 * that was off, a shortened period); in steady state the drop gives an emptied month's space back
 * without VACUUM.
 *
 * - **Months are Beijing months** (`Asia/Shanghai`, no daylight saving): a partition named
 *   `permit_scan_2026_11` holds `[2026-11-01 00:00+08, 2026-12-01 00:00+08)`. The job reads the
 *   month from the name, so only such names are ever dropped. This migration makes every month
 *   from the start of the longest period of any association to two months ahead, and every older
 *   month that holds a scan (within the longest allowed period, 3650 days): the job's first pass
 *   then drops those whole. The job keeps two months ahead from then on.
 * - **`permit_scan_default`** catches every other time, so an insert never fails for want of a
 *   partition (a far-past offline scan, a clock gone wrong). It also holds what outlives its
 *   month: when the job drops a month it first moves the scans a violation still rests on (its
 *   evidence, and its appeal's) into the parent, where they land in the default partition. Moving
 *   them out rather than keeping the month keeps the rule simple (a month past every period is
 *   gone, whatever it held) and keeps the default small: evidence is a handful of rows a month.
 *   Before the job makes a new month it moves that month's stray rows out of the default.
 * - **One scan per warden and idempotency key** cannot stay a unique index on `permit_scan`:
 *   PostgreSQL enforces uniqueness on a partitioned table only with the partition column in the
 *   key, and a retried online scan is stamped with the server's time again, so
 *   `(scanned_by, idempotency_key, scanned_at)` would record the retry twice. The key moves to its
 *   own small table `permit_scan_key`, kept by triggers on `permit_scan` (insert, delete, and an
 *   update of the key), whose primary key keeps the constraint name
 *   `permit_scan_idempotency_key`: the invariant holds for every writer, hand-written SQL included.
 *   The job removes the keys of a month it drops (dropping a table fires no delete trigger).
 * - **The primary key becomes `(id, scanned_at)`** for the same reason; ids are random UUIDs and no
 *   foreign key points at a scan, so nothing relied on `id` alone being enforced unique.
 * - **Occupancy sessions are not partitioned.** One car per space and one space per car are the
 *   partial unique indexes `occupancy_session_open_space_key` / `_open_plate_key` (the check-in race
 *   rests on them); on a table partitioned by month they would have to include the month, and a car
 *   could then be checked in to an occupied space in another month's partition. An open session can
 *   also be months old. Sessions keep row deletion by the retention job.
 */
export class MonthlyScanPartitions1765890000000 implements MigrationInterface {
  name = 'MonthlyScanPartitions1765890000000';

  public async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE permit_scan_next (LIKE permit_scan INCLUDING DEFAULTS INCLUDING CONSTRAINTS)
        PARTITION BY RANGE (scanned_at)`);
    await db.query(`CREATE TABLE permit_scan_default PARTITION OF permit_scan_next DEFAULT`);
    const months = (await db.query(`
      WITH bounds AS (
        SELECT date_trunc('month', (now() - interval '3650 days') AT TIME ZONE 'Asia/Shanghai') AS oldest,
               date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai') AS current,
               date_trunc('month', (now() - make_interval(days => (
                 SELECT coalesce(max(whereabouts_days), 180) FROM association)))
                 AT TIME ZONE 'Asia/Shanghai') AS kept_from),
      wanted AS (
        SELECT DISTINCT date_trunc('month', s.scanned_at AT TIME ZONE 'Asia/Shanghai') AS m
          FROM permit_scan s, bounds b
         WHERE s.scanned_at AT TIME ZONE 'Asia/Shanghai'
               BETWEEN b.oldest AND b.current + interval '3 months'
        UNION
        SELECT generate_series(b.kept_from, b.current + interval '2 months', interval '1 month')
          FROM bounds b)
      SELECT to_char(m, 'YYYY_MM') AS month, to_char(m, 'YYYY-MM-DD') || ' 00:00+08' AS lo,
             to_char(m + interval '1 month', 'YYYY-MM-DD') || ' 00:00+08' AS hi
        FROM wanted ORDER BY m`)) as { month: string; lo: string; hi: string }[];
    for (const { month, lo, hi } of months) {
      await db.query(
        `CREATE TABLE permit_scan_${month} PARTITION OF permit_scan_next
           FOR VALUES FROM ('${lo}') TO ('${hi}')`,
      );
    }
    await db.query(`INSERT INTO permit_scan_next SELECT * FROM permit_scan`);
    await db.query(`DROP TABLE permit_scan`);
    await db.query(`ALTER TABLE permit_scan_next RENAME TO permit_scan`);
    await db.query(`
      ALTER TABLE permit_scan
        ADD CONSTRAINT permit_scan_pkey PRIMARY KEY (id, scanned_at),
        ADD CONSTRAINT permit_scan_association_id_fkey FOREIGN KEY (association_id)
          REFERENCES association(id) ON DELETE CASCADE,
        ADD CONSTRAINT permit_scan_permit_id_fkey FOREIGN KEY (permit_id)
          REFERENCES permit(id) ON DELETE SET NULL,
        ADD CONSTRAINT permit_scan_scanned_by_fkey FOREIGN KEY (scanned_by)
          REFERENCES member(id) ON DELETE CASCADE`);
    await db.query(
      `CREATE INDEX permit_scan_association_idx ON permit_scan (association_id, scanned_at)`,
    );
    await db.query(
      `CREATE INDEX permit_scan_permit_id_fk_idx ON permit_scan (permit_id, scanned_at)`,
    );
    await db.query(
      `CREATE INDEX permit_scan_scanned_by_key_idx ON permit_scan (scanned_by, idempotency_key)`,
    );

    await db.query(`
      CREATE TABLE permit_scan_key (
        scanned_by uuid NOT NULL REFERENCES member(id) ON DELETE CASCADE,
        idempotency_key text NOT NULL,
        CONSTRAINT permit_scan_idempotency_key PRIMARY KEY (scanned_by, idempotency_key)
      )`);
    await db.query(`
      INSERT INTO permit_scan_key (scanned_by, idempotency_key)
      SELECT scanned_by, idempotency_key FROM permit_scan`);
    await db.query(`
      CREATE FUNCTION permit_scan_keep_key() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('DELETE', 'UPDATE') THEN
          DELETE FROM permit_scan_key
           WHERE scanned_by = OLD.scanned_by AND idempotency_key = OLD.idempotency_key;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          INSERT INTO permit_scan_key (scanned_by, idempotency_key)
          VALUES (NEW.scanned_by, NEW.idempotency_key);
        END IF;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER permit_scan_keep_key
        AFTER INSERT OR DELETE OR UPDATE OF scanned_by, idempotency_key ON permit_scan
        FOR EACH ROW EXECUTE FUNCTION permit_scan_keep_key()`);
  }

  public async down(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE permit_scan_next (LIKE permit_scan INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`);
    await db.query(`INSERT INTO permit_scan_next SELECT * FROM permit_scan`);
    await db.query(`DROP TABLE permit_scan`);
    await db.query(`DROP FUNCTION permit_scan_keep_key()`);
    await db.query(`DROP TABLE permit_scan_key`);
    await db.query(`ALTER TABLE permit_scan_next RENAME TO permit_scan`);
    await db.query(`
      ALTER TABLE permit_scan
        ADD CONSTRAINT permit_scan_pkey PRIMARY KEY (id),
        ADD CONSTRAINT permit_scan_idempotency_key UNIQUE (scanned_by, idempotency_key),
        ADD CONSTRAINT permit_scan_association_id_fkey FOREIGN KEY (association_id)
          REFERENCES association(id) ON DELETE CASCADE,
        ADD CONSTRAINT permit_scan_permit_id_fkey FOREIGN KEY (permit_id)
          REFERENCES permit(id) ON DELETE SET NULL,
        ADD CONSTRAINT permit_scan_scanned_by_fkey FOREIGN KEY (scanned_by)
          REFERENCES member(id) ON DELETE CASCADE`);
    await db.query(
      `CREATE INDEX permit_scan_association_idx ON permit_scan (association_id, scanned_at)`,
    );
    await db.query(
      `CREATE INDEX permit_scan_permit_id_fk_idx ON permit_scan (permit_id, scanned_at)`,
    );
  }
}
