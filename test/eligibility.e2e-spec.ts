import { Workbook } from 'exceljs';
import { expectRefusal } from './support/refusals';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

process.env.SHARING_REMINDER_INTERVAL_SECONDS = '0';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Condition {
  condition: string;
  met: boolean;
  reason: string | null;
  message: string | null;
}

/**
 * Eligibility as data: a unit lends places to households registered in 下岗胡同 whose car is
 * registered (行驶证) to a member of the household and carries a new-energy green plate. Each
 * resident reads exactly the condition they miss; each booking and registration is refused with
 * the reason of its first missed condition, until the council imports the licences.
 */
describe('eligibility as data', () => {
  let t: TestApp;
  let unit: string;
  let council: string;
  let offerId: string;
  let laneId: string;
  let associationId: string;
  let otherAssociationId: string;
  /** A resident whose household has a blue car, and one whose household has a green car. */
  let blue: { phone: string; vehicleId: string; plate: string; name: string };
  let green: { phone: string; vehicleId: string; plate: string; name: string };

  const as = (token: string) => ({
    get: (path: string) =>
      t.http().get(path).set('authorization', `Bearer ${token}`).set('accept-language', 'zh-CN'),
    post: (path: string, body: object = {}) =>
      t
        .http()
        .post(path)
        .set('authorization', `Bearer ${token}`)
        .set('accept-language', 'zh-CN')
        .send(body),
    upload: (path: string, type: string, body: string | Buffer) =>
      t
        .http()
        .post(path)
        .set('authorization', `Bearer ${token}`)
        .set('accept-language', 'zh-CN')
        .set('content-type', type)
        .send(body),
  });

  async function residentWith(color: 'blue' | 'green') {
    const [row] = await t.sql<{ phone: string; vehicle_id: string; plate: string; name: string }>(
      `SELECT m.phone, v.id AS vehicle_id, v.plate, m.name FROM member m
         JOIN vehicle v ON v.household_id = m.household_id AND v.archived_at IS NULL
        WHERE m.role = 'resident' AND m.association_id = $1 AND v.plate_color = $2
          AND m.phone <> $3
          AND (SELECT count(*) FROM vehicle x WHERE x.household_id = m.household_id
                 AND x.archived_at IS NULL) = 1
        ORDER BY m.phone LIMIT 1`,
      [associationId, color, DEMO.resident],
    );
    return { phone: row!.phone, vehicleId: row!.vehicle_id, plate: row!.plate, name: row!.name };
  }

  const eligibility = async (phone: string) => {
    const response = await as(await t.login(phone)).get(`/api/offers/${offerId}/eligibility`);
    expect(response.status).toBe(200);
    return response.body as {
      eligible: boolean;
      conditions: Condition[];
      vehicles: { vehicleId: string; eligible: boolean; conditions: Condition[] }[];
    };
  };
  const missed = (body: Awaited<ReturnType<typeof eligibility>>) => [
    ...body.conditions.filter((c) => !c.met).map((c) => c.reason),
    ...body.vehicles.flatMap((v) => v.conditions.filter((c) => !c.met).map((c) => c.reason)),
  ];
  const book = async (who: { phone: string; vehicleId: string }) =>
    as(await t.login(who.phone)).post(`/api/offers/${offerId}/bookings`, {
      date: '2026-12-01',
      vehicleId: who.vehicleId,
      acceptTerms: true,
    });

  beforeAll(async () => {
    t = await startTestApp();
    unit = await t.login(DEMO.unit);
    council = await t.login(DEMO.admin);
    const [own] = await t.sql<{ id: string; lane_id: string }>(
      `SELECT a.id, l.id AS lane_id FROM association a JOIN lane l ON l.association_id = a.id
        WHERE a.name = '4143车友会'`,
    );
    associationId = own!.id;
    laneId = own!.lane_id;
    const [other] = await t.sql<{ id: string }>(
      `SELECT id FROM association WHERE name = '砖塔车友会'`,
    );
    otherAssociationId = other!.id;
    blue = await residentWith('blue');
    green = await residentWith('green');
  });
  afterAll(() => t.close());

  it('every household is registered in its lane: the only lane of its association', async () => {
    const unregistered = await t.sql(
      `SELECT h.id FROM household h WHERE h.lane_id IS NULL AND h.archived_at IS NULL`,
    );
    expect(unregistered).toEqual([]);
  });

  it('an offer states its conditions as data; a lane of an association it is not open to is refused', async () => {
    const park = await as(unit).post('/api/car-parks', {
      name: '新能源车位',
      address: '金融街中心东侧',
      totalSpaces: 20,
    });
    const base = {
      carParkId: park.body.id,
      title: '新能源车错时共享',
      places: 5,
      standingPlaces: 1,
      validFrom: '2026-01-01',
      rules: [{ days: 'daily', from: '19:00', to: '07:30' }],
      termsText: '单位不承担保管责任',
      bookingDaysAhead: 60,
    };
    const [otherLane] = await t.sql<{ id: string }>(
      `SELECT id FROM lane WHERE association_id = $1`,
      [otherAssociationId],
    );
    const stray = await as(unit).post('/api/offers', {
      ...base,
      eligibleLaneIds: [otherLane!.id],
    });
    expect(stray.status).toBe(400);
    expectRefusal(
      stray.body,
      'offer.lane_not_eligible_association',
      {},
      '所选胡同须属于开放的车友会',
    );

    const badColour = await as(unit).post('/api/offers', { ...base, eligiblePlateColors: ['red'] });
    expect(badColour.status).toBe(400);

    const offer = await as(unit).post('/api/offers', {
      ...base,
      eligibleAssociationIds: [associationId, otherAssociationId],
      eligibleLaneIds: [laneId],
      requiresLicenceOwner: true,
      eligiblePlateColors: ['green'],
    });
    expect(offer.status).toBe(201);
    expect(offer.body).toMatchObject({
      eligibleLaneIds: [laneId],
      requiresLicenceOwner: true,
      eligiblePlateColors: ['green'],
    });
    offerId = offer.body.id;
    const [stored] = await t.sql(
      `SELECT eligible_lane_ids, requires_licence_owner, eligible_plate_colors
         FROM off_peak_offer WHERE id = $1`,
      [offerId],
    );
    expect(stored).toEqual({
      eligible_lane_ids: [laneId],
      requires_licence_owner: true,
      eligible_plate_colors: ['green'],
    });
  });

  it('before the licences are imported, a resident reads each condition met or missed', async () => {
    const body = await eligibility(blue.phone);
    expect(body.eligible).toBe(false);
    expect(body.conditions).toEqual([
      { condition: 'resident', met: true, reason: null, message: null },
      { condition: 'association', met: true, reason: null, message: null },
      { condition: 'lane', met: true, reason: null, message: null },
      { condition: 'vehicle', met: true, reason: null, message: null },
    ]);
    expect(body.vehicles).toEqual([
      {
        vehicleId: blue.vehicleId,
        plate: expect.any(String),
        plateColor: 'blue',
        eligible: false,
        conditions: [
          {
            condition: 'licence_owner',
            met: false,
            reason: 'booking.licence_owner_unchecked',
            message: '此共享要求车辆登记在本户成员名下，车友会尚未核对这辆车的行驶证',
          },
          {
            condition: 'plate_color',
            met: false,
            reason: 'booking.plate_color_not_eligible',
            message: '此共享只对指定号牌颜色的车辆开放，这辆车的号牌颜色不在其列',
          },
        ],
      },
    ]);
    // The offer list carries the same, for the screen where a resident books and registers.
    const list = await as(await t.login(blue.phone)).get('/api/offers');
    const listed = list.body.find((o: { id: string }) => o.id === offerId);
    expect(listed.eligibility.vehicles[0].conditions).toEqual(body.vehicles[0]!.conditions);

    const refused = await book(green);
    expect(refused.status).toBe(403);
    expect(refused.body.reason).toBe('booking.licence_owner_unchecked');
  });

  it('only the council imports licences; a plate it does not know is reported, not guessed', async () => {
    const csv = `车牌,所有人\n${green.plate},${green.name}\n`;
    const resident = await t.login(green.phone);
    expect(
      (await as(resident).upload('/api/vehicles/licences/import', 'text/csv', csv)).status,
    ).toBe(403);
    const otherCouncil = await t.login('13800000400');
    const elsewhere = await as(otherCouncil).upload(
      '/api/vehicles/licences/import',
      'text/csv',
      csv,
    );
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.body).toMatchObject({ rows: 1, matched: 0, notInHousehold: [] });
    expect(elsewhere.body.rejected).toEqual([
      {
        line: 2,
        plate: green.plate,
        reason: 'licence.plate_unknown',
        message: `本会没有登记车牌${green.plate}`,
      },
    ]);
    const [untouched] = await t.sql<{ licence_owner_name: string | null }>(
      `SELECT licence_owner_name FROM vehicle WHERE id = $1`,
      [green.vehicleId],
    );
    expect(untouched!.licence_owner_name).toBeNull();

    const noColumns = await as(council).upload(
      '/api/vehicles/licences/import',
      'text/csv',
      '车牌\n京A1',
    );
    expect(noColumns.status).toBe(400);
    expect(noColumns.body.reason).toBe('licence.columns_missing');
    const wrongType = await t
      .http()
      .post('/api/vehicles/licences/import')
      .set('authorization', `Bearer ${council}`)
      .send({ plate: green.plate });
    expect(wrongType.status).toBe(415);
    expect(wrongType.body.reason).toBe('licence.file_type');
  });

  it('a licence naming someone outside the household misses; the right owner (xlsx) meets it', async () => {
    const stranger = await as(council).upload(
      '/api/vehicles/licences/import',
      'text/csv',
      `车牌,所有人\n${green.plate},路人甲\n${blue.plate},${blue.name}\n`,
    );
    expect(stranger.status).toBe(200);
    expect(stranger.body).toMatchObject({
      rows: 2,
      matched: 1,
      notInHousehold: [{ line: 2, plate: green.plate }],
      rejected: [],
    });
    expect(missed(await eligibility(green.phone))).toEqual(['booking.licence_owner_not_household']);
    const refused = await book(green);
    expect(refused.status).toBe(403);
    expectRefusal(
      refused.body,
      'booking.licence_owner_not_household',
      {},
      '此共享要求车辆登记在本户成员名下，这辆车行驶证上的所有人不是本户成员',
    );

    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('行驶证');
    sheet.addRow(['所有人', '号牌号码']);
    sheet.addRow([green.name, green.plate]);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const fixed = await as(council).upload('/api/vehicles/licences/import', XLSX, file);
    expect(fixed.status).toBe(200);
    expect(fixed.body).toMatchObject({ rows: 1, matched: 1, notInHousehold: [], rejected: [] });
    const body = await eligibility(green.phone);
    expect(body.eligible).toBe(true);
    expect(missed(body)).toEqual([]);
  });

  it('plate colour: the blue car is refused with its reason; the green one books', async () => {
    expect(missed(await eligibility(blue.phone))).toEqual(['booking.plate_color_not_eligible']);
    const refused = await book(blue);
    expect(refused.status).toBe(403);
    expectRefusal(
      refused.body,
      'booking.plate_color_not_eligible',
      {},
      '此共享只对指定号牌颜色的车辆开放，这辆车的号牌颜色不在其列',
    );
    const register = await as(await t.login(blue.phone)).post(
      `/api/offers/${offerId}/allocations`,
      {
        vehicleId: blue.vehicleId,
        acceptTerms: true,
      },
    );
    expect(register.status).toBe(403);
    expect(register.body.reason).toBe('booking.plate_color_not_eligible');

    const booked = await book(green);
    expect(booked.status).toBe(201);
  });

  it('lane: a household registered in no lane of the offer misses it, at booking too', async () => {
    const [household] = await t.sql<{ household_id: string }>(
      `SELECT household_id FROM member WHERE phone = $1`,
      [green.phone],
    );
    // The household moved its registration out of the lane (the register keeps no lane for it).
    await t.sql(`UPDATE household SET lane_id = NULL WHERE id = $1`, [household!.household_id]);
    expect(missed(await eligibility(green.phone))).toEqual(['booking.lane_not_eligible']);
    const refused = await as(await t.login(green.phone)).post(
      `/api/offers/${offerId}/allocations`,
      {
        vehicleId: green.vehicleId,
        acceptTerms: true,
      },
    );
    expect(refused.status).toBe(403);
    expectRefusal(
      refused.body,
      'booking.lane_not_eligible',
      {},
      '此共享只对登记在指定胡同的住户开放，本户不在其列',
    );
  });

  it('another association the offer is open to: its households are in another lane', async () => {
    const [resident] = await t.sql<{ phone: string }>(
      `SELECT m.phone FROM member m WHERE m.association_id = $1 AND m.role = 'resident'
          AND EXISTS (SELECT 1 FROM vehicle v WHERE v.household_id = m.household_id)
        ORDER BY m.phone LIMIT 1`,
      [otherAssociationId],
    );
    const body = await eligibility(resident!.phone);
    expect(body.conditions.find((c) => c.condition === 'association')?.met).toBe(true);
    expect(body.conditions.find((c) => c.condition === 'lane')).toMatchObject({
      met: false,
      reason: 'booking.lane_not_eligible',
    });
  });

  it('a resident without a household of their own misses the first condition', async () => {
    const unitStaff = await as(unit).get(`/api/offers/${offerId}/eligibility`);
    expect(unitStaff.status).toBe(200);
    expect(unitStaff.body.eligible).toBe(false);
    expect(unitStaff.body.conditions[0]).toMatchObject({
      condition: 'resident',
      met: false,
      reason: 'booking.resident_only',
    });
  });
});
