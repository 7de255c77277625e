-- A district on top of whatever the database holds (the demo lane, for the route benchmark):
-- at scale 1, 300 associations, 1,000 lanes, 40,000 spaces, 100,000 households, 120,000
-- vehicles, 153,000 permits, 2,000,000 scans, 1,000,000 occupancy sessions, 547,500 bookings,
-- a year of shifts (328,500 shifts and assignments) and 60,000 violations, spread over the year
-- before now. Every row obeys the schema's constraints; nothing in the demo association changes.
--
--   psql "$URL" -c "SET bench.scale = '0.1'" -f test/bench/district.sql
--   (test/bench/district-routes.mjs sets it itself)
--
-- Counts scale linearly with bench.scale (default 1); associations stay 300 * scale (≥ 3).
SELECT set_config('bench.scale', coalesce(nullif(current_setting('bench.scale', true), ''), '1'), false);

CREATE TEMP TABLE knob AS
SELECT greatest(3, round(300 * s))::int AS associations,
       greatest(10, round(1000 * s))::int AS lanes,
       40 AS spaces_per_lane,
       greatest(30, round(100000 * s))::int AS households,
       greatest(36, round(120000 * s))::int AS vehicles,
       greatest(10, round(33000 * s))::int AS expired_permits,
       greatest(100, round(2000000 * s))::int AS scans,
       greatest(100, round(1000000 * s))::int AS sessions,
       5 AS bookings_per_night,
       greatest(10, round(60000 * s))::int AS violations,
       now() AS t0
  FROM (SELECT current_setting('bench.scale')::numeric AS s) x;

-- Associations and their first members: a council member, three wardens, a resident.
CREATE TEMP TABLE d_assoc AS
SELECT a, gen_random_uuid() AS id FROM knob CROSS JOIN generate_series(1, knob.associations) a;
INSERT INTO association (id, name, community, street_office)
SELECT id, '区测车友会' || a, '测试社区' || (a % 40), '西城测试街道' || (a % 15) FROM d_assoc;

CREATE TEMP TABLE d_member AS
SELECT d.a, d.id AS association_id, k, gen_random_uuid() AS id,
       CASE k WHEN 0 THEN 'admin' WHEN 4 THEN 'resident' ELSE 'warden' END AS role,
       '196' || lpad((d.a * 10 + k)::text, 8, '0') AS phone
  FROM d_assoc d, generate_series(0, 4) k;
INSERT INTO member (id, association_id, name, phone, role)
SELECT id, association_id, '测试' || role || a, phone, role FROM d_member;

-- Lanes and their painted spaces (40 a lane, one side, 6 m apart).
CREATE TEMP TABLE d_lane AS
SELECT l, gen_random_uuid() AS id, d.id AS association_id
  FROM knob CROSS JOIN generate_series(1, knob.lanes) l JOIN d_assoc d ON d.a = 1 + (l % knob.associations);
INSERT INTO lane (id, association_id, name) SELECT id, association_id, '测试胡同' || l FROM d_lane;
CREATE TEMP TABLE d_space AS
SELECT row_number() OVER () AS n, gen_random_uuid() AS id, dl.id AS lane_id, dl.association_id, k
  FROM d_lane dl CROSS JOIN knob CROSS JOIN generate_series(0, knob.spaces_per_lane - 1) k;
INSERT INTO space (id, association_id, lane_id, code, x, y, chainage_from, chainage_to, side,
                   consent)
SELECT id, association_id, lane_id, 'S' || k, k * 6, 0, k * 6, k * 6 + 5, 1, 'approved'
  FROM d_space;

-- Households and vehicles, spread over the associations.
CREATE TEMP TABLE d_household AS
SELECT h, gen_random_uuid() AS id, d.id AS association_id
  FROM knob CROSS JOIN generate_series(1, knob.households) h JOIN d_assoc d ON d.a = 1 + (h % knob.associations);
INSERT INTO household (id, association_id, address)
SELECT id, association_id, '测试胡同' || h || '号' FROM d_household;
CREATE TEMP TABLE d_vehicle AS
SELECT v, gen_random_uuid() AS id, dh.id AS household_id, dh.association_id,
       '京' || chr(65 + (v / 100000) % 26) || lpad((v % 100000)::text, 5, '0') AS plate
  FROM knob CROSS JOIN generate_series(1, knob.vehicles) v
  JOIN d_household dh ON dh.h = 1 + (v % knob.households);
INSERT INTO vehicle (id, association_id, household_id, plate, plate_color)
SELECT id, association_id, household_id, plate, 'blue' FROM d_vehicle;
CREATE INDEX ON d_vehicle (v);
ALTER TABLE d_vehicle ADD COLUMN rank int;
UPDATE d_vehicle dv SET rank = r.rank
  FROM (SELECT id, row_number() OVER (PARTITION BY association_id ORDER BY v) AS rank
          FROM d_vehicle) r
 WHERE r.id = dv.id AND r.rank <= 10;

-- One resident permit in force per vehicle, and expired ones from the year before.
CREATE TEMP TABLE d_permit AS
SELECT row_number() OVER () AS n, gen_random_uuid() AS id, dv.id AS vehicle_id, dv.household_id,
       dv.association_id, dv.plate, active
  FROM (SELECT v, true AS active FROM knob CROSS JOIN generate_series(1, knob.vehicles) v
        UNION ALL
        SELECT 1 + (e % knob.vehicles), false FROM knob CROSS JOIN generate_series(1, knob.expired_permits) e) p
  JOIN d_vehicle dv ON dv.v = p.v;
INSERT INTO permit (id, association_id, kind, vehicle_id, household_id, plate, status, valid_from,
                    valid_to)
SELECT id, association_id, 'resident', vehicle_id, household_id, plate,
       CASE WHEN active THEN 'active' ELSE 'expired' END,
       CASE WHEN active THEN t0 - interval '30 days' ELSE t0 - interval '395 days' END,
       CASE WHEN active THEN t0 + interval '335 days' ELSE t0 - interval '30 days' END
  FROM d_permit, knob;
CREATE INDEX ON d_permit (n);
INSERT INTO permit_event (permit_id, association_id, type, at)
SELECT id, association_id, 'issued', t0 - interval '30 days' FROM d_permit, knob;

-- Scans of those permits by the associations' wardens over the year.
INSERT INTO permit_scan (association_id, scanned_by, idempotency_key, permit_id, method, verdict,
                         reason, scanned_at, recorder_on_duty)
SELECT p.association_id, m.id, 'd' || g, p.id, 'token', 'valid', 'valid',
       t0 - (g % 365) * interval '1 day' - (g % 1440) * interval '1 minute', true
  FROM knob CROSS JOIN generate_series(1, knob.scans) g
  JOIN d_permit p ON p.n = 1 + (g % (SELECT count(*) FROM d_permit))
  JOIN d_member m ON m.association_id = p.association_id AND m.k = 1 + (g % 3);

-- Ended occupancy sessions in the lanes' spaces over the year, two hours each.
CREATE INDEX ON d_space (n);
INSERT INTO occupancy_session (association_id, lane_id, space_id, vehicle_id, plate, source,
                               started_at, ended_at, checked_in_by, checked_out_by)
SELECT s.association_id, s.lane_id, s.id, NULL, '京Y' || lpad((g % 100000)::text, 5, '0'),
       'warden', t0 - (g % 365 + 1) * interval '1 day' + (g % 20) * interval '1 hour',
       t0 - (g % 365 + 1) * interval '1 day' + (g % 20 + 2) * interval '1 hour', m.id, m.id
  FROM knob CROSS JOIN generate_series(1, knob.sessions) g
  JOIN d_space s ON s.n = 1 + (g % (SELECT count(*) FROM d_space))
  JOIN d_member m ON m.association_id = s.association_id AND m.k = 1;

-- A resident unit with one car park and one nightly offer per association; five bookings a
-- night for a year (the counter trigger is off while loading; the counts are set after).
CREATE TEMP TABLE d_park AS
SELECT d.a, d.id AS association_id, gen_random_uuid() AS unit_id, gen_random_uuid() AS id,
       gen_random_uuid() AS offer_id
  FROM d_assoc d;
INSERT INTO resident_unit (id, association_id, name, kind)
SELECT unit_id, association_id, '测试单位' || a, 'office' FROM d_park;
INSERT INTO car_park (id, association_id, resident_unit_id, name, total_spaces)
SELECT id, association_id, unit_id, '测试停车场' || a, 50 FROM d_park;
INSERT INTO off_peak_offer (id, car_park_id, resident_unit_id, association_id, title, places,
                            weekly_rules, valid_from, eligible_association_ids, terms_hash)
SELECT offer_id, id, unit_id, association_id, '夜间共享', 10,
       '[{"days":"daily","from":"18:00","to":"08:00"}]', (t0 - interval '366 days')::date,
       ARRAY[association_id], 'bench'
  FROM d_park, knob;
INSERT INTO offer_night (offer_id, night, period, capacity)
SELECT p.offer_id, n::date,
       tstzrange((n::date + time '18:00') AT TIME ZONE 'Asia/Shanghai',
                 (n::date + 1 + time '08:00') AT TIME ZONE 'Asia/Shanghai'), 10
  FROM d_park p, knob, generate_series((t0 - interval '365 days')::date, t0::date, '1 day') n;
ALTER TABLE booking DISABLE TRIGGER booking_count_night;
INSERT INTO booking (offer_id, night, car_park_id, period, association_id, household_id,
                     member_id, vehicle_id, plate, plate_color, terms_hash, terms_accepted_at)
SELECT o.offer_id, o.night, p.id, o.period, p.association_id, v.household_id, m.id, v.id, v.plate,
       'blue', 'bench', lower(o.period) - interval '1 day'
  FROM offer_night o
  JOIN d_park p ON p.offer_id = o.offer_id
  JOIN d_member m ON m.association_id = p.association_id AND m.k = 4
  CROSS JOIN knob
  CROSS JOIN generate_series(1, knob.bookings_per_night) slot
  JOIN d_vehicle v ON v.association_id = p.association_id AND v.rank = slot;
ALTER TABLE booking ENABLE TRIGGER booking_count_night;
UPDATE offer_night o SET booked = b.n
  FROM (SELECT offer_id, night, count(*) AS n FROM booking WHERE status = 'booked'
         GROUP BY 1, 2) b
 WHERE b.offer_id = o.offer_id AND b.night = o.night
   AND o.offer_id IN (SELECT offer_id FROM d_park);

-- A year of three eight-hour shifts a day per association, one warden each.
CREATE TEMP TABLE d_shift AS
SELECT gen_random_uuid() AS id, d.id AS association_id, day, k,
       (day + make_interval(hours => k * 8)) AT TIME ZONE 'Asia/Shanghai' AS starts_at
  FROM d_assoc d, knob,
       generate_series((t0 - interval '365 days')::date::timestamp, t0::date::timestamp,
                       '1 day') day,
       generate_series(0, 2) k;
INSERT INTO duty_shift (id, association_id, kind, name, starts_at, ends_at)
SELECT id, association_id, 'warden', '班次' || k, starts_at, starts_at + interval '8 hours'
  FROM d_shift;
INSERT INTO shift_assignment (association_id, shift_id, member_id, starts_at, ends_at)
SELECT s.association_id, s.id, m.id, s.starts_at, s.starts_at + interval '8 hours'
  FROM d_shift s JOIN d_member m ON m.association_id = s.association_id AND m.k = 1 + s.k;

-- Violations of the district's permitted cars, persuasion first.
INSERT INTO violation (association_id, kind, plate, vehicle_id, household_id, place, occurred_at,
                       recorded_by, step, action, permit_id)
SELECT p.association_id, 'wrong_space', p.plate, p.vehicle_id, p.household_id, '测试车位',
       t0 - (g % 365) * interval '1 day', m.id, 1, 'persuasion', p.id
  FROM knob CROSS JOIN generate_series(1, knob.violations) g
  JOIN d_permit p ON p.n = 1 + ((g * 7) % (SELECT count(*) FROM d_permit))
  JOIN d_member m ON m.association_id = p.association_id AND m.k = 1;

ANALYZE;
SELECT (SELECT count(*) FROM association) AS associations, (SELECT count(*) FROM space) AS spaces,
       (SELECT count(*) FROM vehicle) AS vehicles, (SELECT count(*) FROM permit) AS permits,
       (SELECT count(*) FROM permit_scan) AS scans,
       (SELECT count(*) FROM occupancy_session) AS sessions,
       (SELECT count(*) FROM booking) AS bookings,
       (SELECT count(*) FROM shift_assignment) AS assignments;
