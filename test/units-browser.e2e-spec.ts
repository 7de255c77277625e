import { STREET_DEMO_PHONE } from '../src/street/demo-street';
import { expectAccessible, expectTouchTargets, NARROW_PHONE } from './support/axe';
import { describeWithBrowser, loginInBrowser, screenshotPath } from './support/browser';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

describeWithBrowser('resident units and passwords on a 360-px phone, in Chinese', ({ newPage }) => {
  it('the street registers a unit with its agreement and opens its gatekeeper an account', async () => {
    const page = await newPage({ viewport: NARROW_PHONE });
    expect(await loginInBrowser(page, t.url, STREET_DEMO_PHONE, DEMO.password)).toBe('street');
    await page.getByTestId('tile-units').click();
    await page.getByTestId('units').waitFor();
    await page.getByTestId('unit-card').first().waitFor();
    await expectAccessible(page, 'units');
    await expectTouchTargets(page, 'units');

    await page.getByTestId('units-register').click();
    await page.getByTestId('register-unit-form').waitFor();
    await page.getByTestId('unit-association').selectOption({ label: '4143车友会' });
    await page.getByTestId('unit-name').fill('西城区第二幼儿园');
    await page.getByTestId('unit-kind').selectOption('school');
    await page.getByTestId('unit-term-from').fill('2026-01-01');
    await page.getByTestId('unit-term-to').fill('2026-12-31');
    await page.getByTestId('unit-places').fill('25');
    await page.getByTestId('unit-days').selectOption('weekends');
    await page.getByTestId('unit-from').fill('08:00');
    await page.getByTestId('unit-to').fill('20:00');
    await page.getByTestId('unit-liability').fill('车辆停放期间的损失由车主自负。');
    await page.getByTestId('unit-contact-name').fill('孙老师');
    await page.getByTestId('unit-contact-phone').fill('010-66005678');
    await page.getByTestId('unit-signed-on').fill('2025-12-28');
    await expectAccessible(page, 'register unit');
    await expectTouchTargets(page, 'register unit');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
    await page.screenshot({ path: screenshotPath('register-unit.png'), fullPage: true });
    await page.getByTestId('register-unit-next').click();

    const confirm = page.getByTestId('register-unit-confirm');
    await confirm.waitFor();
    await expect(confirm.innerText()).resolves.toContain(
      '为“4143车友会”登记驻区单位“西城区第二幼儿园”：25个车位，2026-01-01至2026-12-31，2025-12-28签订。',
    );
    await page.getByTestId('register-unit-confirm-button').click();
    const done = page.getByTestId('register-unit-done');
    const refusal = page.getByTestId('register-unit-refusal');
    await done.or(refusal).first().waitFor();
    if (await refusal.count()) throw new Error(await refusal.innerText());
    await page.getByTestId('register-unit-done').getByRole('link').click();

    await page.getByTestId('unit-detail').waitFor();
    await expect(page.getByTestId('agreement-version').innerText()).resolves.toContain(
      '协议第1版 · 2026-01-01 至 2026-12-31 · 25个车位',
    );
    await expect(page.getByTestId('agreement-version').innerText()).resolves.toContain(
      '周末和节假日 08:00–20:00',
    );
    await expect(page.getByTestId('unit-staff').innerText()).resolves.toContain('还没有单位账号');

    // A phone already registered is refused, in Chinese, and nothing is opened.
    await page.getByTestId('staff-name').fill('周师傅');
    await page.getByTestId('staff-phone').fill(DEMO.resident);
    await page.getByTestId('staff-password').fill('school-gate-2030');
    await page.getByTestId('unit-staff-save').click();
    await expect(page.getByTestId('unit-staff-refusal').innerText()).resolves.toBe(
      '该手机号已注册',
    );
    await page.getByTestId('staff-phone').fill('13900000701');
    await page.getByTestId('unit-staff-save').click();
    await expect(page.getByTestId('unit-staff-done').innerText()).resolves.toBe(
      '已为周师傅开通账号，可用13900000701登录。',
    );
    await expect(page.getByTestId('unit-staff-list').innerText()).resolves.toContain(
      '周师傅 · 139****0701',
    );
    await expectAccessible(page, 'unit detail');
    await expectTouchTargets(page, 'unit detail');
    await page.screenshot({ path: screenshotPath('unit-detail.png'), fullPage: true });

    // The gatekeeper logs in at once, as a unit.
    const gate = await newPage({ viewport: NARROW_PHONE });
    expect(await loginInBrowser(gate, t.url, '13900000701', 'school-gate-2030')).toBe('unit');
  });

  it('street staff change their own password from the home screen', async () => {
    const page = await newPage({ viewport: NARROW_PHONE });
    expect(await loginInBrowser(page, t.url, STREET_DEMO_PHONE, DEMO.password)).toBe('street');
    await expectTouchTargets(page, 'home');
    await page.getByTestId('change-password-link').click();
    await page.getByTestId('password-form').waitFor();
    await expectAccessible(page, 'change password');
    await expectTouchTargets(page, 'change password');

    await page.getByTestId('password-current').fill(DEMO.password);
    await page.getByTestId('password-next').fill('lantern-street-2030');
    await page.getByTestId('password-repeat').fill('lantern-street-2031');
    await page.getByTestId('password-save').click();
    await expect(page.getByTestId('password-refusal').innerText()).resolves.toBe(
      '两次输入的新密码不一致',
    );
    await page.getByTestId('password-current').fill('not-the-password');
    await page.getByTestId('password-repeat').fill('lantern-street-2030');
    await page.getByTestId('password-save').click();
    await expect(page.getByTestId('password-refusal').innerText()).resolves.not.toBe(
      '两次输入的新密码不一致',
    );
    await page.getByTestId('password-current').fill(DEMO.password);
    await page.getByTestId('password-save').click();
    await expect(page.getByTestId('password-done').innerText()).resolves.toBe(
      '密码已修改，其他设备已退出登录。',
    );
    await expectAccessible(page, 'password changed');

    const again = await newPage({ viewport: NARROW_PHONE });
    expect(await loginInBrowser(again, t.url, STREET_DEMO_PHONE, 'lantern-street-2030')).toBe(
      'street',
    );
  });
});
