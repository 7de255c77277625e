import { readFileSync } from 'node:fs';
import { Workbook } from 'exceljs';
import { expectAccessible, expectTouchTargets, NARROW_PHONE } from './support/axe';
import { describeWithBrowser, loginInBrowser } from './support/browser';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

process.env.SHARING_REMINDER_INTERVAL_SECONDS = '0';
process.env.SHARING_ROTATION_INTERVAL_SECONDS = '0';

let app: TestApp;
let plate: string;

beforeAll(async () => {
  app = await startTestApp();
  const unit = await app.login(DEMO.unit);
  const resident = await app.login(DEMO.resident);
  const as = (token: string) => ({
    post: (path: string, body: object) =>
      app.http().post(path).set('authorization', `Bearer ${token}`).send(body),
  });
  const park = await as(unit).post('/api/car-parks', {
    name: '长租车场',
    address: '金融街中心南侧',
    totalSpaces: 10,
  });
  const offer = await as(unit).post('/api/offers', {
    carParkId: park.body.id,
    title: '夜间长租',
    places: 2,
    standingPlaces: 1,
    validFrom: '2026-01-01',
    rules: [{ days: 'daily', from: '19:00', to: '07:30' }],
  });
  expect(offer.status).toBe(201);
  const [car] = await app.sql<{ id: string; plate: string }>(
    `SELECT v.id, v.plate FROM vehicle v JOIN member m ON m.household_id = v.household_id
      WHERE m.phone = $1 AND v.archived_at IS NULL ORDER BY v.plate LIMIT 1`,
    [DEMO.resident],
  );
  plate = car!.plate;
  const registered = await as(resident).post(`/api/offers/${offer.body.id}/allocations`, {
    vehicleId: car!.id,
    acceptTerms: true,
  });
  expect(registered.status).toBe(201);
});

afterAll(() => app?.close());

describeWithBrowser("a unit's office worker keeps the standing places", ({ newPage }) => {
  it('on a phone, in Chinese: who waits and in what order, and the ledger to keep', async () => {
    const page = await newPage({ viewport: NARROW_PHONE });
    await loginInBrowser(page, app.url, DEMO.unit, DEMO.password);
    await page.goto(`${app.url}/app/#/unit/offers`);
    const offer = page.getByTestId('unit-offer').filter({ hasText: '夜间长租' });
    const toggle = offer.getByTestId('standing-register-toggle');
    await toggle.waitFor();
    await expect(toggle.innerText()).resolves.toBe('长期车位登记（1个车位，排队1人）');
    await toggle.click();
    const row = offer.getByTestId('standing-allocation');
    await row.first().waitFor();
    await expect(row.count()).resolves.toBe(1);
    await expect(row.getAttribute('data-status')).resolves.toBe('waiting');
    const text = await row.innerText();
    expect(text.replace(/\s+/g, '')).toContain('排第1位');
    expect(text).toMatch(/登记于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
    await expectAccessible(page, 'standing places of an offer');
    await expectTouchTargets(page, 'standing places of an offer');

    // The register as the unit keeps it: the same registration, in Chinese.
    const download = page.waitForEvent('download');
    await offer.getByTestId('standing-register-xlsx').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = new Workbook();
    await workbook.xlsx.load(readFileSync(await file.path()));
    const cells: string[] = [];
    workbook.worksheets[0]!.eachRow((r) => r.eachCell((cell) => cells.push(cell.text)));
    expect(cells.join('|').replace(/·/g, '')).toContain(plate.replace(/·/g, ''));
    expect(cells.join('|')).toContain('排队中');
  });
});
