import { describeWithBrowser, loginInBrowser } from './support/browser';
import { expectAccessible } from './support/axe';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

/**
 * Once 4143车友会 takes on a second lane, its council registers a household in that lane from
 * the phone: the household form asks which lane (with one lane it asks nothing).
 */
describeWithBrowser('the council picks a household’s lane on a 360-px phone', ({ newPage }) => {
  let t: TestApp;
  let laneId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const lane = await t.as(await t.login(DEMO.admin)).post('/api/lanes', {
      name: '西斜街',
      geometry: [
        { x: 0, y: 0 },
        { x: 150, y: 0 },
      ],
    });
    expect(lane.status).toBe(201);
    laneId = lane.body.id;
  });
  afterAll(() => t?.close());

  it('registers 西斜街3号 in 西斜街', async () => {
    const page = await newPage();
    await loginInBrowser(page, t.url, DEMO.admin, DEMO.password);
    await page.goto(`${t.url}/app/#/council/households`);
    await page.getByTestId('household-add-address').fill('西斜街3号');
    const lane = page.getByTestId('household-add-lane');
    await lane.waitFor();
    await lane.selectOption({ label: '西斜街' });
    await expectAccessible(page, 'household form with a lane');
    await page.getByTestId('household-add-submit').click();
    await page.waitForURL(/#\/council\/households\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').pop()!;
    const saved = await t.as(await t.login(DEMO.admin)).get(`/api/households/${id}`);
    expect(saved.body).toMatchObject({ address: '西斜街3号', laneId });
    // The household's page shows the lane it is in.
    await page.getByTestId('household-lane').waitFor();
    expect(await page.getByTestId('household-lane').inputValue()).toBe(laneId);
  });
});
