import { expectAccessible, NARROW_PHONE } from './support/axe';
import { describeWithBrowser, loginInBrowser } from './support/browser';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

/** The council on a phone: a draft with a number left empty, and "开始表决" too early. */
describeWithBrowser('the council’s convention screen on a 360-px phone', ({ newPage }) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  }, 120_000);
  afterAll(() => t?.close());

  it('omits an emptied number, shows the ballot in force, and says in Beijing time when the vote may open', async () => {
    const page = await newPage({ viewport: NARROW_PHONE });
    await loginInBrowser(page, t.url, DEMO.admin, DEMO.password);
    await page.goto(`${t.url}/app/#/council/convention`);
    await page.getByTestId('version-1').waitFor();
    await expectAccessible(page, 'council convention');

    await page.getByTestId('draft-amendment').click();
    await page.getByTestId('editor').waitFor();
    await page.getByTestId('editor-title').fill('访客证增至每月六次');
    await page.getByTestId('param-visitorPassesPerMonth').fill('6');
    await page.getByTestId('editor-votingDays').fill('');
    await expectAccessible(page, 'convention editor');
    const sent = page.waitForRequest(
      (r) => r.url().endsWith('/api/conventions/versions') && r.method() === 'POST',
    );
    await page.getByTestId('editor-save').click();
    const body = (await sent).postData() ?? '';
    expect(body).not.toContain('null');
    expect(JSON.parse(body)).not.toHaveProperty('votingDays');
    await page.getByTestId('version-detail').waitFor();

    // The vote of this draft follows version 1's rules, as the detail says.
    const [v1] = await t.sql<{ quorum_numerator: number; quorum_denominator: number }>(
      `SELECT quorum_numerator, quorum_denominator FROM convention_version WHERE number = 1`,
    );
    expect(await page.getByTestId('ballot-quorum').innerText()).toBe(
      `${v1!.quorum_numerator}/${v1!.quorum_denominator}`,
    );

    await page.getByTestId('open-comments').click();
    await page.getByTestId('open-vote').waitFor();
    await page.getByTestId('open-vote').click();
    const refusal = page.getByTestId('action-refusal');
    await refusal.waitFor();
    const text = await refusal.innerText();
    expect(text).toMatch(/征求意见期至 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 结束/);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T|Z\b|UTC/);
    // The minute shown is the Beijing wall clock of the stored instant.
    const [row] = await t.sql<{ beijing: string }>(
      `SELECT to_char(comments_close_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') AS beijing
         FROM convention_version WHERE number = 2`,
    );
    expect(text).toContain(row!.beijing);
    await expectAccessible(page, 'council version detail with a refusal');
  });
});
