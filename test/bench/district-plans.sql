-- Plans and buffers of the queries issue 15.1 names, on a district database (district.sql
-- loaded): deterministic figures beside the timed route benchmark, which a shared machine makes
-- noisy. Runs in a transaction that is rolled back (it inserts and deletes one vehicle).
--
--   psql "$DISTRICT_URL" -c BEGIN -f test/bench/district-plans.sql -c ROLLBACK
--
-- "Before" the indexes of issue 15.1, in the same database: drop them inside the transaction first:
--   psql "$DISTRICT_URL" -c BEGIN -c "DO \$\$ DECLARE r record; BEGIN FOR r IN SELECT indexname
--     FROM pg_indexes WHERE schemaname = 'public' AND (indexname LIKE '%\_fk\_idx' OR indexname IN
--     ('shift_assignment_association_starts_idx', 'vehicle_association_idx')) LOOP
--     EXECUTE 'DROP INDEX ' || r.indexname; END LOOP; END \$\$" -f test/bench/district-plans.sql -c ROLLBACK
SELECT id AS park FROM car_park ORDER BY name LIMIT 1 \gset
SELECT association_id AS assoc FROM car_park WHERE id = :'park' \gset
SELECT household_id AS hh FROM vehicle WHERE association_id = :'assoc' LIMIT 1 \gset
INSERT INTO vehicle (association_id, household_id, plate, plate_color) VALUES (:'assoc', :'hh', '京Q99999', 'blue') RETURNING id AS fresh \gset
\echo === bookings ledger of one car park
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON) SELECT b.* FROM booking b JOIN off_peak_offer o ON o.id = b.offer_id JOIN car_park cp ON cp.id = b.car_park_id LEFT JOIN car_park_space s ON s.id = b.space_id WHERE b.car_park_id = :'park' ORDER BY b.night, b.created_at;
\echo === who is on duty
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON) SELECT a.member_id FROM shift_assignment a JOIN duty_shift s ON s.id = a.shift_id JOIN member m ON m.id = a.member_id WHERE a.association_id = :'assoc' AND a.signed_in_at <= now() AND now() < COALESCE(a.signed_out_at, a.ends_at);
\echo === permits ledger
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON) SELECT e.id, p.number FROM permit_event e JOIN permit p ON p.id = e.permit_id AND p.association_id = e.association_id WHERE e.association_id = :'assoc' ORDER BY e.id;
\echo === deleting a vehicle without history (foreign-key checks)
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON) DELETE FROM vehicle WHERE id = :'fresh';
