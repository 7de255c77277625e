import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Off-peak sharing (错时共享): resident units' car parks, their offers, nightly bookings,
 * standing allocations with a waiting list, overstays, and China's holiday calendar.
 *
 * Never over-allocated, in PostgreSQL (see docs/sharing.md):
 * - offer_night holds each night's capacity and a `booked` counter kept by a trigger on booking;
 *   CHECK (booked <= capacity) refuses the booking that would overfill a night, and the row lock
 *   the trigger takes serialises concurrent bookers of the same night.
 * - off_peak_offer.standing_admitted is kept the same way for standing allocations, which hold
 *   places carved out of the offer (nightly capacity = places - standing_places).
 * - a named space is never given twice for overlapping times: an exclusion constraint over
 *   tstzrange with btree_gist; nor a vehicle booked twice for overlapping nights.
 */
export class Sharing1763900300000 implements MigrationInterface {
  name = 'Sharing1763900300000';

  public async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await db.query(`
      CREATE TABLE holiday_calendar_day (
        day date PRIMARY KEY,
        kind text NOT NULL,
        name text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT holiday_calendar_day_kind_check CHECK (kind IN ('holiday', 'workday'))
      )`);
    await db.query(`
      CREATE TABLE car_park (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        association_id uuid NOT NULL,
        resident_unit_id uuid NOT NULL,
        name text NOT NULL,
        address text NOT NULL DEFAULT '',
        entrance_notes text NOT NULL DEFAULT '',
        latitude numeric(9,6),
        longitude numeric(9,6),
        total_spaces integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT car_park_unit_fkey FOREIGN KEY (resident_unit_id, association_id)
          REFERENCES resident_unit(id, association_id) ON DELETE CASCADE,
        CONSTRAINT car_park_name_key UNIQUE (resident_unit_id, name),
        CONSTRAINT car_park_total_spaces_check CHECK (total_spaces BETWEEN 1 AND 5000)
      )`);
    await db.query(`
      CREATE TABLE car_park_space (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        car_park_id uuid NOT NULL REFERENCES car_park(id) ON DELETE CASCADE,
        code text NOT NULL,
        CONSTRAINT car_park_space_code_key UNIQUE (car_park_id, code),
        CONSTRAINT car_park_space_code_check CHECK (code ~ '^[A-Z0-9][A-Z0-9-]{0,15}$')
      )`);
    await db.query(`
      CREATE TABLE off_peak_offer (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        car_park_id uuid NOT NULL REFERENCES car_park(id) ON DELETE CASCADE,
        resident_unit_id uuid NOT NULL REFERENCES resident_unit(id) ON DELETE CASCADE,
        association_id uuid NOT NULL REFERENCES association(id) ON DELETE CASCADE,
        title text NOT NULL,
        status text NOT NULL DEFAULT 'live',
        places integer NOT NULL,
        standing_places integer NOT NULL DEFAULT 0,
        standing_admitted integer NOT NULL DEFAULT 0,
        named_spaces boolean NOT NULL DEFAULT false,
        weekly_rules jsonb NOT NULL,
        valid_from date NOT NULL,
        valid_to date,
        blackout_dates date[] NOT NULL DEFAULT '{}',
        eligible_association_ids uuid[] NOT NULL,
        grace_minutes integer,
        monthly_fee_cny numeric(8,2) NOT NULL DEFAULT 0,
        booking_days_ahead integer NOT NULL DEFAULT 7,
        terms_text text NOT NULL DEFAULT '',
        terms_hash text NOT NULL,
        ended_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT off_peak_offer_status_check CHECK (status IN ('live', 'paused', 'ended')),
        CONSTRAINT off_peak_offer_places_check CHECK (places BETWEEN 1 AND 5000),
        CONSTRAINT off_peak_offer_standing_check
          CHECK (standing_places BETWEEN 0 AND places
                 AND standing_admitted BETWEEN 0 AND standing_places),
        CONSTRAINT off_peak_offer_validity_check CHECK (valid_to IS NULL OR valid_to >= valid_from),
        CONSTRAINT off_peak_offer_grace_check CHECK (grace_minutes BETWEEN 0 AND 240),
        CONSTRAINT off_peak_offer_fee_check CHECK (monthly_fee_cny >= 0),
        CONSTRAINT off_peak_offer_ahead_check CHECK (booking_days_ahead BETWEEN 0 AND 60),
        CONSTRAINT off_peak_offer_ended_check CHECK ((status = 'ended') = (ended_at IS NOT NULL))
      )`);
    await db.query(`CREATE INDEX off_peak_offer_car_park_idx ON off_peak_offer (car_park_id)`);
    await db.query(`
      CREATE TABLE off_peak_offer_space (
        offer_id uuid NOT NULL REFERENCES off_peak_offer(id) ON DELETE CASCADE,
        space_id uuid NOT NULL REFERENCES car_park_space(id) ON DELETE CASCADE,
        PRIMARY KEY (offer_id, space_id)
      )`);
    await db.query(`
      CREATE TABLE offer_night (
        offer_id uuid NOT NULL REFERENCES off_peak_offer(id) ON DELETE CASCADE,
        night date NOT NULL,
        period tstzrange NOT NULL,
        capacity integer NOT NULL,
        booked integer NOT NULL DEFAULT 0,
        PRIMARY KEY (offer_id, night),
        CONSTRAINT offer_night_capacity_check CHECK (capacity >= 0 AND booked BETWEEN 0 AND capacity)
      )`);
    await db.query(`
      CREATE TABLE booking (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        offer_id uuid NOT NULL,
        night date NOT NULL,
        car_park_id uuid NOT NULL REFERENCES car_park(id) ON DELETE CASCADE,
        period tstzrange NOT NULL,
        association_id uuid NOT NULL,
        household_id uuid NOT NULL,
        member_id uuid NOT NULL REFERENCES member(id) ON DELETE CASCADE,
        vehicle_id uuid NOT NULL,
        space_id uuid REFERENCES car_park_space(id) ON DELETE RESTRICT,
        status text NOT NULL DEFAULT 'booked',
        terms_hash text NOT NULL,
        terms_accepted_at timestamptz NOT NULL,
        arrived_at timestamptz,
        left_at timestamptz,
        reminded_at timestamptz,
        cancelled_at timestamptz,
        cancelled_by uuid,
        cancel_reason text,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT booking_status_check CHECK (status IN ('booked', 'cancelled')),
        CONSTRAINT booking_cancel_check
          CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL AND cancel_reason IS NOT NULL)),
        CONSTRAINT booking_offer_night_fkey FOREIGN KEY (offer_id, night)
          REFERENCES offer_night(offer_id, night) ON DELETE CASCADE,
        CONSTRAINT booking_household_fkey FOREIGN KEY (household_id, association_id)
          REFERENCES household(id, association_id) ON DELETE CASCADE,
        CONSTRAINT booking_vehicle_fkey FOREIGN KEY (vehicle_id, association_id)
          REFERENCES vehicle(id, association_id) ON DELETE CASCADE,
        CONSTRAINT booking_space_no_overlap EXCLUDE USING gist
          (space_id WITH =, period WITH &&) WHERE (status = 'booked' AND space_id IS NOT NULL),
        CONSTRAINT booking_vehicle_no_overlap EXCLUDE USING gist
          (vehicle_id WITH =, period WITH &&) WHERE (status = 'booked')
      )`);
    await db.query(`CREATE INDEX booking_offer_night_idx ON booking (offer_id, night)`);
    await db.query(`CREATE INDEX booking_member_idx ON booking (member_id)`);
    // The counter that the capacity CHECK guards moves with every booking, whoever writes it.
    await db.query(`
      CREATE FUNCTION booking_count_night() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'booked' THEN
          UPDATE offer_night SET booked = booked - 1
           WHERE offer_id = OLD.offer_id AND night = OLD.night;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'booked' THEN
          UPDATE offer_night SET booked = booked + 1
           WHERE offer_id = NEW.offer_id AND night = NEW.night;
        END IF;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER booking_count_night AFTER INSERT OR DELETE OR UPDATE OF status, offer_id, night
        ON booking FOR EACH ROW EXECUTE FUNCTION booking_count_night()`);
    await db.query(`
      CREATE TABLE standing_allocation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        offer_id uuid NOT NULL REFERENCES off_peak_offer(id) ON DELETE CASCADE,
        association_id uuid NOT NULL,
        household_id uuid NOT NULL,
        member_id uuid NOT NULL REFERENCES member(id) ON DELETE CASCADE,
        vehicle_id uuid NOT NULL,
        status text NOT NULL DEFAULT 'waiting',
        registered_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        admitted_at timestamptz,
        admitted_by uuid,
        household_key text,
        space_id uuid REFERENCES car_park_space(id) ON DELETE RESTRICT,
        permit_id uuid,
        terms_hash text NOT NULL,
        terms_accepted_at timestamptz NOT NULL,
        cancelled_at timestamptz,
        cancel_reason text,
        CONSTRAINT standing_allocation_status_check
          CHECK (status IN ('waiting', 'admitted', 'cancelled')),
        CONSTRAINT standing_allocation_admitted_check
          CHECK (status <> 'admitted' OR (admitted_at IS NOT NULL AND household_key IS NOT NULL)),
        CONSTRAINT standing_allocation_cancel_check
          CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL)),
        CONSTRAINT standing_allocation_household_fkey FOREIGN KEY (household_id, association_id)
          REFERENCES household(id, association_id) ON DELETE CASCADE,
        CONSTRAINT standing_allocation_vehicle_fkey FOREIGN KEY (vehicle_id, association_id)
          REFERENCES vehicle(id, association_id) ON DELETE CASCADE
      )`);
    await db.query(`
      CREATE UNIQUE INDEX standing_allocation_vehicle_key ON standing_allocation (offer_id, vehicle_id)
        WHERE status <> 'cancelled'`);
    // household_key is the household when the convention says one per household, else the
    // allocation's own id, so this one index enforces whichever rule was in force at admission.
    await db.query(`
      CREATE UNIQUE INDEX standing_allocation_household_key ON standing_allocation (offer_id, household_key)
        WHERE status = 'admitted'`);
    await db.query(`
      CREATE UNIQUE INDEX standing_allocation_space_key ON standing_allocation (offer_id, space_id)
        WHERE status = 'admitted'`);
    await db.query(`
      CREATE FUNCTION standing_allocation_count() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'admitted' THEN
          UPDATE off_peak_offer SET standing_admitted = standing_admitted - 1 WHERE id = OLD.offer_id;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'admitted' THEN
          UPDATE off_peak_offer SET standing_admitted = standing_admitted + 1 WHERE id = NEW.offer_id;
        END IF;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER standing_allocation_count AFTER INSERT OR DELETE OR UPDATE OF status, offer_id
        ON standing_allocation FOR EACH ROW EXECUTE FUNCTION standing_allocation_count()`);
    await db.query(`
      CREATE TABLE sharing_overstay (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        booking_id uuid NOT NULL REFERENCES booking(id) ON DELETE CASCADE,
        car_park_id uuid NOT NULL REFERENCES car_park(id) ON DELETE CASCADE,
        association_id uuid NOT NULL REFERENCES association(id) ON DELETE CASCADE,
        must_leave_by timestamptz NOT NULL,
        grace_minutes integer NOT NULL,
        flagged_at timestamptz NOT NULL,
        resolved_at timestamptz,
        CONSTRAINT sharing_overstay_booking_key UNIQUE (booking_id)
      )`);
    await seedHolidayCalendar(db);
  }

  public async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'sharing_overstay',
      'standing_allocation',
      'booking',
      'offer_night',
      'off_peak_offer_space',
      'off_peak_offer',
      'car_park_space',
      'car_park',
      'holiday_calendar_day',
    ]) {
      await db.query(`DROP TABLE ${table}`);
    }
    await db.query(`DROP FUNCTION standing_allocation_count()`);
    await db.query(`DROP FUNCTION booking_count_night()`);
  }
}

type Span = [from: string, to: string, name: string];

/** Official days off (from–to inclusive) and make-up working days (调休上班). */
const HOLIDAYS: Span[] = [
  // 2026, as published by the State Council.
  ['2026-01-01', '2026-01-03', '元旦'],
  ['2026-02-15', '2026-02-23', '春节'],
  ['2026-04-04', '2026-04-06', '清明节'],
  ['2026-05-01', '2026-05-05', '劳动节'],
  ['2026-06-19', '2026-06-21', '端午节'],
  ['2026-09-25', '2026-09-27', '中秋节'],
  ['2026-10-01', '2026-10-07', '国庆节'],
  // 2027: PROVISIONAL, our best estimate before the State Council's notice (usually published in
  // November of the year before). The council corrects it with PUT /api/holiday-calendar/2027.
  ['2027-01-01', '2027-01-03', '元旦'],
  ['2027-02-05', '2027-02-13', '春节'],
  ['2027-04-03', '2027-04-05', '清明节'],
  ['2027-05-01', '2027-05-05', '劳动节'],
  ['2027-06-09', '2027-06-11', '端午节'],
  ['2027-09-15', '2027-09-17', '中秋节'],
  ['2027-10-01', '2027-10-07', '国庆节'],
];
const MAKE_UP_WORKDAYS: [day: string, name: string][] = [
  ['2026-01-04', '元旦调休上班'],
  ['2026-02-14', '春节调休上班'],
  ['2026-02-28', '春节调休上班'],
  ['2026-05-09', '劳动节调休上班'],
  ['2026-09-20', '国庆节调休上班'],
  ['2026-10-10', '国庆节调休上班'],
  // 2027: PROVISIONAL (see above).
  ['2027-02-20', '春节调休上班'],
  ['2027-04-25', '劳动节调休上班'],
  ['2027-05-08', '劳动节调休上班'],
  ['2027-09-26', '国庆节调休上班'],
  ['2027-10-09', '国庆节调休上班'],
];

async function seedHolidayCalendar(db: QueryRunner): Promise<void> {
  for (const [from, to, name] of HOLIDAYS) {
    await db.query(
      `INSERT INTO holiday_calendar_day (day, kind, name)
       SELECT d::date, 'holiday', $3 FROM generate_series($1::date, $2::date, '1 day') d`,
      [from, to, name],
    );
  }
  for (const [day, name] of MAKE_UP_WORKDAYS) {
    await db.query(
      `INSERT INTO holiday_calendar_day (day, kind, name) VALUES ($1, 'workday', $2)`,
      [day, name],
    );
  }
}
