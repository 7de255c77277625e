import { parse } from 'csv-parse/sync';
import { io, type Socket } from 'socket.io-client';
import { Clock } from '../src/common/clock';
import type { ViolationRecordedPayload } from '../src/shared/live/violations';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

const DAY_MS = 86_400_000;

/** A household's phone on the live socket, keeping the written notices it is pushed. */
function householdPhone(url: string, token: string) {
  const notices: ViolationRecordedPayload[] = [];
  const socket: Socket = io(`${url}/live`, { auth: { token }, transports: ['websocket'] });
  socket.on('violation.recorded', (notice: ViolationRecordedPayload) => notices.push(notice));
  const connected = new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return { notices, socket, connected };
}

async function until(probe: () => boolean, what: string, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * A car of 下岗胡同10号 keeps blocking the fire lane. The wardens record it; the convention's
 * ladder answers with persuasion, then a written notice to the household, then a week's
 * suspension of the car's permit (its QR then scans `suspended`, until the week is over). The
 * household appeals, the council decides, and the ledger and the public board show it all.
 */
describe('violations, persuasion first', () => {
  let t: TestApp;
  let admin: string;
  let warden: string;
  let otherWarden: string;
  let resident: string;
  let plate: string;
  let householdId: string;
  let associationId: string;
  let elapsed = 0;
  let phone: ReturnType<typeof householdPhone>;
  let neighbourPhone: ReturnType<typeof householdPhone>;

  beforeAll(async () => {
    t = await startTestApp();
    const clock = t.app.get(Clock);
    const realNow = clock.now.bind(clock);
    jest.spyOn(clock, 'now').mockImplementation(() => new Date(realNow().getTime() + elapsed));
    admin = await t.login(DEMO.admin);
    warden = await t.login(DEMO.wardens[0]);
    otherWarden = await t.login(DEMO.wardens[1]);
    resident = await t.login('13800000019');
    const [car] = await t.sql<{ plate: string; household_id: string; association_id: string }>(
      `SELECT v.plate, v.household_id, v.association_id FROM vehicle v
         JOIN household h ON h.id = v.household_id WHERE h.address = '下岗胡同10号'`,
    );
    ({ plate, household_id: householdId, association_id: associationId } = car!);
    phone = householdPhone(t.url, resident);
    neighbourPhone = householdPhone(t.url, await t.login(DEMO.otherResident));
    await Promise.all([phone.connected, neighbourPhone.connected]);
  }, 120_000);
  afterAll(async () => {
    phone?.socket.disconnect();
    neighbourPhone?.socket.disconnect();
    await t.close();
  });

  const as = (token: string, lang = 'zh-CN') => ({
    get: (path: string) =>
      t.http().get(path).set('authorization', `Bearer ${token}`).set('accept-language', lang),
    post: (path: string, body: object = {}) =>
      t
        .http()
        .post(path)
        .set('authorization', `Bearer ${token}`)
        .set('accept-language', lang)
        .send(body),
  });
  const scan = async () =>
    (
      await as(warden).post('/api/scans', {
        plate,
        idempotencyKey: `scan-${Math.random().toString(36).slice(2)}`,
      })
    ).body.verdict as string;
  const blockFireLane = (token = warden) =>
    as(token).post('/api/violations', {
      kind: 'blocking_passage',
      plate,
      place: '下岗胡同东口消防通道',
    });

  it('refuses what is not a violation record: bad kind, future time, oversized photo, a resident', async () => {
    const bad = await as(warden).post('/api/violations', {
      kind: 'speeding',
      plate,
      place: '东口',
    });
    expect(bad.status).toBe(400);
    const futureBody = {
      kind: 'wrong_space',
      plate,
      place: '东口',
      occurredAt: new Date(Date.now() + 2 * DAY_MS).toISOString(),
    };
    const future = await as(warden).post('/api/violations', futureBody);
    expect(future.status).toBe(400);
    expect(future.body).toMatchObject({
      reason: 'violation.in_future',
      message: '违约时间不能晚于现在',
    });
    expect((await as(warden, 'en').post('/api/violations', futureBody)).body.message).toBe(
      'A violation cannot be recorded for a time in the future',
    );
    const photo = `data:image/jpeg;base64,${'A'.repeat(210_000)}`;
    const big = await as(warden).post('/api/violations', {
      kind: 'wrong_space',
      plate,
      place: '东口',
      photo,
    });
    expect(big.status).toBe(400);
    expect(big.body.details).toEqual([
      { field: 'photo', rules: ['maxLength'], problems: ['最多 200000 个字'] },
    ]);
    const notWarden = await as(resident).post('/api/violations', {
      kind: 'wrong_space',
      plate,
      place: '东口',
    });
    expect(notWarden.status).toBe(403);
    // Version 1 sets no no-parking windows, so nothing can break one; the refusal cites 第六条.
    const windowless = { kind: 'no_parking_window', plate, place: '东口' };
    const noWindow = await as(warden).post('/api/violations', windowless);
    expect(noWindow.status).toBe(409);
    expect(noWindow.body).toMatchObject({
      reason: 'violation.no_window_then',
      params: { article: 6 },
      message: '依照公约第六条，该时间不在任何禁停时段内',
    });
    expect((await as(warden, 'en').post('/api/violations', windowless)).body.message).toBe(
      'Under Article 6 of the convention, no no-parking window covers that time',
    );
    const noSuchArticle = await as(warden).post('/api/violations', {
      kind: 'wrong_space',
      plate,
      place: '东口',
      articleNumber: 42,
    });
    expect(noSuchArticle.body).toMatchObject({
      statusCode: 400,
      reason: 'violation.no_such_article',
      params: { article: 42 },
      message: '现行版本中没有公约第四十二条',
    });
  });

  let suspensionId: string;

  it('first persuasion, then a written notice to the household, then a suspension', async () => {
    expect(await scan()).toBe('valid');
    const first = await blockFireLane();
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ step: 1, action: 'persuasion', article: '第六条' });

    elapsed += 3 * DAY_MS;
    const photo =
      'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
    const second = await as(warden).post('/api/violations', {
      kind: 'blocking_passage',
      plate,
      place: '下岗胡同东口消防通道',
      photo,
    });
    expect(second.body).toMatchObject({ step: 2, action: 'notice' });
    // The written notice reaches the household's phone; persuasion before it did not.
    await until(() => phone.notices.length > 0, 'the written notice');
    expect(phone.notices).toEqual([
      expect.objectContaining({ id: second.body.id, action: 'notice', step: 2, householdId }),
    ]);
    const withPhoto = await as(resident).get(`/api/violations/${second.body.id}`);
    expect(withPhoto.body.photo).toBe(photo);

    elapsed += 3 * DAY_MS;
    const third = await blockFireLane();
    expect(third.body).toMatchObject({ step: 3, action: 'suspension', permitSuspended: true });
    suspensionId = third.body.id;
    expect(await scan()).toBe('suspended');
    await until(() => phone.notices.length === 2, 'the suspension notice');
    expect(phone.notices[1]).toMatchObject({
      id: suspensionId,
      action: 'suspension',
      permitSuspended: true,
      suspendedUntil: third.body.suspendedUntil,
    });
    // Nobody else's phone hears of it.
    expect(neighbourPhone.notices).toEqual([]);
  });

  it('the suspension ends by itself after the convention’s seven days', async () => {
    elapsed += 6 * DAY_MS;
    expect(await scan()).toBe('suspended');
    elapsed += 1 * DAY_MS + 60_000;
    expect(await scan()).toBe('valid');
  });

  it('the household appeals, other households cannot see it, the council decides', async () => {
    const outsider = await t.login(DEMO.otherResident);
    expect((await as(outsider).get(`/api/violations/${suspensionId}`)).status).toBe(404);
    expect(
      (await as(outsider).post(`/api/violations/${suspensionId}/appeal`, { reason: '不是我' }))
        .status,
    ).toBe(404);
    const appeal = await as(resident).post(`/api/violations/${suspensionId}/appeal`, {
      reason: '当时是送老人去医院，临时停靠。',
    });
    expect(appeal.status).toBe(200);
    expect(appeal.body.appealStatus).toBe('pending');
    const again = await as(resident).post(`/api/violations/${suspensionId}/appeal`, {
      reason: '再申诉',
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      reason: 'violation.already_appealed',
      message: '该记录已申诉过',
    });
    expect(
      (
        await as(resident).post(`/api/violations/${suspensionId}/decision`, {
          decision: 'overturned',
          note: 'x',
        })
      ).status,
    ).toBe(403);
    const decided = await as(admin).post(`/api/violations/${suspensionId}/decision`, {
      decision: 'overturned',
      note: '经核实情况属实，撤销记录。',
    });
    expect(decided.body).toMatchObject({
      appealStatus: 'overturned',
      appealNote: '经核实情况属实，撤销记录。',
    });
    const mine = await as(resident).get('/api/violations');
    expect(mine.body.total).toBe(3);
  });

  it('two wardens recording the same car at once climb the ladder one step each', async () => {
    const [car] = await t.sql<{ plate: string }>(
      `SELECT v.plate FROM vehicle v JOIN household h ON h.id = v.household_id WHERE h.address = '下岗胡同11号'`,
    );
    const record = (token: string) =>
      as(token).post('/api/violations', { kind: 'wrong_space', plate: car!.plate, place: 'XG-07' });
    const results = await Promise.all([record(warden), record(otherWarden)]);
    expect(results.map((r) => r.body.step).sort()).toEqual([1, 2]);
  });

  it('the ledger lists every violation with its appeal; the street office sees no plates', async () => {
    const ledger = await as(admin).get('/api/violations/export.csv');
    expect(ledger.status).toBe(200);
    expect(ledger.text).toContain('申诉成立，已撤销');
    expect(ledger.text).toContain('下岗胡同10号');
    const viewer = await as(await t.login(DEMO.viewer)).get('/api/violations/export.csv');
    expect(viewer.status).toBe(200);
    expect(viewer.text).not.toContain('下岗胡同10号');
    // A resident downloads what their list shows: their own household's three, with the appeal.
    const own = await as(resident).get('/api/violations/export.csv');
    expect(own.status).toBe(200);
    expect(own.text.trim().split('\n')).toHaveLength(1 + 3);
    expect(own.text).toContain('申诉成立，已撤销');
  });

  it('a violation and the suspension it triggers are kept together or not at all', async () => {
    const [car] = await t.sql<{ plate: string; household_id: string; permit_id: string }>(
      `SELECT v.plate, v.household_id, p.id AS permit_id
         FROM vehicle v JOIN household h ON h.id = v.household_id
         JOIN permit p ON p.vehicle_id = v.id AND p.kind = 'resident' AND p.status = 'active'
        WHERE h.address NOT IN ('下岗胡同10号', '下岗胡同11号') AND p.suspended_until IS NULL
        ORDER BY h.address LIMIT 1`,
    );
    const record = () =>
      as(warden).post('/api/violations', {
        kind: 'wrong_space',
        plate: car!.plate,
        place: 'XG-12',
      });
    expect((await record()).body).toMatchObject({ step: 1, action: 'persuasion' });
    expect((await record()).body).toMatchObject({ step: 2, action: 'notice' });
    const count = async () =>
      Number(
        (
          await t.sql<{ count: string }>(`SELECT count(*) FROM violation WHERE household_id = $1`, [
            car!.household_id,
          ])
        )[0]!.count,
      );
    const before = await count();

    // The permit refuses to be suspended (as a broken constraint or a lost connection would).
    await t.sql(`
      CREATE FUNCTION test_refuse_suspension() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.suspended_until IS DISTINCT FROM OLD.suspended_until THEN
          RAISE EXCEPTION 'the permit may not be suspended now';
        END IF;
        RETURN NEW;
      END $$`);
    await t.sql(`
      CREATE TRIGGER test_refuse_suspension BEFORE UPDATE ON permit
        FOR EACH ROW EXECUTE FUNCTION test_refuse_suspension()`);
    const failed = await record();
    expect(failed.status).toBe(500);
    // No third violation without its suspension, and no suspension.
    expect(await count()).toBe(before);
    const [permit] = await t.sql<{ suspended_until: Date | null }>(
      `SELECT suspended_until FROM permit WHERE id = $1`,
      [car!.permit_id],
    );
    expect(permit!.suspended_until).toBeNull();

    await t.sql(`DROP TRIGGER test_refuse_suspension ON permit`);
    await t.sql(`DROP FUNCTION test_refuse_suspension()`);
    const third = await record();
    expect(third.body).toMatchObject({ step: 3, action: 'suspension', permitSuspended: true });
    expect(await count()).toBe(before + 1);
  });

  it('the ledger never hands a spreadsheet a formula typed into a record', async () => {
    const recorded = await as(warden).post('/api/violations', {
      kind: 'wrong_space',
      plate,
      place: '=HYPERLINK("http://evil.example","点我")',
    });
    expect(recorded.status).toBe(201);
    await as(resident).post(`/api/violations/${recorded.body.id}/appeal`, {
      reason: '+1+cmd|/C calc!A0',
    });
    await as(admin).post(`/api/violations/${recorded.body.id}/decision`, {
      decision: 'upheld',
      note: '@SUM(1+1)',
    });
    const ledger = await as(admin).get('/api/violations/export.csv');
    const rows = parse<Record<string, string>>(ledger.text.replace(/^\uFEFF/, ''), {
      columns: true,
    });
    const row = rows.find((r) => r['地点']!.includes('HYPERLINK'))!;
    expect(row).toMatchObject({
      地点: `'=HYPERLINK("http://evil.example","点我")`,
      申诉理由: `'+1+cmd|/C calc!A0`,
      书面答复: `'@SUM(1+1)`,
    });
    for (const r of rows) {
      for (const cell of Object.values(r)) expect(cell).not.toMatch(/^[=+\-@]/);
    }
  });

  it('the public board shows the convention, its vote record and statistics, without personal data', async () => {
    const board = await t.http().get(`/api/public/associations/${associationId}/board`);
    expect(board.status).toBe(200);
    expect(board.body.inForce.articles).toHaveLength(10);
    expect(board.body.versions[0]).toMatchObject({
      number: 1,
      result: { eligible: 36, yes: 34, outcome: 'adopted' },
      quorum: { numerator: 1, denominator: 2 },
      threshold: { numerator: 2, denominator: 3 },
    });
    const stats = board.body.violationStats as { kind: string; count: number }[];
    // The overturned one is not counted.
    expect(
      stats.filter((s) => s.kind === 'blocking_passage').reduce((n, s) => n + s.count, 0),
    ).toBeGreaterThanOrEqual(2);
    const text = JSON.stringify(board.body);
    expect(text).not.toContain(plate.slice(2));
    expect(text).not.toMatch(/1380000\d{4}/);
    expect(text).not.toContain('下岗胡同10号');

    expect((await t.http().get('/api/public/associations/not-a-uuid/board')).status).toBe(400);
    expect(
      (await t.http().get('/api/public/associations/00000000-0000-4000-8000-000000000000/board'))
        .status,
    ).toBe(404);
  });
});
