import { readFileSync } from 'node:fs';
import { Workbook } from 'exceljs';
import { expectAccessible, expectTouchTargets, NARROW_PHONE } from './support/axe';
import { describeWithBrowser, loginInBrowser } from './support/browser';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

/**
 * The council's secretary, on a phone, downloads the permit ledger (停车证台账) as Excel from the
 * permit screen: the button shows progress while the workbook arrives, and the file opens with
 * Chinese headers, the association on the title row and Beijing times.
 */
describeWithBrowser('downloading the permit ledger in the browser', ({ newPage }) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  }, 120_000);
  afterAll(() => t?.close());

  it('downloads with progress and gets the workbook in Chinese', async () => {
    const page = await newPage({ viewport: NARROW_PHONE });
    await loginInBrowser(page, t.url, DEMO.admin, DEMO.password);
    // Hold the workbook back a moment, as a long ledger would be, to see the progress shown.
    await page.route('**/api/permits/export.xlsx*', async (route) => {
      const response = await route.fetch();
      await new Promise((r) => setTimeout(r, 800));
      await route.fulfill({ response });
    });
    await page.goto(`${t.url}/app/#/council/permits`);
    const button = page.getByTestId('council-export-xlsx');
    await button.waitFor();
    expect(await button.innerText()).toContain('下载停车证台账（Excel）');
    await expectAccessible(page, 'council permits');
    await expectTouchTargets(page, 'council permits');

    const download = page.waitForEvent('download');
    await button.click();
    await page.getByText('正在生成台账…').first().waitFor();
    const file = await download;
    expect(file.suggestedFilename()).toBe('permit-ledger.xlsx');

    const workbook = new Workbook();
    await workbook.xlsx.load(readFileSync(await file.path()));
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).text).toContain('4143车友会');
    expect(sheet.getRow(1).getCell(1).text).toContain('停车证台账');
    expect(sheet.getRow(2).getCell(1).text).toBe('时间');
    expect(sheet.getRow(3).getCell(1).value).toBeInstanceOf(Date);
    await expect(button.innerText()).resolves.toContain('下载停车证台账（Excel）');
  });
});
