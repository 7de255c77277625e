import { readFileSync } from 'node:fs';
import { NARROW_PHONE, expectAccessible, expectTouchTargets } from './support/axe';
import { describeWithBrowser, loginInBrowser } from './support/browser';
import { pdfText } from './support/pdf-text';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

jest.setTimeout(240_000);

/**
 * Issue 12 (Council: "print stickers and permits in bulk") and issue 14: the council's secretary,
 * on a phone in Chinese, opens 打印 from the home screen and downloads the lane's stickers, the
 * permit cards she ticks and the month's roster. Each button says it is making the PDF while the
 * server works, and each file is the PDF she asked for.
 */
describeWithBrowser('printing from the council screen', ({ newPage }) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  }, 120_000);
  afterAll(() => t?.close());

  const textOf = async (download: { path(): Promise<string | null> }) =>
    (await pdfText(readFileSync((await download.path())!))).text.replace(/\s+/g, '');

  it('downloads stickers, chosen permit cards and the roster, with progress', async () => {
    const page = await newPage({ viewport: NARROW_PHONE });
    await loginInBrowser(page, t.url, DEMO.admin, DEMO.password);
    // Hold each PDF back a moment, as a long sheet would be, to see the progress shown.
    await page.route('**/*.pdf*', async (route) => {
      const response = await route.fetch();
      await new Promise((r) => setTimeout(r, 800));
      await route.fulfill({ response });
    });
    await page.goto(`${t.url}/app/#/home`);
    await page.getByText('车位码、停车证、值班表（PDF）').click();
    await page.getByTestId('print-screen').waitFor();
    await page.getByTestId('choose-permit').first().waitFor();
    await page.getByTestId('sticker-lane').waitFor();

    await expectAccessible(page, 'council print');
    await expectTouchTargets(page, 'council print');

    // Stickers, four to a page, of the lane chosen.
    const lane = await page.getByTestId('sticker-lane').locator('option:checked').innerText();
    const stickersButton = page.getByTestId('download-stickers');
    expect(await stickersButton.innerText()).toContain('下载车位码PDF');
    let download = page.waitForEvent('download');
    await stickersButton.click();
    await page.getByText('正在生成PDF…').first().waitFor();
    let file = await download;
    expect(file.suggestedFilename()).toBe('space-stickers.pdf');
    let text = await textOf(file);
    expect(text).toContain(lane.replace(/\s+/g, ''));
    expect(text).toContain('扫码停车登记');

    // Two permits ticked: two cards.
    const boxes = page.getByTestId('choose-permit');
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    const plate = await page.locator('.print-plate').first().innerText();
    const chosen = page.getByTestId('download-chosen-cards');
    expect(await chosen.innerText()).toContain('打印所选（2张）');
    download = page.waitForEvent('download');
    await chosen.click();
    await page.getByText('正在生成PDF…').first().waitFor();
    file = await download;
    expect(file.suggestedFilename()).toBe('permit-cards.pdf');
    text = await textOf(file);
    expect(text).toContain('居民停车证');
    expect(text).toContain(plate.replace(/\s+/g, ''));
    expect(text.match(/No\.\d+/g)).toHaveLength(2);

    // The roster of this Beijing month.
    const month = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 7);
    const roster = page.getByTestId('download-roster');
    expect(await roster.innerText()).toContain(
      `下载${month.slice(0, 4)}年${Number(month.slice(5))}月值班表`,
    );
    download = page.waitForEvent('download');
    await roster.click();
    file = await download;
    expect(file.suggestedFilename()).toBe(`duty-roster-${month}.pdf`);
    text = await textOf(file);
    expect(text).toContain('4143车友会值班表');
    expect(text).toContain('北京时间');

    await expectAccessible(page, 'council print, after the downloads');
  });
});
