import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A car park is never offered beyond its spaces (issue 10): at every minute, the places of all
 * offers of one car park that are not ended (a paused offer keeps its bookings) add up to at most
 * its total_spaces.
 *
 * Offers repeat by weekly rules, and `weekdays` / `weekends` follow the holiday calendar, which
 * the council may change at any time. So the check is made against every calendar: a minute is
 * a time of a date of some ISO weekday whose day, and whose day before, may each be a working day
 * or not. Two offers collide if some such minute, within both validities, is open in both: a
 * weeknight offer and a weekend offer of the same car park never do; a Saturday offer and a
 * weeknight offer do (on a make-up working Saturday, 调休). Blackout dates are not counted as
 * freeing places. Only minutes from today on are checked.
 *
 * Not an exclusion constraint: those say "no two rows overlap", and here the rule is "the sum of
 * overlapping rows stays under a bound". A BEFORE trigger locks the car park row (FOR NO KEY
 * UPDATE: bookings' foreign keys only take KEY SHARE, so they are not held up) and then sums;
 * under READ COMMITTED each statement after the lock reads a fresh snapshot, so of two staff
 * publishing at once the second sees the first's committed offer and is refused.
 */
export class CarParkCapacity1764600100000 implements MigrationInterface {
  name = 'CarParkCapacity1764600100000';

  public async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION off_peak_minutes(hhmm text) RETURNS integer
        LANGUAGE sql IMMUTABLE STRICT AS $$
        SELECT split_part(hhmm, ':', 1)::int * 60 + split_part(hhmm, ':', 2)::int
      $$`);
    // Whether a weekly rule opens on a date of ISO weekday dow that is a working day or not.
    await db.query(`
      CREATE FUNCTION off_peak_rule_opens(rule jsonb, dow integer, working boolean) RETURNS boolean
        LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE
          WHEN jsonb_typeof(rule->'days') = 'array' THEN (rule->'days') @> to_jsonb(dow)
          WHEN rule->>'days' = 'daily' THEN true
          WHEN rule->>'days' = 'weekdays' THEN working
          WHEN rule->>'days' = 'weekends' THEN NOT working
          ELSE false
        END
      $$`);
    // An offer's window on a date of each kind, in minutes from that date's midnight: the rules
    // opening that day merged from the first opening to the last closing (offer-windows.ts).
    await db.query(`
      CREATE FUNCTION off_peak_spans(rules jsonb)
        RETURNS TABLE (dow integer, working boolean, opens integer, closes integer)
        LANGUAGE sql IMMUTABLE AS $$
        SELECT d.dow, w.working, min(r.opens), max(r.closes)
          FROM generate_series(1, 7) AS d(dow)
         CROSS JOIN (VALUES (true), (false)) AS w(working)
          JOIN LATERAL (
            SELECT off_peak_minutes(rule->>'from') AS opens,
                   off_peak_minutes(rule->>'to')
                     + CASE WHEN off_peak_minutes(rule->>'to') <= off_peak_minutes(rule->>'from')
                            THEN 1440 ELSE 0 END AS closes
              FROM jsonb_array_elements(rules) AS rule
             WHERE off_peak_rule_opens(rule, d.dow, w.working)) r ON true
         GROUP BY d.dow, w.working
      $$`);
    // The most places the car park's other offers hold at one minute while the given schedule
    // is open. Which offers are valid changes only at a few dates (the breaks); a week from each
    // break holds every weekday of the run after it, so those dates stand for all dates.
    await db.query(`
      CREATE FUNCTION off_peak_offered_beside(
          p_car_park uuid, p_offer uuid, p_rules jsonb, p_from date, p_to date, p_today date)
        RETURNS integer LANGUAGE sql VOLATILE AS $$
        WITH offers AS (
          SELECT o.id, o.places, o.valid_from, o.valid_to, o.weekly_rules, false AS subject
            FROM off_peak_offer o
           WHERE o.car_park_id = $1 AND o.status <> 'ended' AND o.id <> $2
             AND (o.valid_to IS NULL OR o.valid_to + 1 >= $6)
          UNION ALL
          SELECT $2, 0, $4, $5, $3, true),
        spans AS (
          SELECT o.id, s.dow, s.working, s.opens, s.closes
            FROM offers o, off_peak_spans(o.weekly_rules) s),
        breaks AS (
          SELECT greatest(v.b, $6) AS d
            FROM offers o,
                 LATERAL (VALUES (o.valid_from), (o.valid_from + 1), (o.valid_to + 1),
                                 (o.valid_to + 2)) AS v(b)
           WHERE v.b IS NOT NULL
          UNION SELECT $6),
        days AS (
          SELECT DISTINCT b.d + k AS d FROM breaks b, generate_series(0, 6) AS k
           WHERE b.d + k BETWEEN $4 AND coalesce($5 + 1, 'infinity')),
        moments AS (
          SELECT days.d, extract(isodow FROM days.d)::int AS dow, cur.working AS cur,
                 prev.working AS prev, m.minute
            FROM days
           CROSS JOIN (VALUES (true), (false)) AS cur(working)
           CROSS JOIN (VALUES (true), (false)) AS prev(working)
           CROSS JOIN LATERAL (
             SELECT 0 AS minute
             UNION
             SELECT s.opens FROM spans s
              WHERE s.dow = extract(isodow FROM days.d)::int AND s.working = cur.working
                AND s.opens < 1440) m),
        covered AS (
          SELECT mo.d, mo.cur, mo.prev, mo.minute, o.places, o.subject
            FROM moments mo
           CROSS JOIN offers o
            LEFT JOIN spans own
              ON own.id = o.id AND own.dow = mo.dow AND own.working = mo.cur
            LEFT JOIN spans eve
              ON eve.id = o.id AND eve.dow = CASE WHEN mo.dow = 1 THEN 7 ELSE mo.dow - 1 END
             AND eve.working = mo.prev
           WHERE (mo.d BETWEEN o.valid_from AND coalesce(o.valid_to, 'infinity')
                  AND mo.minute >= own.opens AND mo.minute < own.closes)
              OR (mo.d - 1 BETWEEN o.valid_from AND coalesce(o.valid_to, 'infinity')
                  AND mo.minute + 1440 >= eve.opens AND mo.minute + 1440 < eve.closes))
        SELECT coalesce(max(offered), 0)::int FROM (
          SELECT sum(places) AS offered FROM covered
           GROUP BY d, cur, prev, minute HAVING bool_or(subject)) peaks
      $$`);
    await db.query(`
      CREATE FUNCTION off_peak_offer_within_capacity() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        park record;
        offered integer;
      BEGIN
        IF NEW.status = 'ended' THEN
          RETURN NEW;
        END IF;
        -- A pause, a title or fewer places or hours hold no more than before.
        IF TG_OP = 'UPDATE' AND OLD.status <> 'ended' AND NEW.car_park_id = OLD.car_park_id
           AND NEW.places <= OLD.places AND NEW.weekly_rules = OLD.weekly_rules
           AND NEW.valid_from >= OLD.valid_from
           AND (OLD.valid_to IS NULL OR NEW.valid_to <= OLD.valid_to) THEN
          RETURN NEW;
        END IF;
        SELECT name, total_spaces INTO park FROM car_park WHERE id = NEW.car_park_id
           FOR NO KEY UPDATE;
        offered := off_peak_offered_beside(NEW.car_park_id, NEW.id, NEW.weekly_rules,
          NEW.valid_from, NEW.valid_to, (now() AT TIME ZONE 'Asia/Shanghai')::date);
        IF offered + NEW.places > park.total_spaces THEN
          RAISE EXCEPTION 'off-peak offers would exceed the % spaces of car park %',
              park.total_spaces, NEW.car_park_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'off_peak_offer_over_capacity',
                  DETAIL = json_build_object('carPark', park.name, 'total', park.total_spaces,
                                             'offered', offered, 'places', NEW.places)::text;
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER off_peak_offer_within_capacity BEFORE INSERT OR UPDATE ON off_peak_offer
        FOR EACH ROW EXECUTE FUNCTION off_peak_offer_within_capacity()`);
    // Fewer spaces must still hold every offer (no route shrinks a car park yet; SQL might).
    await db.query(`
      CREATE FUNCTION car_park_holds_its_offers() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        offer record;
        offered integer;
      BEGIN
        IF NEW.total_spaces >= OLD.total_spaces THEN
          RETURN NEW;
        END IF;
        FOR offer IN SELECT * FROM off_peak_offer WHERE car_park_id = NEW.id AND status <> 'ended'
        LOOP
          offered := off_peak_offered_beside(NEW.id, offer.id, offer.weekly_rules,
            offer.valid_from, offer.valid_to, (now() AT TIME ZONE 'Asia/Shanghai')::date);
          IF offered + offer.places > NEW.total_spaces THEN
            RAISE EXCEPTION 'car park % cannot shrink to % spaces: its offers need more',
                NEW.id, NEW.total_spaces
              USING ERRCODE = 'check_violation', CONSTRAINT = 'off_peak_offer_over_capacity',
                    DETAIL = json_build_object('carPark', NEW.name, 'total', NEW.total_spaces,
                                               'offered', offered, 'places', offer.places)::text;
          END IF;
        END LOOP;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER car_park_holds_its_offers BEFORE UPDATE OF total_spaces ON car_park
        FOR EACH ROW EXECUTE FUNCTION car_park_holds_its_offers()`);
  }

  public async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER car_park_holds_its_offers ON car_park`);
    await db.query(`DROP FUNCTION car_park_holds_its_offers()`);
    await db.query(`DROP TRIGGER off_peak_offer_within_capacity ON off_peak_offer`);
    await db.query(`DROP FUNCTION off_peak_offer_within_capacity()`);
    await db.query(`DROP FUNCTION off_peak_offered_beside(uuid, uuid, jsonb, date, date, date)`);
    await db.query(`DROP FUNCTION off_peak_spans(jsonb)`);
    await db.query(`DROP FUNCTION off_peak_rule_opens(jsonb, integer, boolean)`);
    await db.query(`DROP FUNCTION off_peak_minutes(text)`);
  }
}
