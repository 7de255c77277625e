import { Clock } from '../src/common/clock';
import { describeWithBrowser, loginInBrowser } from './support/browser';
import { residentTokens } from './support/conventions';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

const DAY_MS = 86_400_000;

/** A resident votes on an amendment from their phone; anyone then reads the result on the board. */
describeWithBrowser('the convention in the browser', ({ newPage }) => {
  let t: TestApp;
  let admin: string;
  let households: string[];
  let versionId: string;
  let associationId: string;
  let elapsed = 0;

  beforeAll(async () => {
    t = await startTestApp();
    const clock = t.app.get(Clock);
    const realNow = clock.now.bind(clock);
    jest.spyOn(clock, 'now').mockImplementation(() => new Date(realNow().getTime() + elapsed));
    admin = await t.login(DEMO.admin);
    households = await residentTokens(t);
    const post = (path: string, body: object = {}) =>
      t.http().post(path).set('authorization', `Bearer ${admin}`).send(body);
    const draft = await post('/api/conventions/versions', {
      title: '访客证增至每月六次',
      parameters: { visitorPassesPerMonth: 6 },
      commentDays: 1,
      votingDays: 1,
      noticeDays: 7,
    });
    versionId = draft.body.id;
    associationId = (await t.sql<{ id: string }>(`SELECT id FROM association`))[0]!.id;
    await post(`/api/conventions/versions/${versionId}/open-comments`);
    // Version 1's article 10 binds the vote: seven days of comments, whatever the draft proposes.
    elapsed += 7 * DAY_MS + 60_000;
    await post(`/api/conventions/versions/${versionId}/open-vote`);
  }, 120_000);
  afterAll(() => t?.close());

  it('a resident reads the convention and casts the household’s secret ballot', async () => {
    const page = await newPage();
    await loginInBrowser(page, t.url, DEMO.resident, DEMO.password);
    await page.goto(`${t.url}/app/#/convention`);
    await page.getByTestId('convention-current').waitFor();
    expect(await page.getByTestId('convention-current').innerText()).toContain('第四条');
    await page.getByTestId('vote-yes').click();
    await page.getByTestId('confirm-yes').click();
    const receipt = page.getByTestId('convention-receipt');
    await receipt.waitFor();
    expect(await receipt.innerText()).toMatch(/同意.*[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}/);
    // The same household, from the council member's login, is refused a second ballot.
    const again = await t
      .http()
      .post(`/api/conventions/versions/${versionId}/votes`)
      .set('authorization', `Bearer ${admin}`)
      .send({ choice: 'no' });
    expect(again.status).toBe(409);
  });

  it('the public board shows the result to anyone, without logging in', async () => {
    for (let n = 1; n < 30; n++) {
      await t
        .http()
        .post(`/api/conventions/versions/${versionId}/votes`)
        .set('authorization', `Bearer ${households[n]!}`)
        .send({ choice: n < 25 ? 'yes' : 'no' });
    }
    elapsed += 7 * DAY_MS;
    const closed = await t
      .http()
      .post(`/api/conventions/versions/${versionId}/close-vote`)
      .set('authorization', `Bearer ${admin}`);
    expect(closed.body.outcome).toBe('adopted');

    const page = await newPage();
    await page.goto(`${t.url}/app/#/board/${associationId}`);
    const result = page.getByTestId('board-version-2');
    await result.waitFor();
    const text = await result.innerText();
    expect(text).toContain('通过');
    expect(text).toContain('同意 25');
    expect(text).toContain('反对 5');
    expect(text).toContain('30/36');
    expect(await page.getByTestId('board-notice').innerText()).toContain('第2版公示中');
    expect(await page.getByTestId('board-in-force').innerText()).toContain('第一条');
  });
});
