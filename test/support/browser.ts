import path from 'node:path';
import os from 'node:os';
import { existsSync, mkdirSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';

// Browser tests drive the Debian chromium through playwright-core: no browser download, no
// network. A developer machine without chromium skips them loudly; CI must never skip them.

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/**
 * Chromium is there (true), or it is not and this is a developer machine (false, after a loud
 * notice). In CI (CI=true) a missing chromium is an error, so a broken image cannot pass by
 * skipping every browser test.
 */
export function browserAvailable(): boolean {
  const executable = chromiumPath();
  if (existsSync(executable)) return true;
  if (process.env.CI === 'true') {
    throw new Error(
      `Chromium not found at ${executable}: CI must run the browser tests (set CHROMIUM_PATH)`,
    );
  }
  const banner = '!'.repeat(78);
  console.warn(
    [
      banner,
      `!!  BROWSER TESTS SKIPPED: no chromium at ${executable}`,
      '!!  Install it (apt-get install chromium) or set CHROMIUM_PATH to run them.',
      banner,
    ].join('\n'),
  );
  return false;
}

/** A headless chromium, or null (after the notice) when none is installed outside CI. */
export async function launchBrowser(): Promise<Browser | null> {
  if (!browserAvailable()) return null;
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
}

export interface BrowserContextHelpers {
  /** The browser launched for this describe block (in beforeAll). */
  browser(): Browser;
  /** A page in a fresh context (its own localStorage), closed after the test. */
  newPage(options?: { viewport?: { width: number; height: number } }): Promise<Page>;
}

/**
 * A phone held upright at its narrowest common width (360×740): the client is designed for this
 * first, and every browser test walks its screens at this size unless it asks for another.
 */
export const PHONE_VIEWPORT = { width: 360, height: 740 };

/**
 * `describe` with one browser for the block, or `describe.skip` when chromium is missing
 * (outside CI). Pages from `newPage()` are closed after each test.
 *
 *   describeWithBrowser('warden map', ({ newPage }) => {
 *     it('shows the lane', async () => { const page = await newPage(); ... });
 *   });
 */
export function describeWithBrowser(
  name: string,
  fn: (helpers: BrowserContextHelpers) => void,
): void {
  if (!browserAvailable()) {
    describe.skip(name, () => fn(unavailableHelpers));
    return;
  }
  describe(name, () => {
    let browser: Browser | null = null;
    const pages: Page[] = [];

    beforeAll(async () => {
      browser = await launchBrowser();
    });

    afterEach(async () => {
      await Promise.all(pages.splice(0).map((page) => page.context().close()));
    });

    afterAll(async () => {
      await browser?.close();
    });

    fn({
      browser: () => {
        if (!browser) throw new Error('the browser is launched in beforeAll; use it inside a test');
        return browser;
      },
      async newPage(options) {
        if (!browser) throw new Error('the browser is launched in beforeAll; use it inside a test');
        const context = await browser.newContext({
          viewport: options?.viewport ?? PHONE_VIEWPORT,
          locale: 'zh-CN',
          timezoneId: 'Asia/Shanghai',
        });
        const page = await context.newPage();
        recordErrors(page);
        pages.push(page);
        return page;
      },
    });
  });
}

const unavailableHelpers: BrowserContextHelpers = {
  browser: () => {
    throw new Error('browser tests are skipped');
  },
  newPage: () => Promise.reject(new Error('browser tests are skipped')),
};

/**
 * Logs in through the login screen as a member would and waits for their home screen.
 * Returns the role shown (the suffix of data-testid="home-<role>"). Fails with the screen's
 * refusal message if the login is refused.
 */
export async function loginInBrowser(
  page: Page,
  baseUrl: string,
  phone: string,
  password: string,
): Promise<string> {
  await page.goto(`${baseUrl}/app/#/login`);
  // A session left by an earlier login on this page would skip the login screen.
  const hadSession = await page.evaluate(() => {
    const had = localStorage.getItem('hutong.session') !== null;
    localStorage.removeItem('hutong.session');
    return had;
  });
  if (hadSession) await page.reload();

  const phoneField = page.getByTestId('login-phone');
  // On a starved machine the login screen once never appeared within 30 s after a load event:
  // say what the page showed, then try once more as a person would (reload), before failing.
  const shown = await phoneField.waitFor({ timeout: 20_000 }).then(
    () => true,
    () => false,
  );
  if (!shown) {
    console.warn(`login screen not shown; reloading. ${await pageState(page)}`);
    await page.goto(`${baseUrl}/app/#/login`);
    await phoneField.waitFor({ timeout: 20_000 }).catch(async () => {
      throw new Error(`the login screen never appeared: ${await pageState(page)}`);
    });
  }
  await phoneField.fill(phone);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();

  const home = page.locator('[data-testid^="home-"]');
  const error = page.getByTestId('login-error');
  await home.or(error).first().waitFor({ state: 'visible' });
  if (await error.isVisible()) {
    throw new Error(`login ${phone} refused: ${await error.innerText()}`);
  }
  const testId = await home.first().getAttribute('data-testid');
  return (testId ?? '').replace(/^home-/, '');
}

/**
 * Where a test saves a screenshot of what a person sees: docs/screenshots when
 * UPDATE_SCREENSHOTS=1 (to refresh the README's pictures), else a temporary folder, so a plain
 * test run leaves the working tree clean.
 */
export function screenshotPath(name: string): string {
  const folder =
    process.env.UPDATE_SCREENSHOTS === '1'
      ? path.join(__dirname, '..', '..', 'docs', 'screenshots')
      : path.join(os.tmpdir(), 'hutong-screenshots');
  mkdirSync(folder, { recursive: true });
  return path.join(folder, name);
}

/** Where a page is and what it shows, with the errors it logged: for a failure's message. */
async function pageState(page: Page): Promise<string> {
  const text = await page
    .evaluate(() => document.body?.innerText.slice(0, 300) ?? '(no body)')
    .catch((error: unknown) => `(cannot read: ${String(error)})`);
  const errors = PAGE_ERRORS.get(page) ?? [];
  return `url=${page.url()} text=${JSON.stringify(text)} errors=${JSON.stringify(errors.slice(-5))}`;
}

const PAGE_ERRORS = new WeakMap<Page, string[]>();

function recordErrors(page: Page): void {
  const errors: string[] = [];
  PAGE_ERRORS.set(page, errors);
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('requestfailed', (request) =>
    errors.push(`requestfailed: ${request.url()} ${request.failure()?.errorText ?? ''}`),
  );
}
