import { STREET_DEMO_PHONE } from '../src/street/demo-street';
import { expectAccessible, expectTouchTargets, NARROW_PHONE } from './support/axe';
import { describeWithBrowser, loginInBrowser } from './support/browser';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

/**
 * Issue 17.1 on a 360-px phone in Chinese: the warden guides a car to a free space and records
 * it with one tap on the live map; the public board and the street office then show the month's
 * persuasion and guidance counted by outcome.
 */
describeWithBrowser('guidance in one tap, counted by outcome', ({ newPage }) => {
  let t: TestApp;
  let associationId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const [association] = await t.sql<{ id: string }>(
      `SELECT id FROM association WHERE name = '4143车友会'`,
    );
    associationId = association!.id;
  }, 120_000);
  afterAll(() => t?.close());

  const guidedThisMonth = async () => {
    const [row] = await t.sql<{ n: string }>(
      `SELECT count(*) AS n FROM persuasion WHERE association_id = $1 AND kind = 'guidance'`,
      [associationId],
    );
    return Number(row!.n);
  };

  it('the warden taps a free space on the map, then 引导 +1', async () => {
    const [free] = await t.sql<{ code: string }>(
      `SELECT s.code FROM space s WHERE s.association_id = $1 AND s.availability = 'open'
          AND s.household_id IS NULL AND NOT EXISTS
            (SELECT 1 FROM occupancy_session o WHERE o.space_id = s.id AND o.ended_at IS NULL)
          AND NOT EXISTS (SELECT 1 FROM space_restriction r WHERE r.space_id = s.id)
        ORDER BY s.code LIMIT 1`,
      [associationId],
    );
    const before = await guidedThisMonth();
    const page = await newPage({ viewport: NARROW_PHONE });
    await loginInBrowser(page, t.url, DEMO.wardens[0], DEMO.password);
    await page.goto(`${t.url}/app/#/warden/map`);
    await page.getByTestId(`space-${free!.code}`).click();
    await page.getByTestId('space-panel').waitFor();
    await page.getByTestId('guide-here').click();
    const done = page.getByTestId('guide-here-done');
    await done.waitFor();
    expect(await done.innerText()).toBe(`已记录：引导车辆停入${free!.code}`);
    expect(await guidedThisMonth()).toBe(before + 1);
    const [place] = await t.sql<{ place: string }>(
      `SELECT place FROM persuasion WHERE kind = 'guidance' ORDER BY occurred_at DESC LIMIT 1`,
    );
    expect(place!.place).toBe(`引导至${free!.code}`);
    await expectAccessible(page, 'warden map with the guidance tap');
    await expectTouchTargets(page, 'warden map with the guidance tap');
  });

  it('the public board and the street office show the month counted by outcome', async () => {
    const warden = await t.login(DEMO.wardens[0]);
    const promised = await t
      .http()
      .post('/api/persuasions')
      .set('authorization', `Bearer ${warden}`)
      .send({
        plate: '京N7Q2X9',
        place: '下岗胡同东口',
        outcome: 'promised',
        note: '车主答应挪走',
      });
    expect(promised.status).toBe(201);
    const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);

    const board = await newPage({ viewport: NARROW_PHONE });
    await board.goto(`${t.url}/app/#/board/${associationId}`);
    const line = board.getByTestId('board-persuasions').locator(`[data-month="${month}"]`);
    await line.waitFor();
    const text = await line.innerText();
    expect(text).toMatch(/引导入位\d+次/);
    expect(text).toMatch(/答应挪车\d+次/);
    expect(text).not.toContain('京N');
    await expectAccessible(board, 'public board with persuasion counts');

    const street = await newPage({ viewport: NARROW_PHONE });
    await loginInBrowser(street, t.url, STREET_DEMO_PHONE, DEMO.password);
    await street.goto(`${t.url}/app/#/street`);
    const card = street.locator(`[data-association-id="${associationId}"]`);
    const counts = card.getByTestId('street-persuasions').locator(`[data-month="${month}"]`);
    await counts.waitFor();
    expect(await counts.innerText()).toMatch(/答应挪车\d+次/);
    await expectAccessible(street, 'street overview with persuasion counts');
  });
});
