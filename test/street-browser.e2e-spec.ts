import type { Page } from 'playwright-core';
import { STREET_DEMO_PHONE } from '../src/street/demo-street';
import { expectAccessible as expectNoSeriousFindings } from './support/axe';
import { describeWithBrowser, loginInBrowser, screenshotPath } from './support/browser';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

const PHONE_360 = { width: 360, height: 740 };

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

/** No serious or critical axe finding on the street screen as it is. */
const expectAccessible = (page: Page) => expectNoSeriousFindings(page, 'street');

/** A touch target a finger can hit: at least 44 × 44 CSS pixels. */
async function expectTouchable(page: Page, testId: string): Promise<void> {
  const box = await page.getByTestId(testId).first().boundingBox();
  expect(box && box.height >= 44 && box.width >= 44).toBe(true);
}

describeWithBrowser('the street office on a 360-px phone', ({ newPage }) => {
  it('compares its associations, opens a public board, and founds a new association', async () => {
    const page = await newPage({ viewport: PHONE_360 });
    expect(await loginInBrowser(page, t.url, STREET_DEMO_PHONE, DEMO.password)).toBe('street');
    // The masthead names the street once /api/me has answered; until then it shows the app's name.
    await page.getByTestId('masthead-association').filter({ hasText: '金融街街道' }).waitFor();
    await expect(page.getByTestId('masthead-association').innerText()).resolves.toBe('金融街街道');
    await expect(page.getByTestId('masthead-role').innerText()).resolves.toBe('街道办事处');
    // Every tile leads somewhere: none says "coming soon".
    await expect(page.locator('.tile--soon').count()).resolves.toBe(0);
    await expectAccessible(page);

    await page.getByTestId('tile-street-overview').click();
    const cards = page.getByTestId('street-association');
    await cards.first().waitFor();
    await expect(cards.count()).resolves.toBe(2);
    await expect(page.getByTestId('street-subtitle').innerText()).resolves.toContain(
      '金融街街道 · 2 个车友会',
    );
    await expect(page.getByTestId('chart-occupancy').count()).resolves.toBe(2);
    await expect(page.getByTestId('chart-gaps').getAttribute('aria-label')).resolves.toBe(
      '各车友会7日内值守缺人的小时数',
    );
    const zhuanta = cards.filter({ hasText: '砖塔车友会' });
    await expect(zhuanta.innerText()).resolves.toContain('丰盛社区');
    // Figures only: no phone number anywhere on the screen.
    expect(await page.locator('main').innerText()).not.toMatch(/1\d{10}/);
    // No horizontal scrolling on a 360-px phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
    await expectTouchable(page, 'street-board-link');
    await expectAccessible(page);
    await page.screenshot({ path: screenshotPath('street-overview.png'), fullPage: true });

    await zhuanta.getByTestId('street-board-link').click();
    await page.getByTestId('board').waitFor();
    await page.locator('.topbar-title', { hasText: '砖塔车友会' }).waitFor();
    // 收支公示: the board shows the months' income and spending.
    await page.getByTestId('board-finance').waitFor();
    await expect(page.getByTestId('board-finance').innerText()).resolves.toContain('收支公示');
    await expectAccessible(page);

    await page.goto(`${t.url}/app/#/home`);
    await page.getByTestId('tile-onboard').click();
    await page.getByTestId('onboard-form').waitFor();
    await page.getByTestId('onboard-name').fill('太平桥车友会');
    await page.getByTestId('onboard-community').fill('太平桥社区');
    await page.getByTestId('onboard-council-name').fill('孔令华');
    await page.getByTestId('onboard-council-phone').fill('13800000601');
    await page.getByTestId('onboard-council-password').fill('taipingqiao-2030');
    await expectTouchable(page, 'onboard-next');
    await expectAccessible(page);
    await page.getByTestId('onboard-next').click();

    // Founding cannot be undone: the screen asks first, and nothing is written before.
    const confirm = page.getByTestId('onboard-confirm');
    await confirm.waitFor();
    await expect(confirm.innerText()).resolves.toContain('将在金融街街道建立“太平桥车友会”');
    expect(await t.sql(`SELECT 1 FROM association WHERE name = '太平桥车友会'`)).toHaveLength(0);
    await page.getByTestId('onboard-confirm-button').click();
    const done = page.getByTestId('onboard-done');
    await done.waitFor();
    await expect(done.innerText()).resolves.toContain(
      '已建立“太平桥车友会”，理事孔令华现在可以用手机号13800000601登录。',
    );
    await expectAccessible(page);

    // The new council logs in at once and sees its own, empty association.
    const council = await newPage({ viewport: PHONE_360 });
    expect(await loginInBrowser(council, t.url, '13800000601', 'taipingqiao-2030')).toBe('admin');
    await council.getByTestId('masthead-association').filter({ hasText: '太平桥车友会' }).waitFor();
    await expect(council.getByTestId('masthead-association').innerText()).resolves.toBe(
      '太平桥车友会',
    );

    await page.goto(`${t.url}/app/#/street`);
    await page.getByTestId('street-association').first().waitFor();
    await expect(page.getByTestId('street-association').count()).resolves.toBe(3);
  });

  it('a viewer reaches the reports and the public boards from their tiles', async () => {
    const page = await newPage({ viewport: PHONE_360 });
    expect(await loginInBrowser(page, t.url, DEMO.viewer, DEMO.password)).toBe('viewer');
    await expect(page.locator('.tile--soon').count()).resolves.toBe(0);
    await page.getByTestId('tile-public-board').click();
    const boards = page.getByTestId('street-board');
    await boards.first().waitFor();
    await expect(boards.count()).resolves.toBe(1);
    await expectAccessible(page);
    await boards.first().click();
    await page.getByTestId('board').waitFor();
    await page.locator('.topbar-title', { hasText: '4143车友会' }).waitFor();
  });
});
