import { describeWithBrowser, loginInBrowser, screenshotPath } from './support/browser';
import { residentTokens } from './support/conventions';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

/**
 * The council runs the convention from a phone: it drafts an amendment raising the visitor-pass
 * quota, is refused a negative quota with the server's own words, fixes it, opens the comment
 * period and compares the draft with version 1. Then it answers a household's appeal.
 */
describeWithBrowser('the council’s convention screens in the browser', ({ newPage }) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  }, 120_000);
  afterAll(() => t?.close());

  it('drafts an amendment, sees a refusal beside the field, opens comments and reads the diff', async () => {
    const page = await newPage();
    await loginInBrowser(page, t.url, DEMO.admin, DEMO.password);
    await page.goto(`${t.url}/app/#/council/convention`);
    expect(await page.getByTestId('version-1').innerText()).toContain('现行有效');
    // Version 1 was signed at the meeting by most, not all: the council sees who is missing.
    expect(await page.getByTestId('acknowledgements').innerText()).toMatch(/未签署 [1-9]\d* 人/);

    await page.getByTestId('draft-amendment').click();
    await page.getByTestId('editor').waitFor();
    await page.getByTestId('editor-title').fill('访客证增至每月六次');
    await page
      .getByTestId('article-text-4')
      .fill('每户每月可申领访客临时停车证六次，每次不超过二十四小时。');
    await page.getByTestId('param-visitorPassesPerMonth').fill('-1');
    const answer = page.waitForResponse(
      (r) => r.url().endsWith('/api/conventions/versions') && r.request().method() === 'POST',
    );
    await page.getByTestId('editor-save').click();

    // The server's reason, its params and each field's problem, in the screen's language …
    const refused = await answer;
    const field = 'parameters.visitorPassesPerMonth';
    expect(refused.status()).toBe(400);
    expect(await refused.json()).toEqual({
      statusCode: 400,
      error: 'validation',
      reason: 'request.invalid',
      params: { fields: field },
      message: `请求内容有误：${field}`,
      details: [{ field, rules: ['min'], problems: ['不能小于 0'] }],
    });
    const fieldError = page.getByTestId('error-visitorPassesPerMonth');
    await fieldError.waitFor();
    expect((await fieldError.innerText()).trim()).toBe('不能小于 0');
    expect((await page.getByTestId('editor-refusal').innerText()).trim()).toBe(
      `请求内容有误：${field}`,
    );
    // … and the same refusal in English for a reader who asks for it.
    const english = await t
      .http()
      .post('/api/conventions/versions')
      .set('authorization', `Bearer ${await t.login(DEMO.admin)}`)
      .set('accept-language', 'en')
      .send(refused.request().postDataJSON() as object);
    expect(english.body).toMatchObject({
      reason: 'request.invalid',
      params: { fields: field },
      message: `The request is not valid: ${field}`,
      details: [{ field, rules: ['min'], problems: ['must be at least 0'] }],
    });
    expect(await t.sql(`SELECT 1 FROM convention_version WHERE number = 2`)).toHaveLength(0);

    await page.getByTestId('param-visitorPassesPerMonth').fill('6');
    await page.getByTestId('editor-save').click();
    await page.getByTestId('version-detail').waitFor();
    expect(await page.getByTestId('version-status').innerText()).toBe('草案');

    await page.getByTestId('open-comments').click();
    await page.getByText('征求意见至').first().waitFor();
    expect(await page.getByTestId('version-status').innerText()).toBe('征求意见中');
    const [draft] = await t.sql<{ status: string; parameters: { visitorPassesPerMonth: number } }>(
      `SELECT status, parameters FROM convention_version WHERE number = 2`,
    );
    expect(draft).toMatchObject({ status: 'comment', parameters: { visitorPassesPerMonth: 6 } });

    const [v1] = await t.sql<{ id: string }>(`SELECT id FROM convention_version WHERE number = 1`);
    await page.getByTestId('diff-from').selectOption(v1!.id);
    const changed = page.getByTestId('diff-param-visitorPassesPerMonth');
    await changed.waitFor();
    expect(await changed.innerText()).toMatch(/访客证次数[\s\S]*4[\s\S]*→[\s\S]*6/);
    expect(await page.locator('[data-testid^="diff-param-"]').count()).toBe(1);
    expect(await page.getByTestId('diff-article-4').innerText()).toContain('六次');

    await page.getByTestId('diff').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('council-convention.png') });
  });

  it('answers a household’s appeal in writing from the violation ledger', async () => {
    const households = await residentTokens(t);
    const [violation] = await t.sql<{ id: string }>(
      `SELECT v.id FROM violation v JOIN household h ON h.id = v.household_id
        WHERE h.address = '下岗胡同2号' LIMIT 1`,
    );
    const appeal = await t
      .http()
      .post(`/api/violations/${violation!.id}/appeal`)
      .set('authorization', `Bearer ${households[1]!}`)
      .send({ reason: '当时是送老人去医院，临时停靠。' });
    expect(appeal.status).toBe(200);

    const page = await newPage();
    await loginInBrowser(page, t.url, DEMO.admin, DEMO.password);
    await page.goto(`${t.url}/app/#/council/violations`);
    await page.getByTestId('violations-chart').waitFor();
    const card = page.getByTestId(`appeal-${violation!.id}`);
    expect(await card.innerText()).toContain('送老人去医院');

    await card.getByTestId('appeal-note').fill('经核实情况属实，撤销记录。');
    await card.getByTestId('appeal-overturn').click();
    await card.waitFor({ state: 'detached' });
    expect(await page.getByTestId('ledger').innerText()).toContain('申诉成立');
    const [decided] = await t.sql<{ appeal_status: string }>(
      `SELECT appeal_status FROM violation WHERE id = $1`,
      [violation!.id],
    );
    expect(decided!.appeal_status).toBe('overturned');
  });
});
