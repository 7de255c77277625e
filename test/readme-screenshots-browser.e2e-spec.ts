import type { Page } from 'playwright-core';
import { describeWithBrowser, loginInBrowser, screenshotPath } from './support/browser';
import { STREET_DEMO_PHONE } from '../src/street/demo-street';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

/**
 * The README's pictures, as each role sees the client on a 360-px phone in Chinese. A plain run
 * only proves every screen opens; `UPDATE_SCREENSHOTS=1 npx jest test/readme-screenshots` writes
 * them to docs/screenshots (phone-*.png; other browser tests save pictures of their own there).
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

const PHONE = { width: 360, height: 740 };

/** Waits until the screen has its data: no progress indicator is left on it. */
async function settled(page: Page, testId: string): Promise<void> {
  await page.getByTestId(testId).waitFor();
  await page.waitForFunction(() => document.querySelector('[role="progressbar"]') === null);
  // Fonts and the last layout pass.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

const SCREENS: [string, string, string, string][] = [
  // [who, route, the screen's test id, picture]
  [DEMO.wardens[0], '/home', 'home-warden', 'phone-home-warden.png'],
  [DEMO.wardens[0], '/warden/map', 'warden-map', 'phone-warden-map.png'],
  [DEMO.wardens[0], '/warden/scan', 'warden-scan', 'phone-warden-scan.png'],
  [DEMO.resident, '/home', 'home-resident', 'phone-home-resident.png'],
  [DEMO.resident, '/map', 'resident-map', 'phone-resident-map.png'],
  [DEMO.resident, '/permits', 'my-permits', 'phone-my-permits.png'],
  [DEMO.resident, '/resident/vehicles', 'my-vehicles', 'phone-my-vehicles.png'],
  [DEMO.resident, '/resident/violations', 'my-violations', 'phone-my-violations.png'],
  [DEMO.unit, '/unit/offers', 'unit-offers', 'phone-unit-offers.png'],
  [DEMO.admin, '/rosters', 'roster-week', 'phone-roster.png'],
  [DEMO.admin, '/council/permits', 'council-permits', 'phone-council-permits.png'],
  [DEMO.admin, '/council/convention', 'council-convention', 'phone-council-convention.png'],
  [DEMO.admin, '/council/households', 'council-households', 'phone-council-households.png'],
  [DEMO.admin, '/council/print', 'print-screen', 'phone-council-print.png'],
  [DEMO.admin, '/council/spaces', 'council-spaces', 'phone-council-spaces.png'],
  [STREET_DEMO_PHONE, '/street', 'street-overview', 'phone-street.png'],
];

describeWithBrowser('the README screenshots, at 360 px in Chinese', ({ newPage }) => {
  it('the login screen', async () => {
    const page = await newPage({ viewport: PHONE });
    await page.goto(`${t.url}/app/#/login`);
    await page.getByTestId('login-phone').waitFor();
    await page.screenshot({ path: screenshotPath('phone-login.png') });
  });

  /** One login per person, then each of their screens loaded afresh. */
  const people = [...new Set(SCREENS.map(([phone]) => phone))].map(
    (phone) => [phone, SCREENS.filter(([who]) => who === phone)] as const,
  );

  it.each(people)('%s opens each of their screens', async (phone, screens) => {
    const page = await newPage({ viewport: PHONE });
    await loginInBrowser(page, t.url, phone, DEMO.password);
    for (const [, route, testId, picture] of screens) {
      await page.goto('about:blank');
      await page.goto(`${t.url}/app/#${route}`);
      await settled(page, testId);
      if (testId.endsWith('-map')) await page.getByTestId('space-XG-01').waitFor();
      await page.screenshot({ path: screenshotPath(picture) });
    }
  });
});
