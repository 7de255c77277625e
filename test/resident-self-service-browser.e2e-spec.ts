import { readFileSync } from 'node:fs';
import { Workbook } from 'exceljs';
import type { Page } from 'playwright-core';
import { Clock } from '../src/common/clock';
import { expectAccessible, expectTouchTargets, NARROW_PHONE } from './support/axe';
import { describeWithBrowser, loginInBrowser } from './support/browser';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

/**
 * Issue 12, resident self-service, walked as 下岗胡同1号's car owner would on a 360-px phone in
 * Chinese: register a second car (and meet article 3 when asking it a permit), change a plate
 * when the council must approve, read a violation and appeal it, then see past bookings and the
 * scans of the household's permit.
 */
describeWithBrowser('a resident looks after their own cars and records', ({ newPage }) => {
  let t: TestApp;
  let association: string;
  let admin: string;
  let warden: string;

  const api = (token: string, method: 'get' | 'post', path: string, body?: object) => {
    const request = t.http()[method](path).set('authorization', `Bearer ${token}`);
    return body ? request.send(body) : request;
  };

  async function openTile(page: Page, tile: string, screen: string): Promise<void> {
    await page.goto(`${t.url}/app/#/home`);
    await page.getByTestId(`tile-${tile}`).click();
    await page.getByTestId(screen).waitFor();
  }

  beforeAll(async () => {
    t = await startTestApp();
    [{ id: association }] = (await t.sql<{ id: string }>(
      `SELECT id FROM association WHERE name = '4143车友会'`,
    )) as [{ id: string }];
    admin = await t.login(DEMO.admin);
    warden = await t.login(DEMO.wardens[0]);
  });
  afterAll(() => t?.close());

  it('registers a second car with its colour, and sees article 3 refuse it a permit', async () => {
    const page = await newPage({ viewport: NARROW_PHONE });
    await loginInBrowser(page, t.url, DEMO.resident, DEMO.password);
    await openTile(page, 'my-vehicles', 'my-vehicles');
    await page.getByTestId('vehicle-rule').waitFor();
    expect(await page.getByTestId('vehicle-rule').innerText()).toContain(
      '依照公约第三条，每户最多1辆车持有停车证',
    );
    await expectAccessible(page, 'my vehicles');
    await expectTouchTargets(page, 'my vehicles');

    await page.getByTestId('vehicle-add-plate').fill('京AF3333');
    await page.getByTestId('vehicle-add-color-yellow').check();
    await page.getByTestId('vehicle-add-submit').click();
    expect(await page.getByTestId('vehicle-done').innerText()).toContain('已登记京A·F3333');
    await page.locator('[data-testid="vehicle"][data-plate="京AF3333"]').waitFor();
    expect(
      await page.locator('[data-testid="vehicle"][data-plate="京AF3333"]').innerText(),
    ).toContain('黄牌');

    // A plate that is not one is refused in words, beside the form.
    await page.getByTestId('vehicle-add-plate').fill('京A1');
    await page.getByTestId('vehicle-add-submit').click();
    expect(await page.getByTestId('vehicle-add-refusal').innerText()).toContain('车牌格式不正确');

    await page.getByTestId('vehicle-apply').click();
    await page.getByTestId('apply-permit').waitFor();
    const second = page.locator('[data-testid="apply-vehicle"][data-plate="京AF3333"]');
    await second.getByTestId('apply-submit').click();
    const refusal = second.locator('[role="alert"]');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain(
      '依照公约第三条，每户最多1辆车持有停车证，本户已满',
    );
    await expectAccessible(page, 'permit refused by the quota');
  });

  it('asks the council to change a plate when the convention says so, and reads its answer', async () => {
    await t.sql(
      `UPDATE convention_version
          SET parameters = parameters || '{"vehicleChangesNeedApproval": true}'::jsonb
        WHERE association_id = $1 AND status = 'adopted'`,
      [association],
    );
    const page = await newPage({ viewport: NARROW_PHONE });
    await loginInBrowser(page, t.url, DEMO.resident, DEMO.password);
    await openTile(page, 'my-vehicles', 'my-vehicles');
    await page.getByTestId('vehicle-rule').waitFor();
    expect(await page.getByTestId('vehicle-rule').innerText()).toContain(
      '登记或修改车辆须经车友会理事会审核',
    );

    const car = page.locator('[data-testid="vehicle"][data-plate="京AF3333"]');
    await car.getByTestId('vehicle-edit').click();
    await car.getByTestId('vehicle-edit-form-plate').fill('京AF3334');
    await expectTouchTargets(page, 'editing a plate');
    await car.getByTestId('vehicle-edit-form-submit').click();
    // Asked first: permits keep the old plate.
    await page.getByTestId('confirm-dialog').waitFor();
    expect(await page.getByTestId('confirm-dialog').innerText()).toContain(
      '已有的停车证仍按原车牌签发',
    );
    await expectAccessible(page, 'confirm a plate change');
    await page.getByTestId('confirm-yes').click();
    expect(await page.getByTestId('vehicle-done').innerText()).toContain('请等待理事会审核');
    expect(await car.getByTestId('vehicle-pending').innerText()).toContain('京A·F3334');
    const pending = page.locator('[data-testid="vehicle-request"][data-status="pending"]');
    expect(await pending.innerText()).toContain('待理事会审核');

    const [request] = (await api(admin, 'get', '/api/vehicle-changes?status=pending')).body.items;
    await api(admin, 'post', `/api/vehicle-changes/${request.id}/refuse`, {
      note: '请带行驶证到车友会核对后再改。',
    }).expect(200);
    await page.reload();
    const refused = page.locator('[data-testid="vehicle-request"][data-status="refused"]');
    await refused.waitFor();
    expect(await refused.innerText()).toContain('未通过');
    expect(await refused.innerText()).toContain('理事会答复：请带行驶证到车友会核对后再改。');
    expect(await car.innerText()).toContain('京A·F3333');
    await expectAccessible(page, 'my vehicles with answers');
  });

  it('reads a violation with its rule, appeals it after a confirmation, and reads the answer', async () => {
    const recorded = await api(warden, 'post', '/api/violations', {
      kind: 'blocking_passage',
      plate: '京A12345',
      place: '下岗胡同东口消防通道',
    }).expect(201);

    const page = await newPage({ viewport: NARROW_PHONE });
    await loginInBrowser(page, t.url, DEMO.resident, DEMO.password);
    await openTile(page, 'my-violations', 'my-violations');
    const card = page.locator(`[data-testid="my-violation"][data-id="${recorded.body.id}"]`);
    await card.waitFor();
    const text = await card.innerText();
    expect(text).toContain('堵塞通道/消防通道');
    expect(text).toContain('地点：下岗胡同东口消防通道');
    // The fire lane is article 6's.
    expect(text).toContain('依据：第六条');
    expect(text).toMatch(/时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    await expectAccessible(page, 'my violations');
    await expectTouchTargets(page, 'my violations');

    await card.getByTestId('appeal-open').click();
    await card.getByTestId('appeal-reason').fill('当时是送老人去医院，临时停靠了五分钟。');
    await card.getByTestId('appeal-submit').click();
    await page.getByTestId('confirm-dialog').waitFor();
    expect(await page.getByTestId('confirm-dialog').innerText()).toContain('只能申诉一次');
    await page.getByTestId('confirm-yes').click();
    await page.getByTestId('appeal-done').waitFor();
    expect(await card.getByTestId('appeal-status').innerText()).toBe('申诉待处理');

    await api(admin, 'post', `/api/violations/${recorded.body.id}/decision`, {
      decision: 'overturned',
      note: '经核实情况属实，撤销记录。',
    }).expect(200);
    await page.reload();
    await card.waitFor();
    expect(await card.getByTestId('appeal-status').innerText()).toBe('申诉成立，已撤销');
    expect(await card.getByTestId('appeal-answer').innerText()).toBe(
      '理事会答复：经核实情况属实，撤销记录。',
    );
    await expectAccessible(page, 'my violations answered');

    // The household keeps its own copy: the list's rows, in Chinese, with the appeal's answer.
    const download = page.waitForEvent('download');
    await page.getByTestId('my-violations-xlsx').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('violations-ledger.xlsx');
    const workbook = new Workbook();
    await workbook.xlsx.load(readFileSync(await file.path()));
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(2).getCell(1).text).toBe('发生时间');
    const rows: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 2) rows.push((row.values as unknown[]).filter(Boolean).map(String).join('|'));
    });
    expect(rows.some((row) => row.includes('下岗胡同东口消防通道'))).toBe(true);
    expect(rows.length).toBe(await page.getByTestId('my-violation').count());
  });

  it('sees past bookings and when and where the permit was scanned, never by whom', async () => {
    const resident = await t.login(DEMO.resident);
    const [lane] = (await api(warden, 'get', '/api/lanes')).body as { id: string; name: string }[];
    await api(warden, 'post', '/api/scans', {
      plate: '京A12345',
      laneId: lane!.id,
      spaceLabel: 'XG-07',
      idempotencyKey: 'resident-browser-scan-1',
    }).expect(200);
    const offers = (await api(resident, 'get', '/api/offers')).body as {
      id: string;
      title: string;
      termsHash: string;
      nights: { night: string; free: number }[];
    }[];
    const school = offers.find((o) => o.title.startsWith('二龙路小学'))!;
    const night = school.nights.filter((n) => n.free > 0).at(-1)!.night;
    const [car] = (await api(resident, 'get', '/api/vehicles?plate=12345')).body.items;
    await api(resident, 'post', `/api/offers/${school.id}/bookings`, {
      date: night,
      vehicleId: car.id,
      acceptTerms: true,
      termsHash: school.termsHash,
    }).expect(201);
    // Ten days on, that night is history.
    const later = Date.now() + 10 * 24 * 3600_000;
    jest.spyOn(t.app.get(Clock), 'now').mockImplementation(() => new Date(later));

    const page = await newPage({ viewport: NARROW_PHONE });
    await loginInBrowser(page, t.url, DEMO.resident, DEMO.password);
    await openTile(page, 'my-history', 'my-history');
    const booking = page.getByTestId('past-bookings-item').first();
    await booking.waitFor();
    expect(await booking.innerText()).toContain(`${night} 夜`);
    expect(await booking.innerText()).toContain('二龙路小学');
    const scan = page.getByTestId('permit-scans-item').first();
    await scan.waitFor();
    const scanText = await scan.innerText();
    expect(scanText).toContain(`${lane!.name} · XG-07`);
    expect(scanText).toContain('京A·12345');
    expect(scanText).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(await scan.getByTestId('scan-verdict').innerText()).toMatch(/[\u4e00-\u9fff]/);
    // The warden stays unnamed.
    const [wardenName] = await t.sql<{ name: string }>(`SELECT name FROM member WHERE phone = $1`, [
      DEMO.wardens[0],
    ]);
    expect(await page.getByTestId('my-history').innerText()).not.toContain(wardenName!.name);
    await expectAccessible(page, 'my history');
    await expectTouchTargets(page, 'my history');
  });
});
