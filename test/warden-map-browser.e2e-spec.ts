import { describeWithBrowser, loginInBrowser, screenshotPath } from './support/browser';
import { expectWholeLaneOnScreen } from './support/lane-map';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

// Needs the built client (npm run build:web), like the other browser tests.
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

describeWithBrowser('the warden live map in the browser', ({ newPage }) => {
  it('a warden watches the lane; another warden parks a car; the space turns occupied live', async () => {
    const page = await newPage();
    const role = await loginInBrowser(page, t.url, DEMO.wardens[0], DEMO.password);
    expect(role).toBe('warden');
    await page.goto(`${t.url}/app/#/warden/map`);
    await page.getByTestId('connection-state').and(page.locator('[data-state="live"]')).waitFor();
    const space = page.getByTestId('space-XG-01');
    await space.and(page.locator('[data-state="free"]')).waitFor();
    const lane = await t.sql<{ code: string }>(
      `SELECT code FROM space WHERE lane_id = (SELECT lane_id FROM space WHERE code = 'XG-01')`,
    );
    expect(lane.length).toBe(40);
    await expectWholeLaneOnScreen(
      page,
      lane.map((s) => s.code),
    );
    // Held in one hand: the whole lane, first to last space, above the fold as well.
    const last = await page.getByTestId('space-XG-40').boundingBox();
    expect(last!.y + last!.height).toBeLessThanOrEqual(page.viewportSize()!.height);
    const freeBefore = Number(
      (await page.getByTestId('count-free').locator('strong').innerText()).trim(),
    );

    // Another warden, on another phone, checks a car in through the API.
    const [{ plate }] = (await t.sql<{ plate: string }>(
      `SELECT plate FROM vehicle v WHERE NOT EXISTS (SELECT 1 FROM occupancy_session o
         WHERE o.plate = v.plate AND o.ended_at IS NULL) ORDER BY plate LIMIT 1`,
    )) as [{ plate: string }];
    const [{ id }] = (await t.sql<{ id: string }>(`SELECT id FROM space WHERE code = 'XG-01'`)) as [
      { id: string },
    ];
    const other = await t.login(DEMO.wardens[1]);
    const started = Date.now();
    await t
      .http()
      .post(`/api/spaces/${id}/check-in`)
      .set('authorization', `Bearer ${other}`)
      .send({ plate })
      .expect(200);

    await space.and(page.locator('[data-state="occupied"]')).waitFor({ timeout: 5000 });
    expect(Date.now() - started).toBeLessThan(1000 + 500);
    const fill = await space.locator('rect').evaluate((rect) => getComputedStyle(rect).fill);
    expect(fill).toBe('rgb(142, 42, 27)');
    await page
      .getByTestId('count-free')
      .locator('strong', { hasText: String(freeBefore - 1) })
      .waitFor();

    // Tap it: the plate, and the car can be checked out from the phone.
    await space.click();
    await page.getByTestId('space-plate').waitFor();
    expect((await page.getByTestId('space-plate').innerText()).replace('·', '')).toContain(plate);
    await page.screenshot({ path: screenshotPath('warden-map.png'), fullPage: true });

    await page.getByTestId('space-panel').getByRole('button', { name: '驶离登记' }).click();
    await space.and(page.locator('[data-state="free"]')).waitFor({ timeout: 5000 });
  });
});
