import type { Page } from 'playwright-core';
import { expectAccessible, expectTouchTargets, NARROW_PHONE } from './support/axe';
import { describeWithBrowser, loginInBrowser } from './support/browser';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

/**
 * The council keeps its register of households in the client (issue 12): it finds a household
 * by its door, registers a new one, adds and changes its members and vehicles, and confirms
 * before anything that cannot be taken back, on a 360-px phone in Chinese.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
}, 120_000);
afterAll(() => t?.close());

async function checkScreen(page: Page, screen: string) {
  await expectAccessible(page, screen);
  await expectTouchTargets(page, screen);
}

/** Waits for the "done" line to say `text` (it replaces the last one). */
async function doneSays(page: Page, text: string | RegExp) {
  await page.getByTestId('done-message').filter({ hasText: text }).waitFor();
}

async function memberRow(phone: string) {
  const [row] = await t.sql<{ name: string; role: string; active: boolean; volunteer: boolean }>(
    `SELECT name, role, active, volunteer FROM member WHERE phone = $1`,
    [phone],
  );
  return row;
}

describeWithBrowser('the council’s client on a 360-px phone', ({ newPage }) => {
  it('finds a household, registers one, and keeps its members and vehicles', async () => {
    const page = await newPage({ viewport: NARROW_PHONE });
    expect(await loginInBrowser(page, t.url, DEMO.admin, DEMO.password)).toBe('admin');
    await page.getByTestId('tile-households').click();
    await page.getByTestId('council-households').waitFor();
    expect(page.url()).toContain('#/council/households');
    await page.getByTestId('household-row').first().waitFor();
    await checkScreen(page, 'households');

    // Found by the door, as the council says it.
    const [{ address: known }] = (await t.sql<{ address: string }>(
      `SELECT h.address FROM household h JOIN association a ON a.id = h.association_id
        WHERE a.name = '4143车友会' AND h.archived_at IS NULL ORDER BY h.address LIMIT 1`,
    )) as [{ address: string }];
    await page.getByTestId('households-search').fill(known);
    await page.getByTestId('households-find').click();
    // The count answers once the search has; until then it still shows the whole register.
    await page.getByTestId('households-count').filter({ hasText: '共1户' }).waitFor();
    await page.getByTestId('household-row').filter({ hasText: known }).waitFor();

    // A door already registered is refused in words, and nothing is added.
    await page.getByTestId('household-add-address').fill(known);
    await page.getByTestId('household-add-submit').click();
    await expect(page.getByTestId('household-add-error').innerText()).resolves.toBe(
      '这个门牌已登记',
    );

    // A new household opens at once, to add its people.
    await page.getByTestId('household-add-address').fill('下岗胡同99号');
    await page.getByTestId('household-add-submit').click();
    await page.getByTestId('household-detail').waitFor();
    await page.getByText('这一户还没有成员').waitFor();
    await checkScreen(page, 'new household');

    await page.getByTestId('member-add').locator('summary').click();
    await page.getByTestId('member-add-name').fill('李桂芳');
    await page.getByTestId('member-add-phone').fill('1390000009');
    await page.getByTestId('member-add-save').click();
    await expect(page.getByTestId('member-add-error').innerText()).resolves.toBe(
      '手机号应为1开头的11位数字',
    );
    expect(await memberRow('13900000099')).toBeUndefined();
    await page.getByTestId('member-add-phone').fill('13900000099');
    await page.getByTestId('member-add-volunteer').check();
    await page.getByTestId('member-add-save').click();
    await doneSays(page, '已添加成员李桂芳');
    const member = page.getByTestId('household-member').filter({ hasText: '李桂芳' });
    await expect(member.innerText()).resolves.toContain('13900000099 · 志愿者');
    expect(await memberRow('13900000099')).toEqual({
      name: '李桂芳',
      role: 'resident',
      active: true,
      volunteer: true,
    });
    await checkScreen(page, 'household with a member');

    // She becomes a warden; making someone council is asked once more.
    await member.getByTestId('member-edit').click();
    await page.getByTestId('member-edit-role').selectOption('warden');
    await page.getByTestId('member-edit-save').click();
    await doneSays(page, '已保存李桂芳的资料');
    expect((await memberRow('13900000099'))?.role).toBe('warden');
    await member.getByTestId('member-edit').click();
    await page.getByTestId('member-edit-role').selectOption('admin');
    await page.getByTestId('member-edit-save').click();
    await page.getByTestId('confirm-dialog').getByText('让李桂芳成为理事？').waitFor();
    await checkScreen(page, 'grant council confirmation');
    await page.getByTestId('confirm-no').click();
    expect((await memberRow('13900000099'))?.role).toBe('warden');
    await page.getByRole('button', { name: '取消' }).click();

    // Deactivating logs her out: nothing happens until confirmed.
    await member.getByTestId('member-deactivate').click();
    await page.getByTestId('confirm-dialog').waitFor();
    await page.getByTestId('confirm-no').click();
    expect((await memberRow('13900000099'))?.active).toBe(true);
    await member.getByTestId('member-deactivate').click();
    await page.getByTestId('confirm-yes').click();
    await doneSays(page, '已停用李桂芳的账号');
    await member.getByTestId('member-reactivate').waitFor();
    await expect(member.innerText()).resolves.toContain('已停用');
    expect((await memberRow('13900000099'))?.active).toBe(false);
    await member.getByTestId('member-reactivate').click();
    await doneSays(page, '已重新启用李桂芳的账号');
    expect((await memberRow('13900000099'))?.active).toBe(true);

    // A vehicle registered by the council, then archived after confirming.
    await page.getByTestId('vehicle-add-plate').fill('京B·99k99');
    await page.getByTestId('vehicle-add-submit').click();
    await doneSays(page, /已登记车辆京B/);
    const vehicle = page.getByTestId('household-vehicle');
    await expect(vehicle.innerText()).resolves.toContain('蓝牌');
    await vehicle.getByTestId('vehicle-remove').click();
    await page
      .getByTestId('confirm-dialog')
      .getByText(/注销车辆京B.*？/)
      .waitFor();
    await page.getByTestId('confirm-yes').click();
    await vehicle.waitFor({ state: 'detached' });
    const plates = await t.sql<{ archived: boolean }>(
      `SELECT archived_at IS NOT NULL AS archived FROM vehicle WHERE plate LIKE '京B%99K99'`,
    );
    expect(plates).toEqual([{ archived: true }]);

    // The door is corrected; then the household is archived, after confirming.
    await page.getByTestId('household-address-input').fill('下岗胡同98号');
    await page.getByTestId('household-address-save').click();
    await doneSays(page, '门牌已改为“下岗胡同98号”');
    await page.getByTestId('household-archive').click();
    await page.getByText('注销住户“下岗胡同98号”？').waitFor();
    await checkScreen(page, 'archive confirmation');
    await page.getByTestId('confirm-yes').click();
    await page.getByTestId('council-households').waitFor();
    const [archived] = await t.sql<{ archived: boolean }>(
      `SELECT archived_at IS NOT NULL AS archived FROM household WHERE address = '下岗胡同98号'`,
    );
    expect(archived?.archived).toBe(true);
    // Li Guifang stays a member, no longer of the household.
    const [left] = await t.sql<{ household_id: string | null }>(
      `SELECT household_id FROM member WHERE phone = '13900000099'`,
    );
    expect(left?.household_id).toBeNull();
  }, 240_000);

  it('sees the applications waiting on the home screen, and the count follows an approval live', async () => {
    const page = await newPage({ viewport: NARROW_PHONE });
    await loginInBrowser(page, t.url, DEMO.admin, DEMO.password);
    const pending = async () => {
      const [row] = await t.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM permit p JOIN association a ON a.id = p.association_id
          WHERE a.name = '4143车友会' AND p.status = 'pending'`,
      );
      return row!.n;
    };
    const waiting = await pending();
    expect(waiting).toBeGreaterThan(0);
    const tile = page.getByTestId('tile-permit-approval');
    await tile
      .getByTestId('tile-count')
      .filter({ hasText: `${waiting}份申请待审批` })
      .waitFor();
    await checkScreen(page, 'council home with counts');

    // Another council phone approves one: this home screen follows without a reload.
    const [application] = await t.sql<{ id: string }>(
      `SELECT p.id FROM permit p JOIN association a ON a.id = p.association_id
        WHERE a.name = '4143车友会' AND p.status = 'pending' AND p.kind = 'resident'
        ORDER BY p.number LIMIT 1`,
    );
    const token = await t.login(DEMO.admin);
    await t
      .http()
      .post(`/api/permits/${application!.id}/approve`)
      .set('Authorization', `Bearer ${token}`)
      .send({})
      .expect((res) => expect(res.status).toBeLessThan(300));
    const left = await pending();
    expect(left).toBe(waiting - 1);
    const text = left === 0 ? '没有待审批的申请' : `${left}份申请待审批`;
    await tile.getByTestId('tile-count').filter({ hasText: text }).waitFor();
  }, 120_000);

  it('offers the council member no change of their own role or status, and refuses a phone already registered', async () => {
    const page = await newPage({ viewport: NARROW_PHONE });
    await loginInBrowser(page, t.url, DEMO.admin, DEMO.password);
    const [own] = await t.sql<{ id: string; address: string }>(
      `SELECT h.id, h.address FROM household h JOIN member m ON m.household_id = h.id
        WHERE m.phone = $1`,
      [DEMO.admin],
    );
    await page.goto(`${t.url}/app/#/council/households/${own!.id}`);
    const self = page.getByTestId('household-member').filter({ hasText: '赵淑芬' });
    await self.waitFor();
    expect(await self.getByTestId('member-deactivate').count()).toBe(0);
    await self.getByTestId('member-edit').click();
    await expect(page.getByTestId('member-edit-role').isDisabled()).resolves.toBe(true);
    await page.getByText('这是您本人：身份与账号状态须由其他理事修改。').waitFor();
    await checkScreen(page, 'own member form');
    await page.getByRole('button', { name: '取消' }).click();

    // Another member's phone, mistyped as a warden's: refused in words, nothing changed.
    const other = page.getByTestId('household-member').filter({ hasNotText: '赵淑芬' }).first();
    const [before] = await t.sql<{ phone: string }>(
      `SELECT m.phone FROM member m WHERE m.household_id = $1 AND m.phone <> $2 ORDER BY m.created_at LIMIT 1`,
      [own!.id, DEMO.admin],
    );
    await other.getByTestId('member-edit').click();
    await page.getByTestId('member-edit-phone').fill(DEMO.wardens[0]);
    await page.getByTestId('member-edit-save').click();
    await expect(page.getByTestId('member-edit-error').innerText()).resolves.toBe('该手机号已注册');
    const [after] = await t.sql<{ phone: string }>(
      `SELECT phone FROM member WHERE household_id = $1 AND phone = $2`,
      [own!.id, before!.phone],
    );
    expect(after?.phone).toBe(before!.phone);
  }, 120_000);
});
