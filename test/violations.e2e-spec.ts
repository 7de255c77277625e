import { EventEmitter2 } from '@nestjs/event-emitter';
import { Clock } from '../src/common/clock';
import { LIVE_PUSH, type LivePush, rooms } from '../src/live/live-events';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

const DAY_MS = 86_400_000;

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
  const pushes: LivePush[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    const clock = t.app.get(Clock);
    const realNow = clock.now.bind(clock);
    jest.spyOn(clock, 'now').mockImplementation(() => new Date(realNow().getTime() + elapsed));
    t.app.get(EventEmitter2).on(LIVE_PUSH, (push: LivePush) => pushes.push(push));
    admin = await t.login(DEMO.admin);
    warden = await t.login(DEMO.wardens[0]);
    otherWarden = await t.login(DEMO.wardens[1]);
    resident = await t.login('13800000019');
    const [car] = await t.sql<{ plate: string; household_id: string; association_id: string }>(
      `SELECT v.plate, v.household_id, v.association_id FROM vehicle v
         JOIN household h ON h.id = v.household_id WHERE h.address = '下岗胡同10号'`,
    );
    ({ plate, household_id: householdId, association_id: associationId } = car!);
  }, 120_000);
  afterAll(() => t.close());

  const as = (token: string) => ({
    get: (path: string) => t.http().get(path).set('authorization', `Bearer ${token}`),
    post: (path: string, body: object = {}) =>
      t.http().post(path).set('authorization', `Bearer ${token}`).send(body),
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
    const future = await as(warden).post('/api/violations', {
      kind: 'wrong_space',
      plate,
      place: '东口',
      occurredAt: new Date(Date.now() + 2 * DAY_MS).toISOString(),
    });
    expect(future.status).toBe(400);
    const photo = `data:image/jpeg;base64,${'A'.repeat(210_000)}`;
    const big = await as(warden).post('/api/violations', {
      kind: 'wrong_space',
      plate,
      place: '东口',
      photo,
    });
    expect(big.status).toBeGreaterThanOrEqual(400);
    expect(big.status).toBeLessThan(500);
    const notWarden = await as(resident).post('/api/violations', {
      kind: 'wrong_space',
      plate,
      place: '东口',
    });
    expect(notWarden.status).toBe(403);
    // Version 1 sets no no-parking windows, so nothing can break one; the refusal cites 第六条.
    const noWindow = await as(warden).post('/api/violations', {
      kind: 'no_parking_window',
      plate,
      place: '东口',
    });
    expect(noWindow.status).toBe(409);
    expect(noWindow.body.message).toContain('第六条');
  });

  let suspensionId: string;

  it('first persuasion, then a written notice to the household, then a suspension', async () => {
    expect(await scan()).toBe('valid');
    const first = await blockFireLane();
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ step: 1, action: 'persuasion', article: '第六条' });
    expect(pushes.filter((p) => p.event === 'violation.recorded')).toHaveLength(0);

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
    const notice = pushes.find((p) => p.event === 'violation.recorded');
    expect(notice).toMatchObject({
      room: rooms.household(householdId),
      payload: { action: 'notice', step: 2 },
    });
    const withPhoto = await as(resident).get(`/api/violations/${second.body.id}`);
    expect(withPhoto.body.photo).toBe(photo);

    elapsed += 3 * DAY_MS;
    const third = await blockFireLane();
    expect(third.body).toMatchObject({ step: 3, action: 'suspension', permitSuspended: true });
    suspensionId = third.body.id;
    expect(await scan()).toBe('suspended');
    expect(pushes.filter((p) => p.event === 'violation.recorded')).toHaveLength(2);
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
    expect(ledger.text).toContain('overturned');
    expect(ledger.text).toContain('下岗胡同10号');
    const viewer = await as(await t.login(DEMO.viewer)).get('/api/violations/export.csv');
    expect(viewer.status).toBe(200);
    expect(viewer.text).not.toContain('下岗胡同10号');
    expect((await as(resident).get('/api/violations/export.csv')).status).toBe(403);
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
