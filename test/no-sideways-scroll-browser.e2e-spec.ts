import { STREET_DEMO_PHONE } from '../src/street/demo-street';
import { describeWithBrowser, loginInBrowser, PHONE_VIEWPORT } from './support/browser';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

/**
 * Every role's screens on a 360-px phone: nothing reaches past the right edge, so no one has to
 * scroll sideways to find a button or the end of a sentence. (A wide input or a fieldset's natural
 * width once pushed 我的车辆 to 410 px.) Strips meant to scroll, such as the permit status tabs,
 * scroll inside themselves and do not widen the page.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

const SCREENS: [string, string][] = [
  [DEMO.resident, '/home'],
  [DEMO.resident, '/map'],
  [DEMO.resident, '/permits'],
  [DEMO.resident, '/resident/vehicles'],
  [DEMO.resident, '/resident/violations'],
  [DEMO.resident, '/resident/history'],
  [DEMO.resident, '/offers'],
  [DEMO.resident, '/convention'],
  [DEMO.wardens[0], '/home'],
  [DEMO.wardens[0], '/warden/map'],
  [DEMO.wardens[0], '/warden/persuasion'],
  [DEMO.wardens[0], '/me/shifts'],
  [DEMO.unit, '/unit/offers'],
  [DEMO.unit, '/unit/agreement'],
  [DEMO.admin, '/home'],
  [DEMO.admin, '/council/households'],
  [DEMO.admin, '/council/permits'],
  [DEMO.admin, '/council/violations'],
  [DEMO.admin, '/council/payments'],
  [DEMO.admin, '/council/print'],
  [DEMO.admin, '/council/spaces'],
  [DEMO.admin, '/council/convention'],
  [DEMO.admin, '/rosters'],
  [DEMO.admin, '/units'],
  [DEMO.admin, '/password'],
  [STREET_DEMO_PHONE, '/street'],
  [STREET_DEMO_PHONE, '/street/boards'],
];

/** The screens of one person, in the order above: one login, then each screen in turn. */
const PEOPLE = [...new Set(SCREENS.map(([phone]) => phone))].map(
  (phone) => [phone, SCREENS.filter(([who]) => who === phone).map(([, route]) => route)] as const,
);

describeWithBrowser('no screen scrolls sideways on a 360-px phone', ({ newPage }) => {
  it.each(PEOPLE)('%s: %j', async (phone, routes) => {
    const page = await newPage();
    expect(page.viewportSize()?.width).toBe(PHONE_VIEWPORT.width);
    await loginInBrowser(page, t.url, phone, DEMO.password);
    const widths: Record<string, unknown> = {};
    for (const route of routes) {
      // A fresh load of each screen (the session stays in localStorage), never the last one's.
      await page.goto('about:blank');
      await page.goto(`${t.url}/app/#${route}`);
      await page.locator('.screen').first().waitFor();
      await page.waitForFunction(() => document.querySelector('[role="progressbar"]') === null);
      await page.waitForTimeout(300);
      widths[route] = await page.evaluate(() => {
        const edge = document.documentElement.clientWidth;
        const over = Array.from(document.querySelectorAll('body *'))
          .map((el) => ({ el, right: el.getBoundingClientRect().right }))
          .filter(({ right }) => right > edge + 1)
          .map(
            ({ el, right }) => `${el.tagName.toLowerCase()}.${el.className} → ${Math.round(right)}`,
          );
        return { scrollWidth: document.documentElement.scrollWidth, over: over.slice(0, 5) };
      });
    }
    // Every screen of this person, each with the page exactly as wide as the phone.
    expect(widths).toEqual(
      Object.fromEntries(
        routes.map((route) => [
          route,
          { scrollWidth: PHONE_VIEWPORT.width, over: expect.any(Array) },
        ]),
      ),
    );
  });
});
