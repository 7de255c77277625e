import QRCode from 'qrcode';
import type { Page } from 'playwright-core';
import { describeWithBrowser, loginInBrowser } from './support/browser';
import { permitIdOfPlate, tokenOfPermit } from './support/permits';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

describeWithBrowser('the warden scan screen, online and with the network cut', ({ newPage }) => {
  let t: TestApp;
  let admin: string;
  let validQr: Buffer;
  let revokedQr: Buffer;
  let forgedQr: Buffer;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login(DEMO.admin);
    const valid = await tokenOfPermit(t, admin, await permitIdOfPlate(t, '京A12345'));
    const revokedId = await permitIdOfPlate(t, '京H2N646');
    const revoked = await tokenOfPermit(t, admin, revokedId);
    await t
      .http()
      .post(`/api/permits/${revokedId}/revoke`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ reason: '搬离胡同 / moved away' })
      .expect(200);
    const [header, payload, signature] = valid.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const altered = Buffer.from(JSON.stringify({ ...claims, n: '京A99999' })).toString('base64url');
    const png = (text: string) => QRCode.toBuffer(text, { errorCorrectionLevel: 'M', scale: 6 });
    [validQr, revokedQr, forgedQr] = await Promise.all([
      png(valid),
      png(revoked),
      png(`${header}.${altered}.${signature}`),
    ]);
  });
  afterAll(() => t.close());

  let seq = 0;
  async function upload(page: Page, qr: Buffer) {
    seq += 1;
    await page
      .getByTestId('scan-upload')
      .setInputFiles({ name: 'dashboard.png', mimeType: 'image/png', buffer: qr });
    const verdict = page.locator(`[data-testid="scan-verdict"][data-seq="${seq}"]`);
    await verdict.waitFor({ state: 'visible' });
    return verdict;
  }

  it('reads an uploaded QR photo, then verifies offline with the cached keys and syncs later', async () => {
    const page = await newPage();
    await loginInBrowser(page, t.url, DEMO.wardens[2], DEMO.password);
    await page.goto(`${t.url}/app/#/warden/scan`);
    await page.getByTestId('warden-scan').waitFor();
    await page.waitForFunction(() => {
      const cache = JSON.parse(localStorage.getItem('hutong.scan.cache') ?? '{}');
      return cache.keys?.length > 0 && Object.keys(cache.revocations ?? {}).length > 0;
    });

    const online = await upload(page, validQr);
    expect(await online.getAttribute('data-verdict')).toBe('valid');
    expect(await online.innerText()).toContain('有效');
    expect(await page.getByTestId('scan-offline').count()).toBe(0);

    await page.context().setOffline(true);
    const offlineValid = await upload(page, validQr);
    expect(await offlineValid.getAttribute('data-verdict')).toBe('valid');
    await page.getByTestId('scan-offline').waitFor();
    expect(await (await upload(page, revokedQr)).getAttribute('data-verdict')).toBe('revoked');
    expect(await (await upload(page, forgedQr)).getAttribute('data-verdict')).toBe('forged');
    expect(await page.getByTestId('scan-queue').getAttribute('data-count')).toBe('3');

    await page.context().setOffline(false);
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="scan-queue"]')?.getAttribute('data-count') === '0',
    );
    const synced = await t.sql<{ verdict: string }>(
      `SELECT verdict FROM permit_scan WHERE offline ORDER BY verdict`,
    );
    expect(synced.map((s) => s.verdict)).toEqual(['forged', 'revoked', 'valid']);
  });

  it('a resident opens their permit QR full-screen', async () => {
    const page = await newPage();
    await loginInBrowser(page, t.url, DEMO.resident, DEMO.password);
    await page.goto(`${t.url}/app/#/permits`);
    await page.getByTestId('permit').first().waitFor();
    await page.getByTestId('permit-show-qr').first().click();
    await page.getByTestId('permit-qr-full').locator('svg').waitFor();
  });
});
