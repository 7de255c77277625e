import type { Page } from 'playwright-core';
import { expectAccessible, expectTouchTargets, NARROW_PHONE } from './support/axe';
import { describeWithBrowser, loginInBrowser } from './support/browser';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

/**
 * Issue 12, the council's half of resident self-service: when 4143车友会's convention makes
 * vehicle changes wait for approval, a resident registers a car on their phone, a council member
 * approves it on 车辆登记审核 and the car is in 我的车辆; a second one is refused with a reason,
 * after a confirmation, and the resident reads that reason.
 */
describeWithBrowser('the council decides residents’ vehicle changes', ({ newPage }) => {
  let t: TestApp;

  async function openTile(page: Page, tile: string, screen: string): Promise<void> {
    await page.goto(`${t.url}/app/#/home`);
    await page.getByTestId(`tile-${tile}`).click();
    await page.getByTestId(screen).waitFor();
  }

  async function residentAsks(page: Page, plate: string): Promise<void> {
    await openTile(page, 'my-vehicles', 'my-vehicles');
    await page.getByTestId('vehicle-add-plate').fill(plate);
    await page.getByTestId('vehicle-add-color-blue').check();
    await page.getByTestId('vehicle-add-submit').click();
    expect(await page.getByTestId('vehicle-done').innerText()).toContain('请等待理事会审核');
  }

  beforeAll(async () => {
    t = await startTestApp();
    const [{ id: association }] = (await t.sql<{ id: string }>(
      `SELECT id FROM association WHERE name = '4143车友会'`,
    )) as [{ id: string }];
    // The convention in force says residents' vehicle changes wait for the council.
    await t.sql(
      `UPDATE convention_version
          SET parameters = parameters || '{"vehicleChangesNeedApproval": true}'::jsonb
        WHERE association_id = $1 AND status = 'adopted'`,
      [association],
    );
  });
  afterAll(() => t?.close());

  it('approves a new car the resident then sees, and refuses another with a reason they read', async () => {
    const resident = await newPage({ viewport: NARROW_PHONE });
    await loginInBrowser(resident, t.url, DEMO.resident, DEMO.password);
    await residentAsks(resident, '京AK6601');

    const council = await newPage({ viewport: NARROW_PHONE });
    await loginInBrowser(council, t.url, DEMO.admin, DEMO.password);
    await council.goto(`${t.url}/app/#/home`);
    const tile = council.getByTestId('tile-vehicle-changes');
    expect(await tile.getByTestId('tile-count').innerText()).toBe('1份车辆登记待审核');
    await tile.click();
    await council.getByTestId('council-vehicle-changes').waitFor();
    const first = council.locator('[data-testid="vehicle-change-pending"][data-plate="京AK6601"]');
    await first.waitFor();
    const asked = await first.innerText();
    expect(asked).toContain('下岗胡同1号');
    expect(asked).toContain('京A·K6601');
    expect(asked).toContain('蓝牌');
    expect(asked).toContain('新登记车辆');
    expect(asked).toMatch(/提交于\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    await expectAccessible(council, 'vehicle changes waiting');
    await expectTouchTargets(council, 'vehicle changes waiting');

    await first.getByTestId('vehicle-change-note').fill('已核对行驶证。');
    await first.getByTestId('vehicle-change-approve').click();
    expect(await council.getByTestId('vehicle-change-done').innerText()).toContain(
      '已批准京A·K6601，车辆已登记。',
    );
    const approved = council.locator(
      '[data-testid="vehicle-change-decided"][data-plate="京AK6601"]',
    );
    await approved.waitFor();
    expect(await approved.innerText()).toContain('已批准');
    expect(await approved.innerText()).toContain('答复：已核对行驶证。');
    expect(await council.getByTestId('vehicle-change-pending').count()).toBe(0);

    await resident.reload();
    await resident.locator('[data-testid="vehicle"][data-plate="京AK6601"]').waitFor();

    // The second car: a refusal needs a reason, and is asked before it is sent.
    await residentAsks(resident, '京AK6602');
    await council.goto(`${t.url}/app/#/home`);
    expect(
      await council.getByTestId('tile-vehicle-changes').getByTestId('tile-count').innerText(),
    ).toBe('1份车辆登记待审核');
    await openTile(council, 'vehicle-changes', 'council-vehicle-changes');
    const second = council.locator('[data-testid="vehicle-change-pending"][data-plate="京AK6602"]');
    await second.getByTestId('vehicle-change-refuse').click();
    expect(await second.getByTestId('vehicle-change-error').innerText()).toContain(
      '请写明不予登记的理由',
    );
    await second.getByTestId('vehicle-change-note').fill('本户已有两辆车，请先注销一辆。');
    await second.getByTestId('vehicle-change-refuse').click();
    const dialog = council.getByTestId('confirm-dialog');
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('不予登记京A·K6602？');
    expect(await dialog.innerText()).toContain('本户已有两辆车，请先注销一辆。');
    await expectAccessible(council, 'confirm a refusal');
    await council.getByTestId('confirm-yes').click();
    expect(await council.getByTestId('vehicle-change-done').innerText()).toContain(
      '已不予登记京A·K6602',
    );
    const refused = council.locator(
      '[data-testid="vehicle-change-decided"][data-plate="京AK6602"]',
    );
    await refused.waitFor();
    expect(await refused.innerText()).toContain('不予登记');
    expect(await refused.innerText()).toContain('答复：本户已有两辆车，请先注销一辆。');
    await expectAccessible(council, 'vehicle changes decided');
    await council.goto(`${t.url}/app/#/home`);
    expect(
      await council.getByTestId('tile-vehicle-changes').getByTestId('tile-count').innerText(),
    ).toBe('没有待审核的车辆登记');

    await resident.reload();
    const answer = resident.locator('[data-testid="vehicle-request"][data-status="refused"]');
    await answer.waitFor();
    expect(await answer.innerText()).toContain('理事会答复：本户已有两辆车，请先注销一辆。');
    expect(await resident.locator('[data-testid="vehicle"][data-plate="京AK6602"]').count()).toBe(
      0,
    );
  });

  it('shows a plate change with the plate it replaces', async () => {
    const token = await t.login(DEMO.resident);
    const [car] = (
      await t.http().get('/api/vehicles?plate=K6601').set('authorization', `Bearer ${token}`)
    ).body.items as { id: string }[];
    await t
      .http()
      .post('/api/vehicle-changes')
      .set('authorization', `Bearer ${token}`)
      .send({ vehicleId: car!.id, plate: '京AK6603', plateColor: 'blue' })
      .expect(201);

    const council = await newPage({ viewport: NARROW_PHONE });
    await loginInBrowser(council, t.url, DEMO.admin, DEMO.password);
    await openTile(council, 'vehicle-changes', 'council-vehicle-changes');
    const change = council.locator('[data-testid="vehicle-change-pending"][data-plate="京AK6603"]');
    await change.waitFor();
    expect(await change.innerText()).toContain('更换车牌：原京A·K6601');
    await expectTouchTargets(council, 'a plate change waiting');
  });
});
