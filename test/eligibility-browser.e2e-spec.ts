import { expectAccessible, expectTouchTargets, NARROW_PHONE } from './support/axe';
import { describeWithBrowser, loginInBrowser } from './support/browser';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

process.env.SHARING_REMINDER_INTERVAL_SECONDS = '0';
process.env.SHARING_ROTATION_INTERVAL_SECONDS = '0';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
  const unit = await app.login(DEMO.unit);
  const http = () => app.http();
  const park = await http()
    .post('/api/car-parks')
    .set('authorization', `Bearer ${unit}`)
    .send({ name: '绿牌车场', address: '金融街中心北侧', totalSpaces: 10 });
  const offer = await http()
    .post('/api/offers')
    .set('authorization', `Bearer ${unit}`)
    .send({
      carParkId: park.body.id,
      title: '新能源绿牌专享',
      places: 3,
      standingPlaces: 1,
      validFrom: '2026-01-01',
      rules: [{ days: 'daily', from: '19:00', to: '07:30' }],
      eligiblePlateColors: ['green'],
    });
  expect(offer.status).toBe(201);
});

afterAll(() => app?.close());

describeWithBrowser('a resident sees the condition they miss', ({ newPage }) => {
  it('on a phone, in Chinese: the plate colour is missed, the rest met', async () => {
    const [car] = await app.sql<{ plate_color: string }>(
      `SELECT v.plate_color FROM vehicle v JOIN member m ON m.household_id = v.household_id
        WHERE m.phone = $1 AND v.archived_at IS NULL`,
      [DEMO.resident],
    );
    expect(car!.plate_color).toBe('blue');
    const page = await newPage({ viewport: NARROW_PHONE });
    await loginInBrowser(page, app.url, DEMO.resident, DEMO.password);
    await page.goto(`${app.url}/app/#/offers`);
    const offer = page.getByTestId('offer').filter({ hasText: '新能源绿牌专享' });
    const missed = offer.getByTestId('condition-missed');
    await missed.first().waitFor();
    await expect(missed.count()).resolves.toBe(1);
    await expect(missed.getAttribute('data-condition')).resolves.toBe('plate_color');
    await expect(missed.innerText()).resolves.toContain(
      '号牌颜色符合要求：此共享只对指定号牌颜色的车辆开放，这辆车的号牌颜色不在其列',
    );
    await expect(offer.getByTestId('condition-met').allInnerTexts()).resolves.toEqual([
      '✓ 本人为登记住户的居民（已满足）',
      '✓ 所在车友会在开放范围内（已满足）',
      '✓ 本户已登记车辆（已满足）',
    ]);
    // Nothing to press that the server would refuse.
    await expect(offer.getByTestId('register-standing').count()).resolves.toBe(0);
    await expect(offer.getByTestId('book-night').count()).resolves.toBe(0);
    await expectAccessible(page, 'offers with a missed condition');
    await expectTouchTargets(page, 'offers with a missed condition');
  });
});
