import { describeWithBrowser, loginInBrowser } from './support/browser';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

/** The policies are strict, and the pages still work under them in a real browser. */
describeWithBrowser('content security policy in the browser', ({ newPage }) => {
  it('the web client runs, talks live, and prints a styled permit card, with no violation', async () => {
    const page = await newPage();
    const violations: string[] = [];
    const watch = (text: string) => {
      if (/Content Security Policy/i.test(text)) violations.push(text);
    };
    page.on('console', (message) => watch(message.text()));
    expect(await loginInBrowser(page, t.url, DEMO.resident, DEMO.password)).toBe('resident');
    // The live socket connects under connect-src.
    await page.getByTestId('tile-free-spaces').click();
    await page.getByTestId('connection-state').and(page.locator('[data-state="live"]')).waitFor();

    await page.goto(`${t.url}/app/#/permits`);
    await page.getByTestId('permit').first().waitFor();
    // The card opens as a blob: page, which inherits the client's policy.
    const [card] = await Promise.all([
      page.context().waitForEvent('page'),
      page.getByText('打印停车证').first().click(),
    ]);
    card.on('console', (message) => watch(message.text()));
    await card.getByTestId('permit-card').waitFor();
    const border = await card
      .getByTestId('permit-card')
      .evaluate((element) => getComputedStyle(element).borderTopColor);
    expect(border).toBe('rgb(183, 28, 28)');
    expect(await card.locator('svg').count()).toBeGreaterThan(0);
    expect(violations).toEqual([]);
  });
});
