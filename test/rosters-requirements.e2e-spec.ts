import { expectRefusal } from './support/refusals';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

const DAY = 86_400_000;
const at = (text: string) => new Date(`${text}+08:00`).toISOString();

interface Gap {
  from: string;
  to: string;
  scheduled: number;
  required: number;
  kind: string;
  requirementId: string | null;
  article: number | null;
}

/** Monday 00:00 (Beijing) of the first whole week at least `days` from now, as YYYY-MM-DD. */
function mondayAfter(days: number): string {
  const local = new Date(Date.now() + days * DAY + 8 * 3_600_000);
  const toMonday = (8 - (local.getUTCDay() || 7)) % 7;
  return new Date(local.getTime() + toMonday * DAY).toISOString().slice(0, 10);
}
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/**
 * Issue 10.1: coverage is measured against who must be on duty (the council's declared duty
 * requirements, each resting on a convention article), not against the shifts that exist.
 */
describe('duty coverage against what the convention requires', () => {
  let t: TestApp;
  let admin: string;

  const as = (token: string) => ({
    get: (path: string) => t.http().get(path).set('Authorization', `Bearer ${token}`),
    post: (path: string, body: object) =>
      t.http().post(path).set('Authorization', `Bearer ${token}`).send(body),
    put: (path: string, body: object) =>
      t.http().put(path).set('Authorization', `Bearer ${token}`).send(body),
    delete: (path: string) => t.http().delete(path).set('Authorization', `Bearer ${token}`),
  });
  const coverage = async (from: string, to: string): Promise<Gap[]> => {
    const response = await as(admin).get(`/api/rosters/coverage?from=${from}&to=${to}`);
    expect(response.status).toBe(200);
    return response.body.gaps as Gap[];
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login(DEMO.admin);
  });
  afterAll(() => t.close());

  it('the demo declares the wardens’ line and the evening patrol, each on its article', async () => {
    const response = await as(await t.login(DEMO.wardens[0])).get('/api/rosters/requirements');
    expect(response.status).toBe(200);
    expect(
      (response.body as object[]).map(({ id: _id, ...rest }: { id?: string }) => rest),
    ).toEqual([
      {
        name: '红袖标全天值守',
        kind: 'warden',
        weekdays: [1, 2, 3, 4, 5, 6, 7],
        from: '00:00',
        to: '24:00',
        people: 1,
        article: 5,
      },
      {
        name: '工作日晚间文明劝导巡逻',
        kind: 'volunteer',
        weekdays: [1, 2, 3, 4, 5],
        from: '18:00',
        to: '21:00',
        people: 2,
        article: 8,
      },
    ]);
  });

  it('a week with no shifts at all is one big gap for the wardens and five evening gaps', async () => {
    const monday = mondayAfter(60);
    const [shifts] = await t.sql<{ count: number }>(
      `SELECT count(*)::int AS count FROM duty_shift WHERE starts_at >= $1 AND starts_at < $2`,
      [at(`${monday}T00:00`), at(`${addDays(monday, 7)}T00:00`)],
    );
    expect(shifts!.count).toBe(0);

    const gaps = await coverage(monday, addDays(monday, 7));
    const requirements = (await as(admin).get('/api/rosters/requirements')).body as {
      id: string;
      kind: string;
    }[];
    const idOf = (kind: string) => requirements.find((r) => r.kind === kind)!.id;
    expect(gaps.filter((g) => g.kind === 'warden')).toEqual([
      {
        from: at(`${monday}T00:00`),
        to: at(`${addDays(monday, 7)}T00:00`),
        scheduled: 0,
        required: 1,
        kind: 'warden',
        requirementId: idOf('warden'),
        article: 5,
      },
    ]);
    const evenings = gaps.filter((g) => g.kind === 'volunteer');
    expect(evenings.map((g) => [g.from, g.to, g.scheduled, g.required, g.article])).toEqual(
      [0, 1, 2, 3, 4].map((d) => [
        at(`${addDays(monday, d)}T18:00`),
        at(`${addDays(monday, d)}T21:00`),
        0,
        2,
        8,
      ]),
    );
  });

  it('the coming four weeks of the demo are covered around the clock', async () => {
    const now = new Date();
    const fourWeeks = new Date(now.getTime() + 27 * DAY).toISOString();
    expect(await coverage(now.toISOString(), fourWeeks)).toEqual([]);
  });

  it('the council declares a night requirement across midnight and a month end, then drops it', async () => {
    const created = await as(admin).post('/api/rosters/requirements', {
      name: '夜间加岗',
      kind: 'warden',
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      from: '22:00',
      to: '06:00',
      people: 1,
      article: 5,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ from: '22:00', to: '06:00', people: 1, article: 5 });

    // 31 January 2031 noon to 1 February noon: no shifts, two wardens needed overnight.
    const gaps = (await coverage('2031-01-31T12:00', '2031-02-01T12:00')).filter(
      (g) => g.kind === 'warden',
    );
    expect(gaps.map((g) => [g.from, g.to, g.scheduled, g.required])).toEqual([
      [at('2031-01-31T12:00'), at('2031-01-31T22:00'), 0, 1],
      [at('2031-01-31T22:00'), at('2031-02-01T06:00'), 0, 2],
      [at('2031-02-01T06:00'), at('2031-02-01T12:00'), 0, 1],
    ]);

    const renamed = await as(admin).put(`/api/rosters/requirements/${created.body.id}`, {
      name: '夜间加岗',
      kind: 'warden',
      weekdays: [5],
      from: '23:00',
      to: '00:00',
      people: 2,
      article: 5,
    });
    expect(renamed.status).toBe(200);
    // A window closing at 00:00 closes at the midnight ending its day.
    expect(renamed.body).toMatchObject({ weekdays: [5], from: '23:00', to: '24:00', people: 2 });

    expect((await as(admin).delete(`/api/rosters/requirements/${created.body.id}`)).status).toBe(
      204,
    );
    const after = await coverage('2031-01-31T12:00', '2031-02-01T12:00');
    expect(after.filter((g) => g.kind === 'warden')).toHaveLength(1);
    expect((await as(admin).delete(`/api/rosters/requirements/${created.body.id}`)).status).toBe(
      404,
    );
  });

  it('refuses a requirement resting on no article, a duplicate name, bad times and non-council', async () => {
    const requirement = {
      name: '庙会执勤',
      kind: 'volunteer',
      weekdays: [6, 7],
      from: '09:00',
      to: '17:00',
      people: 4,
      article: 42,
    };
    const noArticle = await as(admin).post('/api/rosters/requirements', requirement);
    expect(noArticle.status).toBe(400);
    expectRefusal(
      noArticle.body,
      'duty_requirement.article_unknown',
      { number: 42 },
      '生效的自治公约中没有第42条',
    );
    const inEnglish = await as(admin)
      .post('/api/rosters/requirements', requirement)
      .set('accept-language', 'en');
    expectRefusal(
      inEnglish.body,
      'duty_requirement.article_unknown',
      { number: 42 },
      'The convention in force has no article 42',
    );

    const duplicate = await as(admin)
      .post('/api/rosters/requirements', { ...requirement, name: '红袖标全天值守', article: 5 })
      .set('accept-language', 'en');
    expect(duplicate.status).toBe(409);
    expectRefusal(
      duplicate.body,
      'duty_requirement.name_taken',
      {},
      'A duty requirement with this name exists',
    );

    const badTime = await as(admin).post('/api/rosters/requirements', {
      ...requirement,
      article: 5,
      from: '25:00',
    });
    expect(badTime.status).toBe(400);
    expect(badTime.body.reason).toBe('request.invalid');
    expect(badTime.body.details).toEqual([
      { field: 'from', rules: ['matches'], problems: ['格式应为 HH:MM'] },
    ]);

    const warden = await t.login(DEMO.wardens[0]);
    expect((await as(warden).post('/api/rosters/requirements', requirement)).status).toBe(403);
    const resident = await t.login(DEMO.resident);
    expect((await as(resident).get('/api/rosters/requirements')).status).toBe(403);
  });
});
