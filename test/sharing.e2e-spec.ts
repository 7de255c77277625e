import { io, type Socket } from 'socket.io-client';
import {
  addDays,
  shanghaiClock,
  shanghaiDate,
  shanghaiDateTime,
} from '../src/common/shanghai-time';
import type { LiveEventName } from '../src/shared/live';
import { RemindersService } from '../src/sharing/reminders.service';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

// The reminder job is driven by hand here; a larger pool lets the booking storm really race.
process.env.SHARING_REMINDER_INTERVAL_SECONDS = '0';
process.env.DATABASE_POOL_SIZE = '24';

const SCHOOL_STAFF = '13800000101';
const CAR_FREE_RESIDENT = '13800000015'; // 下岗胡同6号 has no car

/** A phone on the live socket, keeping what it is pushed. */
class Phone {
  readonly received: { event: string; payload: Record<string, unknown> }[] = [];
  private readonly socket: Socket;

  constructor(url: string, token: string) {
    this.socket = io(`${url}/live`, { auth: { token }, transports: ['websocket'] });
    this.socket.onAny((event: string, payload: Record<string, unknown>) =>
      this.received.push({ event, payload }),
    );
  }

  async subscribe(topic: object): Promise<void> {
    const ack = (await this.socket.timeout(5000).emitWithAck('subscribe', topic)) as {
      ok: boolean;
    };
    expect(ack.ok).toBe(true);
  }

  /** Waits for the first push of `event` (received after `since`) that `match` accepts. */
  async next(
    event: LiveEventName,
    match: (payload: Record<string, unknown>) => boolean = () => true,
    since = 0,
  ): Promise<Record<string, unknown>> {
    const deadline = Date.now() + 5000;
    for (;;) {
      const found = this.received.slice(since).find((r) => r.event === event && match(r.payload));
      if (found) return found.payload;
      if (Date.now() > deadline) throw new Error(`no ${event} within 5 s`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  heard(event: LiveEventName): boolean {
    return this.received.some((r) => r.event === event);
  }

  get count(): number {
    return this.received.length;
  }

  close(): void {
    this.socket.disconnect();
  }
}

describe('off-peak sharing: a unit lends its car park, residents book, never over-allocated', () => {
  let t: TestApp;
  let unit: string;
  let resident: string;
  let residentPhone: Phone;
  let carParkId: string;
  let vehicleId: string;
  const today = () => shanghaiDate(new Date());
  const tomorrow = () => addDays(today(), 1);

  const as = (token: string) => ({
    get: (path: string) => t.http().get(path).set('Authorization', `Bearer ${token}`),
    post: (path: string, body: object = {}) =>
      t.http().post(path).set('Authorization', `Bearer ${token}`).send(body),
    patch: (path: string, body: object) =>
      t.http().patch(path).set('Authorization', `Bearer ${token}`).send(body),
    del: (path: string) => t.http().delete(path).set('Authorization', `Bearer ${token}`),
  });
  const inEnglish = (token: string) => ({
    get: (path: string) =>
      t.http().get(path).set('Authorization', `Bearer ${token}`).set('accept-language', 'en'),
    post: (path: string, body: object = {}) =>
      t
        .http()
        .post(path)
        .set('Authorization', `Bearer ${token}`)
        .set('accept-language', 'en')
        .send(body),
  });
  const phones: Phone[] = [];
  const phone = (token: string) => {
    const p = new Phone(t.url, token);
    phones.push(p);
    return p;
  };

  /** Extra cars for the demo resident's household (the test's own, so tests do not share them). */
  async function addVehicles(count: number, prefix: string): Promise<{ id: string }[]> {
    const [household] = await t.sql<{ household_id: string; association_id: string }>(
      `SELECT household_id, association_id FROM member WHERE phone = $1`,
      [DEMO.resident],
    );
    return t.sql<{ id: string }>(
      `INSERT INTO vehicle (association_id, household_id, plate, plate_color)
       SELECT $1, $2, $3 || (10000 + n)::text, 'blue' FROM generate_series(1, $4::int) n RETURNING id`,
      [household!.association_id, household!.household_id, prefix, count],
    );
  }

  async function publish(body: object) {
    const response = await as(unit).post('/api/offers', {
      carParkId,
      validFrom: '2026-01-01',
      rules: [{ days: 'daily', from: '00:00', to: '00:00' }],
      termsText: '单位不承担保管责任',
      ...body,
    });
    expect(response.status).toBe(201);
    return response.body as { id: string; termsHash: string; nights: { night: string }[] };
  }

  beforeAll(async () => {
    t = await startTestApp();
    unit = await t.login(DEMO.unit);
    resident = await t.login(DEMO.resident);
    residentPhone = phone(resident);
    const [own] = await t.sql<{ id: string }>(
      `SELECT v.id FROM vehicle v JOIN member m ON m.household_id = v.household_id WHERE m.phone = $1`,
      [DEMO.resident],
    );
    vehicleId = own!.id;
    const park = await as(unit).post('/api/car-parks', {
      name: '金融街中心地面停车场',
      address: '金融街中心东侧',
      totalSpaces: 300,
    });
    expect(park.status).toBe(201);
    carParkId = park.body.id;
  });
  afterAll(async () => {
    for (const p of phones) p.close();
    await t.close();
  });

  it('a resident sees the demo offers with free places per night; a car-free one sees why not', async () => {
    const offers = await as(resident).get('/api/offers');
    expect(offers.status).toBe(200);
    const titles = offers.body.map((o: { title: string }) => o.title);
    expect(titles).toEqual(
      expect.arrayContaining(['金融街中心夜间及周末共享', '二龙路小学操场夜间共享']),
    );
    const school = offers.body.find((o: { title: string }) => o.title.startsWith('二龙路小学'));
    expect(school.nights.length).toBeGreaterThanOrEqual(7);
    expect(school.nights[school.nights.length - 1]).toMatchObject({ capacity: 20, free: 20 });
    expect(school.eligibility).toMatchObject({ eligible: true, reasons: [] });

    const carFreeToken = await t.login(CAR_FREE_RESIDENT);
    const carFree = await as(carFreeToken).get('/api/offers');
    expect(carFree.body[0].eligibility).toMatchObject({ eligible: false, reasons: ['no_vehicle'] });
    expect(carFree.body[0].eligibility.explanation).toEqual(['本户尚未登记车辆']);
    const english = await inEnglish(carFreeToken).get('/api/offers');
    expect(english.body[0].eligibility.explanation).toEqual([
      'Your household has no registered vehicle',
    ]);
  });

  it('the resident books a named school space, accepting the terms; the school sees the plate', async () => {
    const offers = await as(resident).get('/api/offers');
    const school = offers.body.find((o: { title: string }) => o.title.startsWith('二龙路小学'));
    const refused = await as(resident).post(`/api/offers/${school.id}/bookings`, {
      date: tomorrow(),
      vehicleId,
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      reason: 'booking.terms_not_accepted',
      params: { termsHash: school.termsHash },
      message: '请先阅读并同意单位的免责条款（acceptTerms: true）',
    });
    const refusedInEnglish = await inEnglish(resident).post(`/api/offers/${school.id}/bookings`, {
      date: tomorrow(),
      vehicleId,
    });
    expect(refusedInEnglish.body).toMatchObject({
      reason: 'booking.terms_not_accepted',
      params: { termsHash: school.termsHash },
      message: "Read and accept the unit's terms of liability first (acceptTerms: true)",
    });

    const booked = await as(resident).post(`/api/offers/${school.id}/bookings`, {
      date: tomorrow(),
      vehicleId,
      acceptTerms: true,
      termsHash: school.termsHash,
    });
    expect(booked.status).toBe(201);
    expect(booked.body).toMatchObject({
      status: 'booked',
      spaceCode: 'E01',
      termsHash: school.termsHash,
    });
    const [kept] = await t.sql<{ terms_accepted_at: Date }>(
      `SELECT terms_accepted_at FROM booking WHERE id = $1`,
      [booked.body.id],
    );
    expect(kept!.terms_accepted_at).toBeInstanceOf(Date);

    const staff = await t.login(SCHOOL_STAFF);
    const [yard] = (await as(staff).get('/api/car-parks')).body;
    const night = await as(staff).get(`/api/car-parks/${yard.id}/bookings?night=${tomorrow()}`);
    expect(night.body[0].plate).toBe(booked.body.plate);
    expect(night.body[0].plate).not.toContain('*');
    // The office tower's staff cannot see the school's car park at all.
    expect((await as(unit).get(`/api/car-parks/${yard.id}/bookings`)).status).toBe(404);
    // Another resident can neither read nor cancel it.
    const other = await t.login(DEMO.otherResident);
    expect((await as(other).del(`/api/bookings/${booked.body.id}`)).status).toBe(404);

    const csv = await as(staff).get(`/api/car-parks/${yard.id}/bookings.csv`);
    expect(csv.status).toBe(200);
    expect(csv.text).toContain('日期,开始,结束,共享时段,车位,车牌');
    expect(csv.text).not.toMatch(/[0-9a-f]{64}/); // no terms hash
    expect(csv.text).toContain(`${tomorrow()},`);

    // A follower of the yard sees the place come free, counts only.
    await residentPhone.subscribe({ carParkId: yard.id });
    const since = residentPhone.count;
    const cancelled = await as(resident).del(`/api/bookings/${booked.body.id}`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({
      status: 'cancelled',
      cancelReason: 'resident',
      cancelReasonText: '本人取消',
    });
    const freed = await residentPhone.next(
      'carpark.updated',
      (p) => p.carParkId === yard.id,
      since,
    );
    const nights = (freed.offers as { nights: { night: string; booked: number }[] }[])[0]!.nights;
    expect(nights.find((n) => n.night === tomorrow())).toMatchObject({ booked: 0 });
    expect(JSON.stringify(freed)).not.toContain(booked.body.plate);
  });

  it('200+ residents race for the last 5 places: exactly 5 win, the rest get a clear 409', async () => {
    const offer = await publish({ title: '抢位测试', places: 5 });
    const vehicles = await addVehicles(220, '京Z');
    const night = tomorrow();
    const responses = await Promise.all(
      vehicles.map((v) =>
        fetch(`${t.url}/api/offers/${offer.id}/bookings`, {
          method: 'POST',
          headers: { authorization: `Bearer ${resident}`, 'content-type': 'application/json' },
          body: JSON.stringify({ date: night, vehicleId: v.id, acceptTerms: true }),
        }).then(async (r) => ({ status: r.status, body: (await r.json()) as { message: string } })),
      ),
    );
    const created = responses.filter((r) => r.status === 201);
    const refused = responses.filter((r) => r.status === 409);
    expect(created).toHaveLength(5);
    expect(refused).toHaveLength(215);
    expect(refused[0]!.body).toMatchObject({
      reason: 'booking.full',
      params: { offer: '抢位测试', night },
      message: `车位已满：“抢位测试”${night}晚已无空位，请换一晚`,
    });
    const late = await inEnglish(resident).post(`/api/offers/${offer.id}/bookings`, {
      date: night,
      vehicleId,
      acceptTerms: true,
    });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({
      reason: 'booking.full',
      params: { offer: '抢位测试', night },
      message: `No places left at "抢位测试" for the night of ${night}; try another night`,
    });

    const [counter] = await t.sql<{ capacity: number; booked: number; actual: string }>(
      `SELECT n.capacity, n.booked, (SELECT count(*) FROM booking b WHERE b.offer_id = n.offer_id
         AND b.night = n.night AND b.status = 'booked') AS actual
         FROM offer_night n WHERE n.offer_id = $1 AND n.night = $2`,
      [offer.id, night],
    );
    expect(counter).toEqual({ capacity: 5, booked: 5, actual: '5' });
    const view = await as(resident).get(`/api/offers/${offer.id}`);
    expect(view.body.nights.find((n: { night: string }) => n.night === night)).toMatchObject({
      free: 0,
    });
  });

  it('pausing stops new bookings; reducing places cancels the latest with notice; ending cancels the rest', async () => {
    const offer = await publish({ title: '变更测试', places: 3 });
    const vehicles = await addVehicles(3, '京Y');
    const night = addDays(today(), 2);
    const ids: string[] = [];
    for (const v of vehicles) {
      const r = await as(resident).post(`/api/offers/${offer.id}/bookings`, {
        date: night,
        vehicleId: v.id,
        acceptTerms: true,
      });
      expect(r.status).toBe(201);
      ids.push(r.body.id);
    }
    expect((await as(unit).post(`/api/offers/${offer.id}/pause`)).body.status).toBe('paused');
    const paused = await as(resident).post(`/api/offers/${offer.id}/bookings`, {
      date: addDays(today(), 3),
      vehicleId: vehicles[0]!.id,
      acceptTerms: true,
    });
    expect(paused.status).toBe(409);
    expect(paused.body).toMatchObject({
      reason: 'offer.paused',
      message: '单位已暂停此共享，暂不接受预约',
    });
    const pausedInEnglish = await inEnglish(resident).post(`/api/offers/${offer.id}/bookings`, {
      date: addDays(today(), 3),
      vehicleId: vehicles[0]!.id,
      acceptTerms: true,
    });
    expect(pausedInEnglish.body).toMatchObject({
      reason: 'offer.paused',
      message: 'The unit has paused this offer: no new bookings for now',
    });
    await as(unit).post(`/api/offers/${offer.id}/resume`);

    const since = residentPhone.count;
    const changed = await as(unit).patch(`/api/offers/${offer.id}`, { places: 2 });
    expect(changed.status).toBe(200);
    expect(changed.body.cancelledBookings).toBe(1);
    const [latest] = await t.sql<{ status: string; cancel_reason: string }>(
      `SELECT status, cancel_reason FROM booking WHERE id = $1`,
      [ids[2]],
    );
    expect(latest).toEqual({ status: 'cancelled', cancel_reason: 'capacity_reduced' });
    const notice = await residentPhone.next('booking.cancelled', () => true, since);
    expect(notice).toEqual({
      bookingId: ids[2],
      offerId: offer.id,
      offerTitle: '变更测试',
      night,
      reason: 'capacity_reduced',
    });

    const blackout = await as(unit).patch(`/api/offers/${offer.id}`, { blackoutDates: [night] });
    expect(blackout.body.cancelledBookings).toBe(2);
    const ended = await as(unit).post(`/api/offers/${offer.id}/end`);
    expect(ended.body.status).toBe('ended');
    const rows = await t.sql<{ status: string; cancel_reason: string }>(
      `SELECT status, cancel_reason FROM booking WHERE offer_id = $1 ORDER BY created_at`,
      [offer.id],
    );
    expect(rows.map((r) => r.cancel_reason)).toEqual(['blackout', 'blackout', 'capacity_reduced']);
    // Only the unit's own staff may change it.
    const school = await t.login(SCHOOL_STAFF);
    expect((await as(school).post(`/api/offers/${offer.id}/pause`)).status).toBe(404);
  });

  it('standing allocations: a batch is admitted in registration order, the rest wait with a position', async () => {
    const offer = await publish({ title: '月租测试', places: 10, standingPlaces: 2 });
    const phones = ['13800000020', '13800000021', '13800000022', '13800000023'];
    const registered: { token: string; id: string }[] = [];
    for (const phone of phones) {
      const token = await t.login(phone);
      const [v] = await t.sql<{ id: string }>(
        `SELECT v.id FROM vehicle v JOIN member m ON m.household_id = v.household_id WHERE m.phone = $1`,
        [phone],
      );
      const r = await as(token).post(`/api/offers/${offer.id}/allocations`, {
        vehicleId: v!.id,
        acceptTerms: true,
      });
      expect(r.status).toBe(201);
      registered.push({ token, id: r.body.id });
    }
    const admitted = await as(unit).post(`/api/offers/${offer.id}/allocations/admit`, {});
    expect(admitted.status).toBe(200);
    expect(admitted.body.admitted.map((a: { id: string }) => a.id)).toEqual([
      registered[0]!.id,
      registered[1]!.id,
    ]);
    expect(admitted.body.waiting).toBe(2);
    const mine = await as(registered[3]!.token).get('/api/allocations/mine');
    expect(mine.body[0]).toMatchObject({ status: 'waiting', position: 2 });

    const withdrawn = await as(registered[0]!.token).del(`/api/allocations/${registered[0]!.id}`);
    expect(withdrawn.body.status).toBe('cancelled');
    const next = await as(registered[2]!.token).get('/api/allocations/mine');
    expect(next.body[0]).toMatchObject({ status: 'admitted', position: null });
    expect((await as(registered[3]!.token).get('/api/allocations/mine')).body[0].position).toBe(1);
    const [counter] = await t.sql<{ standing_admitted: number }>(
      `SELECT standing_admitted FROM off_peak_offer WHERE id = $1`,
      [offer.id],
    );
    expect(counter!.standing_admitted).toBe(2);
    const view = await as(resident).get(`/api/offers/${offer.id}`);
    expect(view.body.nights[view.body.nights.length - 1].capacity).toBe(8);
  });

  it("an admitted standing allocation carries a shared permit that scans valid only inside the offer's window", async () => {
    // A car park of its own: other tests' offers here are open all day.
    const park = await as(unit).post('/api/car-parks', {
      name: '金融街中心B2车库',
      address: '金融街中心地下二层',
      totalSpaces: 10,
    });
    expect(park.status).toBe(201);
    // Today's window opened an hour ago and closes within the next two minutes.
    const minute = Math.floor(Date.now() / 60_000);
    const closesAt = new Date((minute + 2) * 60_000);
    const offer = await publish({
      carParkId: park.body.id,
      title: '窗口测试',
      places: 2,
      standingPlaces: 1,
      rules: [{ days: 'daily', from: shanghaiHhMm(minute - 60), to: shanghaiHhMm(minute + 2) }],
    });
    const [car] = await addVehicles(1, '京W');
    const registered = await as(resident).post(`/api/offers/${offer.id}/allocations`, {
      vehicleId: car!.id,
      acceptTerms: true,
    });
    expect(registered.status).toBe(201);
    const admitted = await as(unit).post(`/api/offers/${offer.id}/allocations/admit`, {});
    expect(admitted.status).toBe(200);
    const permitId = admitted.body.admitted[0].permitId as string;
    expect(permitId).toEqual(expect.any(String));
    const [permit] = await t.sql<{
      kind: string;
      status: string;
      vehicle_id: string;
      number: string;
    }>(`SELECT kind, status, vehicle_id, number FROM permit WHERE id = $1`, [permitId]);
    expect(permit).toMatchObject({ kind: 'shared', status: 'active', vehicle_id: car!.id });

    const warden = await t.login(DEMO.wardens[0]);
    const scan = (scannedAt: Date, key: string) =>
      as(warden).post('/api/scans', {
        permitNumber: Number(permit!.number),
        carParkId: park.body.id,
        scannedAt: scannedAt.toISOString(),
        idempotencyKey: key,
      });
    const inside = await scan(new Date(), `window-in-${permitId}`);
    expect(inside.status).toBe(200);
    expect(inside.body.verdict).toBe('valid');
    const outside = await scan(new Date(closesAt.getTime() + 30_000), `window-out-${permitId}`);
    expect(outside.status).toBe(200);
    expect(outside.body.verdict).toBe('outside_window');
  });

  it('reminds a resident still parked before must-leave-by, then flags the overstay', async () => {
    const offer = await publish({ title: '提醒测试', places: 3, graceMinutes: 10 });
    const booking = await as(resident).post(`/api/offers/${offer.id}/bookings`, {
      date: today(),
      vehicleId,
      acceptTerms: true,
    });
    expect(booking.status).toBe(201);
    expect((await as(resident).post(`/api/bookings/${booking.body.id}/arrive`)).status).toBe(200);
    const reminders = t.app.get(RemindersService);
    const endsAt = new Date(booking.body.endsAt as string);
    const unitPhone = phone(unit);
    const wardenPhone = phone(await t.login(DEMO.wardens[0]));
    const since = residentPhone.count;
    expect(await reminders.runDueReminders(new Date(endsAt.getTime() - 10 * 60e3))).toMatchObject({
      reminded: 1,
    });
    expect(await residentPhone.next('booking.reminder', () => true, since)).toEqual({
      bookingId: booking.body.id,
      offerTitle: '提醒测试',
      mustLeaveBy: endsAt.toISOString(),
      rule: 'offer',
    });
    expect(await reminders.runDueReminders(new Date(endsAt.getTime() + 5 * 60e3))).toMatchObject({
      overstays: 0,
    });
    expect(await reminders.runDueReminders(new Date(endsAt.getTime() + 11 * 60e3))).toMatchObject({
      overstays: 1,
      reminded: 0,
    });
    // The plate goes to the unit's gate and the association's wardens, never to other residents.
    const flagged = {
      bookingId: booking.body.id,
      carParkId,
      carParkName: '金融街中心地面停车场',
      plate: expect.any(String),
      mustLeaveBy: endsAt.toISOString(),
      overstayedFrom: new Date(endsAt.getTime() + 10 * 60e3).toISOString(),
      graceMinutes: 10,
      grace: { rule: 'offer' },
    };
    expect(await unitPhone.next('carpark.overstay')).toMatchObject(flagged);
    expect(await wardenPhone.next('carpark.overstay')).toMatchObject(flagged);
    expect(residentPhone.heard('carpark.overstay')).toBe(false);
    const ledger = await t.sql(`SELECT * FROM sharing_overstay WHERE booking_id = $1`, [
      booking.body.id,
    ]);
    expect(ledger).toHaveLength(1);

    // The convention's ladder takes it from here: a violation on the household's record.
    const overstays = async () =>
      (await as(resident).get('/api/violations')).body.items.filter(
        (v: { kind: string }) => v.kind === 'overstay',
      );
    const recorded = await overstays();
    expect(recorded).toHaveLength(1);
    expect(recorded[0].place).toBe('金融街中心地面停车场');
    // The unit's own grace applied: the violation cites its terms, not the convention's article.
    expect(recorded[0]).toMatchObject({
      rule: 'offer',
      graceMinutes: 10,
      articleNumber: null,
      article: null,
    });
    expect(new Date(recorded[0].occurredAt as string)).toEqual(
      new Date(endsAt.getTime() + 10 * 60e3),
    );
    const [row] = await t.sql<{ recorded_by: string | null; vehicle_id: string }>(
      `SELECT recorded_by, vehicle_id FROM violation WHERE id = $1`,
      [recorded[0].id],
    );
    expect(row).toEqual({ recorded_by: null, vehicle_id: vehicleId });
    // A later run flags nothing new, so no second violation.
    expect(await reminders.runDueReminders(new Date(endsAt.getTime() + 30 * 60e3))).toMatchObject({
      overstays: 0,
    });
    expect(await overstays()).toHaveLength(1);
  });

  it("refusals that rest on the unit's own terms say so: how far ahead, when to arrive", async () => {
    const offer = await publish({ title: '条款测试', places: 2, bookingDaysAhead: 3 });
    const [car] = await addVehicles(1, '京X');
    const last = addDays(today(), 3);
    const tooFar = await as(resident).post(`/api/offers/${offer.id}/bookings`, {
      date: addDays(today(), 5),
      vehicleId: car!.id,
      acceptTerms: true,
    });
    expect(tooFar.status).toBe(400);
    expect(tooFar.body).toMatchObject({
      reason: 'booking.night_out_of_range',
      params: { last, days: 3, rule: 'offer' },
      message: `按该单位的共享条款，只能预约今晚至${last}（提前3天以内）`,
    });
    const tooFarInEnglish = await inEnglish(resident).post(`/api/offers/${offer.id}/bookings`, {
      date: addDays(today(), 5),
      vehicleId: car!.id,
      acceptTerms: true,
    });
    expect(tooFarInEnglish.body.message).toBe(
      `Under the unit's terms you may book from tonight up to ${last} (3 days ahead)`,
    );

    const booked = await as(resident).post(`/api/offers/${offer.id}/bookings`, {
      date: last,
      vehicleId: car!.id,
      acceptTerms: true,
    });
    expect(booked.status).toBe(201);
    const opens = new Date(booked.body.startsAt as string);
    const arriveFrom = shanghaiDateTime(new Date(opens.getTime() - 3600e3));
    const mustLeaveBy = shanghaiDateTime(new Date(booked.body.endsAt as string));
    const early = await as(resident).post(`/api/bookings/${booked.body.id}/arrive`);
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({
      reason: 'booking.outside_window',
      params: { arriveFrom, mustLeaveBy, rule: 'offer' },
      message: `按该单位的共享条款，请在${arriveFrom}至${mustLeaveBy}之间入场`,
    });
    const earlyInEnglish = await inEnglish(resident).post(`/api/bookings/${booked.body.id}/arrive`);
    expect(earlyInEnglish.body.message).toBe(
      `Under the unit's terms, arrive between ${arriveFrom} and ${mustLeaveBy}`,
    );
  });

  it('one car per household on a waiting list (article 3): the second car is refused', async () => {
    const offer = await publish({ title: '每户一车测试', places: 4, standingPlaces: 2 });
    const [first, second] = await addVehicles(2, '京T');
    const register = (car: { id: string }) =>
      as(resident).post(`/api/offers/${offer.id}/allocations`, {
        vehicleId: car.id,
        acceptTerms: true,
      });
    expect((await register(first!)).status).toBe(201);
    const refused = await register(second!);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      reason: 'allocation.vehicles_per_household',
      params: { limit: 1, article: 3 },
      message: '依照公约第三条，每户最多1辆车登记同一共享的长期车位，本户已登记满',
    });
    // Withdrawn, the first car leaves room for the second.
    const [mine] = (await as(resident).get('/api/allocations/mine')).body.filter(
      (a: { offerId: string }) => a.offerId === offer.id,
    );
    expect((await as(resident).del(`/api/allocations/${mine.id}`)).status).toBe(200);
    expect((await register(second!)).status).toBe(201);
  });

  it('one standing place per household: the refusal names the article of the convention', async () => {
    const offer = await publish({ title: '每户一个测试', places: 4, standingPlaces: 2 });
    const cars = await addVehicles(2, '京V');
    const registered = await as(resident).post(`/api/offers/${offer.id}/allocations`, {
      vehicleId: cars[0]!.id,
      acceptTerms: true,
    });
    expect(registered.status).toBe(201);
    // The second car registered while a convention let a household put two cars on the list.
    await t.sql(
      `INSERT INTO standing_allocation (offer_id, association_id, household_id, member_id,
         vehicle_id, plate, plate_color, terms_hash, terms_accepted_at, registered_at)
       SELECT a.offer_id, a.association_id, a.household_id, a.member_id, v.id, v.plate,
              v.plate_color, a.terms_hash, now(), clock_timestamp()
         FROM standing_allocation a, vehicle v WHERE a.id = $1 AND v.id = $2`,
      [registered.body.id, cars[1]!.id],
    );
    const first = await as(unit).post(`/api/offers/${offer.id}/allocations/admit`, {});
    expect(first.body).toMatchObject({ waiting: 1, skippedOnePerHousehold: 1 });
    expect(first.body.admitted).toHaveLength(1);
    // The demo convention states the rule in its article 7.
    const second = await as(unit).post(`/api/offers/${offer.id}/allocations/admit`, {});
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({
      reason: 'allocation.one_per_household',
      params: { rule: 'convention', article: 7 },
      message: '依照公约第七条，每户限一个长期车位：排队的住户都已持有',
    });
    const inEnglishToo = await inEnglish(unit).post(`/api/offers/${offer.id}/allocations/admit`);
    expect(inEnglishToo.body.message).toBe(
      'Under Article 7 of the convention, a household holds one standing place at most, and everyone waiting already holds one',
    );
  });

  it("an overstay under the convention's grace says so, with its article", async () => {
    const offer = await publish({ title: '公约宽限测试', places: 2 });
    const [car] = await addVehicles(1, '京U');
    const booking = await as(resident).post(`/api/offers/${offer.id}/bookings`, {
      date: today(),
      vehicleId: car!.id,
      acceptTerms: true,
    });
    expect(booking.status).toBe(201);
    expect((await as(resident).post(`/api/bookings/${booking.body.id}/arrive`)).status).toBe(200);
    const unitPhone = phone(unit);
    const endsAt = new Date(booking.body.endsAt as string);
    const reminders = t.app.get(RemindersService);
    expect(await reminders.runDueReminders(new Date(endsAt.getTime() + 16 * 60e3))).toMatchObject({
      overstays: 1,
    });
    expect(
      await unitPhone.next('carpark.overstay', (p) => p.bookingId === booking.body.id),
    ).toMatchObject({
      graceMinutes: 15,
      grace: { rule: 'convention', article: 7 },
      overstayedFrom: new Date(endsAt.getTime() + 15 * 60e3).toISOString(),
    });
    const [violation] = await t.sql<{
      cited_rule: string;
      grace_minutes: number;
      article_number: number;
    }>(
      `SELECT cited_rule, grace_minutes, article_number FROM violation
        WHERE plate = $1 AND kind = 'overstay'`,
      [
        (await t.sql<{ plate: string }>(`SELECT plate FROM vehicle WHERE id = $1`, [car!.id]))[0]!
          .plate,
      ],
    );
    expect(violation).toEqual({ cited_rule: 'convention', grace_minutes: 15, article_number: 7 });
  });

  it('a unit that grants no grace: the overstay cites its terms and 0 minutes, not article 7', async () => {
    const offer = await publish({ title: '零宽限测试', places: 2, graceMinutes: 0 });
    const [car] = await addVehicles(1, '京S');
    const booking = await as(resident).post(`/api/offers/${offer.id}/bookings`, {
      date: today(),
      vehicleId: car!.id,
      acceptTerms: true,
    });
    expect(booking.status).toBe(201);
    expect((await as(resident).post(`/api/bookings/${booking.body.id}/arrive`)).status).toBe(200);
    const endsAt = new Date(booking.body.endsAt as string);
    const reminders = t.app.get(RemindersService);
    expect(await reminders.runDueReminders(new Date(endsAt.getTime() + 60e3))).toMatchObject({
      overstays: 1,
    });
    const [{ id }] = (await t.sql<{ id: string }>(
      `SELECT id FROM violation WHERE vehicle_id = $1 AND kind = 'overstay'`,
      [car!.id],
    )) as [{ id: string }];
    const view = await as(resident).get(`/api/violations/${id}`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({
      rule: 'offer',
      graceMinutes: 0,
      articleNumber: null,
      article: null,
      occurredAt: endsAt.toISOString(),
    });
  });

  it('the booking ledger keeps typed text as text: a title starting with = runs no formula', async () => {
    const title = '=HYPERLINK("http://evil.example","点我")';
    const offer = await publish({ title, places: 2 });
    const night = addDays(today(), 4);
    const booked = await as(resident).post(`/api/offers/${offer.id}/bookings`, {
      date: night,
      vehicleId,
      acceptTerms: true,
    });
    expect(booked.status).toBe(201);
    const csv = await as(unit).get(`/api/car-parks/${carParkId}/bookings.csv?from=${night}`);
    expect(csv.status).toBe(200);
    const row = csv.text.split('\n').find((line) => line.includes('HYPERLINK'))!;
    expect(row).toContain(`"'=HYPERLINK(""http://evil.example"",""点我"")"`);
    expect(row.split(',').some((cell) => /^"?[=+\-@]/.test(cell))).toBe(false);
  });

  it('an offer is open only to associations that exist', async () => {
    const ghost = '00000000-0000-4000-8000-000000000000';
    const published = await as(unit).post('/api/offers', {
      carParkId,
      places: 1,
      validFrom: '2026-01-01',
      rules: [{ days: 'daily', from: '20:00', to: '07:00' }],
      eligibleAssociationIds: [ghost],
    });
    expect(published.status).toBe(400);
    expect(published.body).toMatchObject({
      reason: 'offer.unknown_associations',
      params: { ids: ghost },
      message: `开放对象中有不存在的车友会：${ghost}`,
    });
    const offer = await publish({ title: '开放范围测试', places: 1 });
    const changed = await t
      .http()
      .patch(`/api/offers/${offer.id}`)
      .set('Authorization', `Bearer ${unit}`)
      .set('accept-language', 'en')
      .send({ eligibleAssociationIds: [ghost] });
    expect(changed.status).toBe(400);
    expect(changed.body).toMatchObject({
      reason: 'offer.unknown_associations',
      params: { ids: ghost },
      message: `No association has the id ${ghost}`,
    });
  });

  it('bad input is a clear 4xx, never a 500', async () => {
    const offers = await as(resident).get('/api/offers');
    const id = offers.body[0].id;
    const cases = [
      { date: '2026-02-30', vehicleId },
      { date: 'tonight', vehicleId },
      { date: tomorrow(), vehicleId: 'nope' },
      { date: addDays(today(), 400), vehicleId, acceptTerms: true },
      { date: tomorrow(), vehicleId, extra: 1 },
    ];
    for (const body of cases) {
      const r = await as(resident).post(`/api/offers/${id}/bookings`, body);
      expect(r.status).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
    }
    const badRules = await as(unit).post('/api/offers', {
      carParkId,
      places: 2,
      validFrom: '2026-01-01',
      rules: [{ days: 'custom', from: '19:00', to: '07:00' }],
    });
    expect(badRules.status).toBe(400);
    expect((await as(resident).post('/api/car-parks', { name: 'x', totalSpaces: 1 })).status).toBe(
      403,
    );
    const calendar = await as(resident).get('/api/holiday-calendar/2026');
    expect(calendar.body.find((d: { date: string }) => d.date === '2026-02-14')).toMatchObject({
      kind: 'workday',
    });
  });
});

/** HH:MM in Asia/Shanghai of a minute since the epoch. */
function shanghaiHhMm(minute: number): string {
  return shanghaiClock(new Date(minute * 60_000));
}
