import { DEMO, startTestApp, type TestApp } from './support/test-app';

const NEWER = ['vehicleChangesNeedApproval', 'priorityTiers', 'rotationPeriodMonths'];

/**
 * An association whose convention was adopted before a rule existed (a database from before
 * vehicle-change approval, lottery tiers and rotation): its council can still draft the next
 * amendment. The amended text's last article states the newer rules at their defaults, so the
 * draft binds every rule, and the council sees where they went.
 */
describe('amending a convention adopted before some rules existed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    // The adopted version as an older release left it: no newer rules, stated nowhere.
    await t.sql(
      `UPDATE convention_version SET parameters = parameters - $1::text[] WHERE status = 'adopted'`,
      [NEWER],
    );
    for (const name of NEWER) {
      await t.sql(
        `UPDATE convention_article a SET parameters = array_remove(a.parameters, $1)
           FROM convention_version v WHERE v.id = a.version_id AND v.status = 'adopted'`,
        [name],
      );
    }
  });
  afterAll(() => t.close());

  it('a draft from the version in force states the newer rules in its last article', async () => {
    const admin = t.as(await t.login(DEMO.admin));
    const drafted = await admin.post('/api/conventions/versions', { title: '二〇二七年修订' });
    expect(drafted.status).toBe(201);
    const articles = drafted.body.articles as { number: number; parameters: string[] }[];
    const last = articles.reduce((a, b) => (b.number > a.number ? b : a));
    expect(last.parameters).toEqual(expect.arrayContaining(NEWER));
    for (const other of articles.filter((a) => a !== last))
      expect(other.parameters.filter((p) => NEWER.includes(p))).toEqual([]);
    expect(drafted.body.parameters).toMatchObject({
      vehicleChangesNeedApproval: false,
      rotationPeriodMonths: expect.any(Number),
      priorityTiers: expect.any(Array),
    });
  });
});
