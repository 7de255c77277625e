import { DEMO, startTestApp, type TestApp } from './support/test-app';

/**
 * Issue 6: scans and check-ins record whether their warden was on duty. The warden whose shift
 * is running signs in and parks a car; a colleague off shift parks another; a resident parks
 * their own at the sticker. The ledger says who was out there on duty.
 */
describe('records say whether their warden was on duty', () => {
  let t: TestApp;
  let laneId: string;
  let onDuty: string;
  let offDuty: string;
  let resident: string;
  let admin: string;

  const as = (token: string) => ({
    get: (path: string) => t.http().get(path).set('authorization', `Bearer ${token}`),
    post: (path: string, body: object = {}) =>
      t.http().post(path).set('authorization', `Bearer ${token}`).send(body),
  });

  /** Free, unassigned spaces with no restriction now, as the warden's map shows them. */
  async function freeSpaces(): Promise<{ id: string; code: string }[]> {
    const map = await as(onDuty).get(`/api/lanes/${laneId}/spaces`).expect(200);
    return map.body.spaces.filter(
      (s: { state: string; householdId: string | null; restrictedNow: string | null }) =>
        s.state === 'free' && s.householdId === null && s.restrictedNow === null,
    );
  }

  /** Registered cars that are not parked anywhere, other than the resident's own. */
  async function idleCars(count: number, except: string): Promise<string[]> {
    const rows = await t.sql<{ plate: string }>(
      `SELECT plate FROM vehicle v WHERE v.plate <> $1 AND NOT EXISTS (
         SELECT 1 FROM occupancy_session o WHERE o.plate = v.plate AND o.ended_at IS NULL)
       ORDER BY plate LIMIT $2`,
      [except, count],
    );
    return rows.map((r) => r.plate);
  }

  const sessionOf = async (plate: string) =>
    (
      await t.sql<{ recorder_on_duty: boolean | null }>(
        `SELECT recorder_on_duty FROM occupancy_session WHERE plate = $1 AND ended_at IS NULL`,
        [plate],
      )
    )[0]!.recorder_on_duty;

  beforeAll(async () => {
    t = await startTestApp();
    [{ id: laneId }] = (await t.sql<{ id: string }>(`SELECT id FROM lane`)) as [{ id: string }];
    admin = await t.login(DEMO.admin);
    resident = await t.login(DEMO.resident);

    // The demo roster has a warden shift running now; its warden signs in.
    const now = Date.now();
    const shifts = await as(admin)
      .get(
        `/api/rosters/shifts?from=${new Date(now).toISOString()}&to=${new Date(now + 60_000).toISOString()}`,
      )
      .expect(200);
    const current = (
      shifts.body as {
        id: string;
        kind: string;
        from: string;
        to: string;
        assignments: { memberId: string }[];
      }[]
    ).find((s) => s.kind === 'warden' && Date.parse(s.from) <= now && now < Date.parse(s.to))!;
    const wardens = await t.sql<{ id: string; phone: string }>(
      `SELECT id, phone FROM member WHERE phone = ANY($1)`,
      [[...DEMO.wardens]],
    );
    const onShift = wardens.find((w) => w.id === current.assignments[0]!.memberId)!;
    onDuty = await t.login(onShift.phone);
    offDuty = await t.login(wardens.find((w) => w.id !== onShift.id)!.phone);
    await as(onDuty).post(`/api/shifts/${current.id}/sign-in`).expect(200);
  });
  afterAll(() => t.close());

  it('check-ins: on duty true, off duty false, a resident at the sticker null; in the ledger', async () => {
    const [{ plate: residentPlate }] = (await t.sql<{ plate: string }>(
      `SELECT v.plate FROM vehicle v JOIN member m ON m.household_id = v.household_id WHERE m.phone = $1`,
      [DEMO.resident],
    )) as [{ plate: string }];
    const [parked] = await t.sql<{ space_id: string }>(
      `SELECT space_id FROM occupancy_session WHERE plate = $1 AND ended_at IS NULL`,
      [residentPlate],
    );
    if (parked) await as(onDuty).post(`/api/spaces/${parked.space_id}/check-out`).expect(200);

    const [first, second, third] = await freeSpaces();
    const [carA, carB] = await idleCars(2, residentPlate);
    await as(onDuty).post(`/api/spaces/${first!.id}/check-in`, { plate: carA }).expect(200);
    await as(offDuty).post(`/api/spaces/${second!.id}/check-in`, { plate: carB }).expect(200);
    const [{ sticker_token: sticker }] = (await t.sql<{ sticker_token: string }>(
      `SELECT sticker_token FROM space WHERE id = $1`,
      [third!.id],
    )) as [{ sticker_token: string }];
    await as(resident)
      .post(`/api/spaces/${third!.id}/check-in`, { plate: residentPlate, sticker })
      .expect(200);

    expect(await sessionOf(carA!)).toBe(true);
    expect(await sessionOf(carB!)).toBe(false);
    expect(await sessionOf(residentPlate)).toBeNull();

    // The ledger is the council's register (docs/api.md): the council reads who was on duty.
    const csv = await as(admin).get(`/api/lanes/${laneId}/sessions.csv`).expect(200);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]!.split(',').at(-1)).toBe('登记人当班');
    // The open session of a space: its checkedOutAt is still empty.
    const onDutyOf = (code: string) =>
      lines
        .map((l) => l.split(','))
        .find((cols) => cols[0] === code && cols[4] === '')
        ?.at(-1);
    expect(onDutyOf(first!.code)).toBe('是');
    expect(onDutyOf(second!.code)).toBe('否');
    expect(onDutyOf(third!.code)).toBe('');
  });

  it('scans: the warden on duty and the one off duty, in the scan record', async () => {
    const [permit] = await t.sql<{ number: string }>(
      `SELECT number FROM permit WHERE kind = 'resident' AND status = 'active' LIMIT 1`,
    );
    const scan = (token: string, key: string) =>
      as(token)
        .post('/api/scans', { permitNumber: Number(permit!.number), laneId, idempotencyKey: key })
        .expect(200);
    const on = await scan(onDuty, 'duty-scan-on-0001');
    const off = await scan(offDuty, 'duty-scan-off-0001');
    expect(on.body.recorderOnDuty).toBe(true);
    expect(off.body.recorderOnDuty).toBe(false);
    // Replaying the offline queue returns the scan as recorded.
    expect((await scan(onDuty, 'duty-scan-on-0001')).body).toMatchObject({
      replayed: true,
      recorderOnDuty: true,
    });

    const recent = await as(onDuty).get('/api/scans').expect(200);
    const byId = new Map(
      recent.body.items.map((s: { id: string; recorderOnDuty: boolean | null }) => [
        s.id,
        s.recorderOnDuty,
      ]),
    );
    expect(byId.get(on.body.id)).toBe(true);
    expect(byId.get(off.body.id)).toBe(false);
  });

  it('violations: the warden on duty and the one off duty, in the ledger', async () => {
    const record = (token: string, plate: string) =>
      as(token)
        .post('/api/violations', { kind: 'blocking_passage', plate, place: '下岗胡同东口' })
        .expect(201);
    const [a, b] = await t.sql<{ plate: string }>(
      `SELECT plate FROM vehicle ORDER BY plate DESC LIMIT 2`,
    );
    const on = await record(onDuty, a!.plate);
    const off = await record(offDuty, b!.plate);
    const flags = await t.sql<{ id: string; recorder_on_duty: boolean | null }>(
      `SELECT id, recorder_on_duty FROM violation WHERE id = ANY($1)`,
      [[on.body.id, off.body.id]],
    );
    const flagOf = new Map(flags.map((f) => [f.id, f.recorder_on_duty]));
    expect(flagOf.get(on.body.id)).toBe(true);
    expect(flagOf.get(off.body.id)).toBe(false);
  });
});
