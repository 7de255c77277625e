import QRCode from 'qrcode';
import type { Page } from 'playwright-core';
import { describeWithBrowser, loginInBrowser, screenshotPath } from './support/browser';
import { permitIdOfPlate, tokenOfPermit } from './support/permits';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

/**
 * An app the phone keeps (issue 12): a warden opens the client once with signal, then in a lane
 * with none the phone still opens it, verifies a permit and shows the lane; the scans made
 * meanwhile reach the server when the signal returns.
 */
let t: TestApp;
let validQr: Buffer;
beforeAll(async () => {
  t = await startTestApp();
  const admin = await t.login(DEMO.admin);
  const token = await tokenOfPermit(t, admin, await permitIdOfPlate(t, '京A12345'));
  validQr = await QRCode.toBuffer(token, { errorCorrectionLevel: 'M', scale: 6 });
});
afterAll(() => t?.close());

async function serviceWorkerInControl(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // The first load is not controlled yet; the worker claims it once it has kept the shell.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

describeWithBrowser('the warden app with no network', ({ newPage }) => {
  it('installs: a manifest with icons a phone can put on its home screen', async () => {
    const page = await newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${t.url}/app/#/login`);
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    const manifest = await (await page.request.get(`${t.url}${href}`)).json();
    expect(manifest).toMatchObject({
      name: '胡同停车自治',
      start_url: '/app/#/home',
      scope: '/app/',
      display: 'standalone',
      lang: 'zh-CN',
    });
    const sizes = (manifest.icons as { sizes: string; src: string }[]).map((icon) => icon.sizes);
    expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
    for (const icon of manifest.icons as { src: string; type: string }[]) {
      const reply = await page.request.get(`${t.url}${icon.src}`);
      expect(reply.status()).toBe(200);
      expect(reply.headers()['content-type']).toBe(icon.type);
    }
  });

  it('after one visit online, opens offline, verifies a permit, shows the lane, and syncs the scan later', async () => {
    const page = await newPage({ viewport: { width: 360, height: 740 } });
    await loginInBrowser(page, t.url, DEMO.wardens[0], DEMO.password);
    await serviceWorkerInControl(page);
    // The online visit: the scan screen keeps the keys and revocations, the map the lane.
    await page.goto(`${t.url}/app/#/warden/scan`);
    await page.getByTestId('warden-scan').waitFor();
    await page.waitForFunction(() => {
      const cache = JSON.parse(localStorage.getItem('hutong.scan.cache') ?? '{}');
      return cache.keys?.length > 0;
    });
    await page.goto(`${t.url}/app/#/warden/map`);
    await page.getByTestId('space-XG-01').waitFor();
    const before = await t.sql<{ n: string }>(`SELECT count(*) AS n FROM permit_scan`);

    await page.context().setOffline(true);
    await page.reload();
    await page.getByTestId('warden-map').waitFor();
    // The last snapshot, while the socket cannot connect.
    await page.getByTestId('space-XG-01').waitFor();
    expect(await page.getByTestId('connection-state').getAttribute('data-state')).not.toBe('live');

    await page.goto(`${t.url}/app/#/warden/scan`);
    await page.reload();
    await page.getByTestId('warden-scan').waitFor();
    await page
      .getByTestId('scan-upload')
      .setInputFiles({ name: 'dashboard.png', mimeType: 'image/png', buffer: validQr });
    const verdict = page.getByTestId('scan-verdict');
    await verdict.waitFor();
    expect(await verdict.getAttribute('data-verdict')).toBe('valid');
    await page.getByTestId('scan-offline').waitFor();
    expect(await page.getByTestId('scan-queue').getAttribute('data-count')).toBe('1');
    await page.screenshot({ path: screenshotPath('phone-warden-scan-offline.png') });

    await page.context().setOffline(false);
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="scan-queue"]')?.getAttribute('data-count') === '0',
    );
    const after = await t.sql<{ n: string; offline: boolean; verdict: string }>(
      `SELECT offline, verdict FROM permit_scan ORDER BY recorded_at DESC LIMIT 1`,
    );
    expect(after[0]).toMatchObject({ offline: true, verdict: 'valid' });
    const count = await t.sql<{ n: string }>(`SELECT count(*) AS n FROM permit_scan`);
    expect(Number(count[0]!.n)).toBe(Number(before[0]!.n) + 1);
  });

  it('logging out forgets the member data kept for offline use', async () => {
    const page = await newPage({ viewport: { width: 360, height: 740 } });
    await loginInBrowser(page, t.url, DEMO.wardens[1], DEMO.password);
    await serviceWorkerInControl(page);
    await page.goto(`${t.url}/app/#/warden/map`);
    await page.getByTestId('space-XG-01').waitFor();
    await page.goto(`${t.url}/app/#/home`);
    await page.waitForFunction(
      async () => (await caches.open('hutong-data').then((c) => c.keys())).length > 0,
    );
    await page.getByTestId('logout').click();
    await page.getByTestId('login-phone').waitFor();
    await page.waitForFunction(async () => !(await caches.has('hutong-data')));
    expect(
      await page.evaluate(() =>
        Object.keys(localStorage).filter((k) => k.startsWith('hutong.lane.')),
      ),
    ).toEqual([]);
  });
});
