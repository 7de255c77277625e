import { describeWithBrowser, loginInBrowser } from './support/browser';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});

afterAll(() => app?.close());

describeWithBrowser('off-peak sharing in the browser', ({ newPage }) => {
  it('a unit publishes an offer, a resident books it, the unit sees it appear without reloading', async () => {
    const unit = await newPage();
    await loginInBrowser(unit, app.url, DEMO.unit, DEMO.password);
    await unit.goto(`${app.url}/app/#/unit/offers`);
    await unit.getByTestId('offer-title').fill('浏览器测试共享');
    await unit.getByTestId('offer-places').fill('3');
    await unit.getByTestId('offer-preset').selectOption('allDay');
    await unit.getByTestId('publish-submit').click();
    await unit.getByTestId('confirm-yes').click();
    await unit.getByTestId('unit-offer').filter({ hasText: '浏览器测试共享' }).waitFor();
    await expect(unit.getByTestId('tonight-booking').count()).resolves.toBe(0);

    const resident = await newPage();
    await loginInBrowser(resident, app.url, DEMO.resident, DEMO.password);
    await resident.goto(`${app.url}/app/#/offers`);
    const offer = resident.getByTestId('offer').filter({ hasText: '浏览器测试共享' });
    await offer.getByTestId('night').first().waitFor();
    await offer.getByTestId('book-night').first().click();
    await resident.getByTestId('sharing-notice').filter({ hasText: '预约成功' }).waitFor();
    await resident.getByTestId('my-booking').filter({ hasText: '浏览器测试共享' }).waitFor();

    // The unit's page was never reloaded: the booking arrives over the live feed (or the poll).
    const booking = unit.getByTestId('tonight-booking').filter({ hasText: '浏览器测试共享' });
    await booking.waitFor({ timeout: 15_000 });
    await expect(booking.innerText()).resolves.toContain('12345');
  });

  it('a car-free resident is told why they cannot book', async () => {
    const page = await newPage();
    await loginInBrowser(page, app.url, '13800000015', DEMO.password);
    await page.goto(`${app.url}/app/#/offers`);
    await expect(page.getByTestId('not-eligible').first().innerText()).resolves.toContain(
      '尚未登记车辆',
    );
  });
});
