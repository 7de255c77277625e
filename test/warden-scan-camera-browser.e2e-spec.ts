import type { Page } from 'playwright-core';
import { expectAccessible, expectTouchTargets, NARROW_PHONE } from './support/axe';
import { describeWithBrowser, loginInBrowser, screenshotPath } from './support/browser';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

/** The phone refuses the camera the way a browser does: permission denied, or no camera. */
async function refuseCamera(page: Page, name: 'NotAllowedError' | 'NotFoundError') {
  await page.addInitScript((errorName) => {
    Object.defineProperty(navigator, 'mediaDevices', {
      configurable: true,
      value: {
        getUserMedia: () => Promise.reject(new DOMException('camera refused', errorName)),
      },
    });
  }, name);
}

describeWithBrowser('a warden whose camera will not open', ({ newPage }) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('is told it is the camera, not the car, and checks the plate by typing it', async () => {
    const page = await newPage({ viewport: NARROW_PHONE });
    await refuseCamera(page, 'NotAllowedError');
    await loginInBrowser(page, t.url, DEMO.wardens[0], DEMO.password);
    await page.goto(`${t.url}/app/#/warden/scan`);
    await page.getByTestId('warden-scan').waitFor();
    await expectAccessible(page, 'warden scan');

    await page.getByRole('button', { name: '打开相机扫码' }).click();
    const notice = page.getByTestId('scan-notice');
    await notice.waitFor();
    expect(await notice.getAttribute('data-kind')).toBe('cameraDenied');
    const text = await notice.innerText();
    expect(text).toContain('相机');
    expect(text).toContain('这不是查验结果');
    expect(text).toContain('输入停车证号或车牌');
    expect(text).not.toContain('查无此证');
    expect(await page.getByTestId('scan-verdict').count()).toBe(0);
    // The next step is where the cursor already is.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'scan-manual',
    );
    await page.screenshot({ path: screenshotPath('warden-scan-camera-refused.png') });
    await expectAccessible(page, 'warden scan, camera refused');
    await expectTouchTargets(page, 'warden scan, camera refused');

    await page.getByTestId('scan-manual').fill('京A12345');
    await page.getByTestId('scan-manual-submit').click();
    const verdict = page.getByTestId('scan-verdict');
    await verdict.waitFor();
    expect(await verdict.getAttribute('data-verdict')).toBe('valid');
    expect(await verdict.innerText()).not.toMatch(/[A-Za-z]{4,}/); // one language: Chinese
    expect(await page.getByTestId('scan-notice').count()).toBe(0);
    await expectAccessible(page, 'warden scan, verdict');
  });

  it('a phone with no camera and a photo with no QR code get the next step, not a verdict', async () => {
    const page = await newPage({ viewport: NARROW_PHONE });
    await refuseCamera(page, 'NotFoundError');
    await loginInBrowser(page, t.url, DEMO.wardens[0], DEMO.password);
    await page.goto(`${t.url}/app/#/warden/scan`);
    await page.getByRole('button', { name: '打开相机扫码' }).click();
    const notice = page.getByTestId('scan-notice');
    await notice.waitFor();
    expect(await notice.getAttribute('data-kind')).toBe('cameraUnavailable');
    expect(await notice.innerText()).toContain('拍照／选择图片');

    // A plain white picture: a photo of the wrong thing, not a forged permit.
    const blank = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==',
      'base64',
    );
    await page
      .getByTestId('scan-upload')
      .setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: blank });
    await page.locator('[data-testid="scan-notice"][data-kind="noQr"]').waitFor();
    expect(await page.getByTestId('scan-verdict').count()).toBe(0);
  });
});
