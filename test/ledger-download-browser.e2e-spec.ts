import { readFileSync } from 'node:fs';
import { Workbook } from 'exceljs';
import { describeWithBrowser, loginInBrowser } from './support/browser';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

/**
 * The council's secretary, on a phone, filters the violation ledger to one kind and downloads
 * it as Excel: the button says it is working while the workbook arrives, and the file holds the
 * rows of the filter in Chinese.
 */
describeWithBrowser('downloading a ledger in the browser', ({ newPage }) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    const warden = await t.login(DEMO.wardens[0]);
    const [car] = await t.sql<{ plate: string }>(
      `SELECT v.plate FROM vehicle v JOIN household h ON h.id = v.household_id
        WHERE h.address = '下岗胡同10号'`,
    );
    for (const kind of ['no_permit', 'wrong_space']) {
      await t
        .http()
        .post('/api/violations')
        .set('authorization', `Bearer ${warden}`)
        .send({ kind, plate: car!.plate, place: '下岗胡同东口' });
    }
  }, 120_000);
  afterAll(() => t?.close());

  it('filters, downloads with progress and gets the filtered workbook', async () => {
    const page = await newPage({ viewport: { width: 360, height: 740 } });
    await loginInBrowser(page, t.url, DEMO.admin, DEMO.password);
    // Hold the workbook back a moment, as a long ledger would be, to see the progress shown.
    await page.route('**/api/violations/export.xlsx*', async (route) => {
      const response = await route.fetch();
      await new Promise((r) => setTimeout(r, 800));
      await route.fulfill({ response });
    });
    await page.goto(`${t.url}/app/#/council/violations`);
    await page.getByTestId('filter-kind').selectOption('no_permit');

    const button = page.getByTestId('export-xlsx');
    expect(await button.innerText()).toContain('下载台账（Excel）');
    const box = await button.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
    const download = page.waitForEvent('download');
    await button.click();
    await page.getByText('正在生成台账…').first().waitFor();
    const file = await download;
    expect(file.suggestedFilename()).toBe('violations-ledger.xlsx');
    expect(file.url()).toBeTruthy();

    const workbook = new Workbook();
    await workbook.xlsx.load(readFileSync(await file.path()));
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(2).getCell(1).text).toBe('发生时间');
    const kinds = new Set<string>();
    sheet.eachRow((row, n) => {
      if (n > 2) kinds.add(row.getCell(2).text);
    });
    expect([...kinds]).toEqual(['无证停车']);
    await expect(button.innerText()).resolves.toContain('下载台账（Excel）');

    // The app's CSP forbids inline scripts; evaluate runs axe through the debugging protocol.
    await page.evaluate(readFileSync(require.resolve('axe-core'), 'utf8'));
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as { axe: { run: (on: Element) => Promise<{ violations: unknown[] }> } }
      ).axe;
      // The ledger's section; the top bar's language switch is another screen's concern.
      const result = await axe.run(document.querySelector('.ledger-filters')!);
      return (result.violations as { impact: string; id: string }[])
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => v.id);
    });
    expect(violations).toEqual([]);
  });

  it('a warden who reads the list downloads it too: the same rows, without the council-only columns', async () => {
    const page = await newPage({ viewport: { width: 360, height: 740 } });
    await loginInBrowser(page, t.url, DEMO.wardens[0], DEMO.password);
    await page.goto(`${t.url}/app/#/council/violations`);
    await page.getByTestId('filter-kind').selectOption('wrong_space');
    const download = page.waitForEvent('download');
    await page.getByTestId('export-xlsx').click();
    const workbook = new Workbook();
    await workbook.xlsx.load(readFileSync(await (await download).path()));
    const sheet = workbook.worksheets[0]!;
    const headers = (sheet.getRow(2).values as unknown[]).filter(Boolean).map(String);
    expect(headers[0]).toBe('发生时间');
    expect(headers).not.toContain('门牌');
    const kinds = new Set<string>();
    sheet.eachRow((row, n) => {
      if (n > 2) kinds.add(row.getCell(2).text);
    });
    expect([...kinds]).toEqual(['占用他人车位']);
  });
});
