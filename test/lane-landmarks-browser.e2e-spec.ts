import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expectAccessible, expectTouchTargets } from './support/axe';
import { describeWithBrowser, loginInBrowser } from './support/browser';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

/**
 * The live map shows the lane as people name it (issue 12): door numbers, the hydrant, the
 * entrances, the refuse point, the council's landmarks and the way to the shared car parks; a
 * screen reader hears a labelled map and each space by its code and state.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

const PHONE = { width: 360, height: 740 };

async function seriousAxeViolations(page: Page): Promise<string[]> {
  // Evaluated, not added as a <script>: the client's policy allows no inline script.
  await page.evaluate(readFileSync(require.resolve('axe-core'), 'utf8'));
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: () => Promise<any> } }).axe;
    return axe.run();
  });
  return (result.violations as { id: string; impact: string; nodes: { html: string }[] }[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.html.slice(0, 120)).join(', ')}`);
}

describeWithBrowser('the lane as people know it', ({ newPage }) => {
  it('a warden sees door numbers, the hydrant, the entrances and the car parks on the 360-px map', async () => {
    const page = await newPage({ viewport: PHONE });
    await loginInBrowser(page, t.url, DEMO.wardens[0], DEMO.password);
    await page.goto(`${t.url}/app/#/warden/map`);
    await page.getByTestId('space-XG-01').waitFor();
    const map = page.getByRole('group', { name: /下岗胡同车位图，空闲\d+个/ });
    await map.waitFor();
    for (const kind of ['door', 'hydrant', 'entrance', 'refuse', 'landmark', 'car_park']) {
      await map.getByTestId(`landmark-${kind}`).first().waitFor();
    }
    await map.getByRole('img', { name: '消防栓' }).waitFor();
    await map.locator('text', { hasText: '20号' }).waitFor();
    // No metres on the map: the lane is read by its doors and landmarks.
    expect(await map.locator('text').allInnerTexts()).not.toContain(expect.stringMatching(/\d+ m/));

    // The hydrant stands by the closed space 20; the way to the car park is spelled out.
    await page.getByTestId('landmark-list-toggle').click();
    const hydrant = page.getByTestId('landmark-item-hydrant');
    await expect(hydrant.innerText()).resolves.toContain('在XG-20旁');
    const garage = page.getByTestId('landmark-item-car_park').first();
    const text = await garage.innerText();
    expect(text).toContain('金融街中心地下车库');
    expect(text).toContain('步行约4分钟');
    expect(text).toMatch(/出西口右转/);

    // A screen reader reaches a space by keyboard and hears its code and state.
    const space = map.getByRole('button', { name: /^XG-01，(空闲|占用|预留|关闭)$/ });
    await space.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('space-panel').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('a landmark the council places appears on the residents’ map', async () => {
    const admin = await t.login(DEMO.admin);
    const [{ id: laneId }] = (await t.sql<{ id: string }>(
      `SELECT id FROM lane WHERE name = '下岗胡同'`,
    )) as [{ id: string }];
    await t
      .http()
      .post(`/api/lanes/${laneId}/landmarks`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ kind: 'landmark', label: '小卖部', x: 150, y: 10 })
      .expect(201);

    const page = await newPage({ viewport: PHONE });
    await loginInBrowser(page, t.url, DEMO.resident, DEMO.password);
    await page.goto(`${t.url}/app/#/map`);
    await page.getByTestId('space-XG-01').waitFor();
    await page.getByRole('img', { name: '小卖部' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('the council adds a landmark by a space, sees it on the map, and removes it after confirming', async () => {
    const page = await newPage({ viewport: PHONE });
    await loginInBrowser(page, t.url, DEMO.admin, DEMO.password);
    await page.goto(`${t.url}/app/#/warden/map`);
    await page.getByTestId('space-XG-10').waitFor();
    await page.getByTestId('landmark-list-toggle').click();
    const editor = page.getByTestId('landmark-editor');
    await editor.getByTestId('landmark-label').fill('修车铺');
    await editor.getByTestId('landmark-space').selectOption({ label: 'XG-10' });
    await editor.getByRole('combobox', { name: '位置' }).selectOption({ label: '路北一侧' });
    await editor.getByTestId('landmark-place').click();
    await expect(editor.getByTestId('landmark-message').innerText()).resolves.toBe(
      '已添加地标“修车铺”',
    );
    await page.getByRole('img', { name: '修车铺' }).waitFor();
    const [row] = await t.sql<{ side: number; chainage: string }>(
      `SELECT side, chainage FROM lane_landmark WHERE label = '修车铺'`,
    );
    expect(row!.side).toBe(1);
    expect(Number(row!.chainage)).toBeCloseTo(3 + 9 * 6.4 + 2.75, 0);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Renamed and moved across the lane, as the council would say it.
    const item = page.getByTestId('landmark-item-landmark').filter({ hasText: '修车铺' });
    await item.getByTestId('landmark-change').click();
    const change = page.getByTestId('landmark-change-editor');
    await expect(change.getByTestId('landmark-change-space').inputValue()).resolves.toBe(
      (
        await t.sql<{ id: string }>(
          `SELECT s.id FROM space s JOIN lane l ON l.id = s.lane_id
            WHERE s.code = 'XG-10' AND l.name = '下岗胡同'`,
        )
      )[0]!.id,
    );
    await change.getByTestId('landmark-change-label').fill('老王修车铺');
    await change.getByRole('combobox', { name: '位置' }).selectOption({ label: '路南一侧' });
    await expectAccessible(page, 'landmark being changed');
    await expectTouchTargets(page, 'landmark being changed');
    await change.getByTestId('landmark-change-place').click();
    await page.getByTestId('landmark-done').filter({ hasText: '已修改地标“老王修车铺”' }).waitFor();
    await page.getByRole('img', { name: '老王修车铺' }).waitFor();
    const [moved] = await t.sql<{ side: number }>(
      `SELECT side FROM lane_landmark WHERE label = '老王修车铺'`,
    );
    expect(moved!.side).toBe(-1);

    // Removed only after the page asks, naming what goes.
    const renamed = page.getByTestId('landmark-item-landmark').filter({ hasText: '老王修车铺' });
    await renamed.getByTestId('landmark-remove').click();
    await page.getByTestId('confirm-dialog').getByText('删除地标“老王修车铺”？').waitFor();
    await expectAccessible(page, 'landmark removal confirmation');
    await page.getByTestId('confirm-no').click();
    expect(await t.sql(`SELECT 1 FROM lane_landmark WHERE label = '老王修车铺'`)).toHaveLength(1);
    await renamed.getByTestId('landmark-remove').click();
    await page.getByTestId('confirm-yes').click();
    await page.getByRole('img', { name: '老王修车铺' }).waitFor({ state: 'detached' });
    expect(await t.sql(`SELECT 1 FROM lane_landmark WHERE label = '老王修车铺'`)).toHaveLength(0);
  }, 180_000);
});
