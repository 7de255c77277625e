import { Clock } from '../src/common/clock';
import { expectAccessible, expectTouchTargets, NARROW_PHONE } from './support/axe';
import { describeWithBrowser, loginInBrowser, screenshotPath } from './support/browser';
import { residentTokens } from './support/conventions';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

const DAY_MS = 86_400_000;

/**
 * A resident follows an amendment on their phone: reads the draft under comment, sees what it
 * changes and under which rules it will be voted, comments on one article, votes when the vote
 * opens, and reads the result and its notice period.
 */
describeWithBrowser('residents and an amendment of the convention', ({ newPage }) => {
  let t: TestApp;
  let admin: string;
  let versionId: string;
  let elapsed = 0;
  const post = (path: string, body: object = {}) =>
    t.http().post(path).set('authorization', `Bearer ${admin}`).send(body);

  beforeAll(async () => {
    t = await startTestApp();
    const clock = t.app.get(Clock);
    const realNow = clock.now.bind(clock);
    jest.spyOn(clock, 'now').mockImplementation(() => new Date(realNow().getTime() + elapsed));
    admin = await t.login(DEMO.admin);
    const draft = await post('/api/conventions/versions', {
      title: '访客证增至每月六次',
      parameters: { visitorPassesPerMonth: 6 },
      // What this version proposes for amending it later; its own vote follows version 1.
      quorum: { numerator: 3, denominator: 4 },
      commentDays: 1,
      votingDays: 1,
      noticeDays: 7,
    });
    expect(draft.status).toBe(201);
    versionId = draft.body.id;
    await post(`/api/conventions/versions/${versionId}/open-comments`).expect(200);
  }, 120_000);
  afterAll(() => t?.close());

  it('during comments: reads the draft, the changes and the ballot rules, and comments on an article', async () => {
    const inForce = (
      await t.http().get('/api/conventions/current').set('authorization', `Bearer ${admin}`)
    ).body as { quorum: { numerator: number; denominator: number } };
    const page = await newPage({ viewport: NARROW_PHONE });
    await loginInBrowser(page, t.url, DEMO.resident, DEMO.password);
    await page.goto(`${t.url}/app/#/convention`);
    const open = page.getByTestId('convention-open');
    await open.waitFor();
    expect(await open.getAttribute('data-status')).toBe('comment');
    expect(await page.getByTestId('convention-stage').innerText()).toMatch(
      /征求意见中，截至\d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间）/,
    );
    // The vote follows the convention in force, not the 3/4 this draft proposes.
    const quorum = await page.getByTestId('ballot-quorum').innerText();
    expect(quorum).toBe(`${inForce.quorum.numerator}/${inForce.quorum.denominator}`);
    expect(quorum).not.toBe('3/4');
    // What changed: the visitor passes, from the version in force to six.
    const change = page.getByTestId('diff-param-visitorPassesPerMonth');
    await change.waitFor();
    expect(await change.innerText()).toContain('6');
    // The whole draft, article by article.
    const articles = page.getByTestId('draft-articles').locator('> li');
    expect(await articles.count()).toBeGreaterThan(3);
    await expectAccessible(page, 'convention under comment');
    await expectTouchTargets(page, 'convention under comment');

    const number = Number(
      (await articles.first().getAttribute('data-testid'))!.replace('draft-article-', ''),
    );
    await page.getByTestId(`comment-open-${number}`).click();
    await page.getByTestId(`comment-send-${number}`).click();
    await page.getByRole('alert').filter({ hasText: '请先写下您的意见' }).waitFor();
    await page.getByTestId(`comment-text-${number}`).fill('建议访客证按户计算，不按车计算。');
    await page.getByTestId(`comment-send-${number}`).click();
    await page.getByTestId('done-message').filter({ hasText: '意见已提交' }).waitFor();
    await page.getByTestId(`draft-article-${number}`).getByText('建议访客证按户计算').waitFor();
    const rows = await t.sql<{ article_number: number; text: string }>(
      `SELECT article_number, text FROM convention_comment WHERE version_id = $1`,
      [versionId],
    );
    expect(rows).toEqual([{ article_number: number, text: '建议访客证按户计算，不按车计算。' }]);
    await page.screenshot({ path: screenshotPath('convention-under-comment.png'), fullPage: true });
    await expectAccessible(page, 'convention with a comment');
  });

  it('votes in the client once the vote opens, then reads the result and the notice period', async () => {
    elapsed += 7 * DAY_MS + 60_000;
    await post(`/api/conventions/versions/${versionId}/open-vote`).expect(200);

    const page = await newPage({ viewport: NARROW_PHONE });
    await loginInBrowser(page, t.url, DEMO.resident, DEMO.password);
    await page.goto(`${t.url}/app/#/convention`);
    await page.locator('[data-testid="convention-open"][data-status="voting"]').waitFor();
    await expectAccessible(page, 'convention under vote');
    await expectTouchTargets(page, 'convention under vote');
    await page.getByTestId('vote-yes').click();
    const dialog = page.getByTestId('confirm-dialog');
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('不能更改');
    await page.getByTestId('confirm-yes').click();
    const receipt = page.getByTestId('convention-receipt');
    await receipt.waitFor();
    expect(await receipt.innerText()).toMatch(/同意.*[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}/);

    const households = await residentTokens(t);
    for (let n = 1; n < 30; n++) {
      await t
        .http()
        .post(`/api/conventions/versions/${versionId}/votes`)
        .set('authorization', `Bearer ${households[n]!}`)
        .send({ choice: n < 25 ? 'yes' : 'no' });
    }
    elapsed += 7 * DAY_MS + 60_000;
    const closed = await post(`/api/conventions/versions/${versionId}/close-vote`).expect(200);
    expect(closed.body.outcome).toBe('adopted');

    await page.reload();
    const result = page.getByTestId('convention-result');
    await result.waitFor();
    expect(await result.innerText()).toContain('表决通过');
    expect(await page.getByTestId('convention-notice').innerText()).toMatch(
      /公示至 \d{4}-\d{2}-\d{2}；施行日期 \d{4}-\d{2}-\d{2}/,
    );
    await expectAccessible(page, 'convention result');
  });
});
