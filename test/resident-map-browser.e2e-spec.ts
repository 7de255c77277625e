import type { Page } from 'playwright-core';
import { describeWithBrowser, loginInBrowser, screenshotPath } from './support/browser';
import { expectWholeLaneOnScreen } from './support/lane-map';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

// Needs the built client (npm run build:web), like the other browser tests.
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

interface FreeSpace {
  id: string;
  code: string;
  sticker_token: string;
}

/** Free, open, unassigned spaces with no restriction window: any car may park there now. */
function freeSpaces(): Promise<FreeSpace[]> {
  return t.sql<FreeSpace>(
    `SELECT s.id, s.code, s.sticker_token FROM space s
      WHERE s.availability = 'open' AND s.consent = 'approved' AND s.household_id IS NULL
        AND NOT EXISTS (SELECT 1 FROM occupancy_session o WHERE o.space_id = s.id AND o.ended_at IS NULL)
        AND NOT EXISTS (SELECT 1 FROM space_restriction r WHERE r.space_id = s.id)
      ORDER BY s.code`,
  );
}

async function freeCount(page: Page): Promise<number> {
  return Number((await page.getByTestId('free-count').innerText()).trim());
}

/** "京A·12345" as a plate is written on screen, from "京A12345" as stored. */
function painted(plate: string): string {
  return `${plate.slice(0, 2)}·${plate.slice(2)}`;
}

describeWithBrowser('the residents’ space map and QR sticker check-in', ({ newPage }) => {
  it('a resident watches free spaces drop live, sees no plates but their own, and parks by sticker', async () => {
    const [resident] = await t.sql<{ household_id: string }>(
      `SELECT household_id FROM member WHERE phone = $1`,
      [DEMO.resident],
    );
    const householdId = resident!.household_id;
    const warden = await t.login(DEMO.wardens[0]);

    // A car of the resident's household that is not parked: if all are, a warden checks one out.
    const ours = await t.sql<{ plate: string; space_id: string | null }>(
      `SELECT v.plate, o.space_id FROM vehicle v
         LEFT JOIN occupancy_session o ON o.plate = v.plate AND o.ended_at IS NULL
        WHERE v.household_id = $1 ORDER BY o.space_id NULLS FIRST, v.plate`,
      [householdId],
    );
    expect(ours.length).toBeGreaterThan(0);
    const ourCar = ours[0]!;
    if (ourCar.space_id) {
      await t
        .http()
        .post(`/api/spaces/${ourCar.space_id}/check-out`)
        .set('authorization', `Bearer ${warden}`)
        .expect(200);
    }

    const page = await newPage();
    expect(await loginInBrowser(page, t.url, DEMO.resident, DEMO.password)).toBe('resident');
    await page.getByTestId('tile-free-spaces').click();
    await page.getByTestId('resident-map').waitFor();
    await page.getByTestId('connection-state').and(page.locator('[data-state="live"]')).waitFor();
    await page.getByTestId('free-count').waitFor();
    const before = await freeCount(page);
    await expect(page.getByTestId('free-hero').innerText()).resolves.toMatch(
      new RegExp(`下岗胡同\\s*空位\\s*${before}\\s*个`),
    );

    const lane = await t.sql<{ code: string }>(
      `SELECT code FROM space WHERE lane_id = (SELECT lane_id FROM space WHERE code = 'XG-01')`,
    );
    await expectWholeLaneOnScreen(
      page,
      lane.map((s) => s.code),
    );

    // A warden parks a visiting neighbour's car (not this household's) through the API.
    const [{ plate: theirs }] = (await t.sql<{ plate: string }>(
      `SELECT plate FROM vehicle v WHERE v.household_id <> $1 AND NOT EXISTS (
         SELECT 1 FROM occupancy_session o WHERE o.plate = v.plate AND o.ended_at IS NULL)
       ORDER BY plate LIMIT 1`,
      [householdId],
    )) as [{ plate: string }];
    const [target, sticker] = (await freeSpaces()) as [FreeSpace, FreeSpace];
    await t
      .http()
      .post(`/api/spaces/${target.id}/check-in`)
      .set('authorization', `Bearer ${warden}`)
      .send({ plate: theirs })
      .expect(200);

    await page
      .getByTestId(`space-${target.code}`)
      .and(page.locator('[data-state="occupied"]'))
      .waitFor({ timeout: 5000 });
    await page
      .getByTestId('free-count')
      .filter({ hasText: String(before - 1) })
      .waitFor();

    // States and counts only: no other household's plate anywhere on the screen, even tapped.
    await page.getByTestId(`space-${target.code}`).click();
    await page.getByTestId('space-panel').waitFor();
    expect(await page.getByTestId('space-plate').count()).toBe(0);
    const parkedPlates = await t.sql<{ plate: string }>(
      `SELECT o.plate FROM occupancy_session o LEFT JOIN vehicle v ON v.id = o.vehicle_id
        WHERE o.ended_at IS NULL AND v.household_id IS DISTINCT FROM $1`,
      [householdId],
    );
    expect(parkedPlates.length).toBeGreaterThan(1);
    const html = await page.content();
    for (const { plate } of parkedPlates) {
      expect(html).not.toContain(plate);
      expect(html).not.toContain(painted(plate));
    }

    // The sticker at another space: a forged token is refused with the server's reason...
    await page.goto(`${t.url}/app/#/spaces/${sticker.id}/check-in?sticker=${'0'.repeat(32)}`);
    await expect(page.getByTestId('sticker-space-code').innerText()).resolves.toBe(sticker.code);
    const choice = page.getByTestId('vehicle-choice').filter({ hasText: painted(ourCar.plate) });
    await choice.click();
    await page.getByTestId('check-in').click();
    await expect(page.getByTestId('check-in-error').innerText()).resolves.toContain(
      '请扫描车位上的二维码',
    );

    // ...the real sticker parks the car.
    await page.goto(
      `${t.url}/app/#/spaces/${sticker.id}/check-in?sticker=${sticker.sticker_token}`,
    );
    await page.getByTestId('sticker-space-state').and(page.locator('.badge--free')).waitFor();
    await choice.click();
    await page.getByTestId('check-in').click();
    await expect(page.getByTestId('check-in-success').innerText()).resolves.toContain(sticker.code);
    await page.getByTestId('my-car-here').waitFor();
    const [session] = await t.sql<{ source: string }>(
      `SELECT source FROM occupancy_session WHERE space_id = $1 AND ended_at IS NULL`,
      [sticker.id],
    );
    expect(session?.source).toBe('sticker');

    // Back on the map: one more space taken, and their own car, with its plate, is marked.
    await page.getByTestId('to-map').click();
    await page
      .getByTestId('free-count')
      .filter({ hasText: String(before - 2) })
      .waitFor();
    await expect(page.getByTestId('my-car').innerText()).resolves.toContain(sticker.code);
    await page.getByTestId(`space-${sticker.code}`).and(page.locator('.space--mine')).waitFor();
    await expectWholeLaneOnScreen(
      page,
      lane.map((s) => s.code),
    );
    await page.screenshot({ path: screenshotPath('resident-map.png'), fullPage: true });

    // Leaving: checked out from the same sticker page.
    await page.goBack();
    await page.getByTestId('check-out').click();
    await page.getByTestId('check-in-success').filter({ hasText: '已驶离登记' }).waitFor();
    await page.getByTestId('sticker-space-state').and(page.locator('.badge--free')).waitFor();
  });
});
