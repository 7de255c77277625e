import type { BrowserContext, Page } from 'playwright-core';
import { Clock } from '../src/common/clock';
import { RestrictionRemindersService } from '../src/spaces/restriction-reminders.service';
import { axeFindings, NARROW_PHONE } from './support/axe';
import { describeWithBrowser, loginInBrowser } from './support/browser';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

/**
 * Serious and critical axe findings. The language switch's name (label-content-name-mismatch)
 * is fixed on the client branch (ui.tsx), not here: it is left out until that merges.
 */
async function seriousAxeViolations(page: Page): Promise<string[]> {
  return (await axeFindings(page))
    .filter((f) => f.impact === 'serious' || f.impact === 'critical')
    .filter((f) => !(f.id === 'label-content-name-mismatch' && f.targets.join() === '.lang-switch'))
    .map((f) => `${f.id} (${f.impact}): ${f.targets.join(', ')}`);
}

/**
 * The wardens' daily work on a 360-px phone in Chinese: a visiting car nobody registered blocks
 * a gate, the warden leaves a windscreen notice, the driver answers it from the QR without
 * logging in, and the warden's screen shows the answer live. Then the warden records a guidance
 * in one tap and a persuasion with a photo.
 */
describeWithBrowser('daily work in the browser', ({ browser }) => {
  let t: TestApp;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    t = await startTestApp();
  }, 120_000);
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });
  afterAll(() => t?.close());

  /** A 360-px phone in Chinese, Beijing time. */
  async function phone(): Promise<Page> {
    const context = await browser().newContext({
      viewport: NARROW_PHONE,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    contexts.push(context);
    return context.newPage();
  }

  it('a windscreen notice: the warden prints it, the driver answers, the warden hears it', async () => {
    const warden = await phone();
    await loginInBrowser(warden, t.url, DEMO.wardens[0], DEMO.password);
    await warden.goto(`${t.url}/app/#/move`);
    await warden.getByTestId('move-plate').fill('京N7Q2X9');
    await warden.getByTestId('move-note').fill('挡住了19号院门口');
    await warden.getByTestId('move-ask').click();
    const card = warden.getByTestId('windscreen-notice');
    await card.waitFor();
    expect(await card.innerText()).toContain('挪车提示');
    expect(await warden.getByTestId('notice-qr').getAttribute('src')).toMatch(
      /^data:image\/svg\+xml;base64,/,
    );
    expect(await seriousAxeViolations(warden)).toEqual([]);
    const url = (await warden.getByTestId('notice-url').getAttribute('href'))!;
    expect(url).toMatch(/\/app\/#\/notice\/[\w-]{24}$/);

    const driver = await phone();
    await driver.goto(url);
    await driver.getByTestId('notice-note').waitFor();
    const page = await driver.getByTestId('move-notice').innerText();
    expect(page).toContain('请您挪车');
    expect(page).toContain('京N·***X9');
    expect(page).toContain('挡住了19号院门口');
    expect(page).not.toMatch(/138\d{8}/);
    expect(await seriousAxeViolations(driver)).toEqual([]);
    const answerBox = await driver.getByTestId('notice-answer-coming').boundingBox();
    expect(answerBox!.height).toBeGreaterThanOrEqual(44);
    expect(answerBox!.width).toBeLessThanOrEqual(360);

    await driver.getByTestId('notice-answer-coming').click();
    // Confirmed first: an answer cannot be taken back.
    await driver.getByTestId('notice-send').click();
    const sent = driver.getByTestId('notice-sent');
    await sent.waitFor();
    expect(await sent.innerText()).toContain('已回复：马上来');

    await warden.getByText('车主回复：马上来').waitFor();
  });

  it('the warden records a guidance in one tap and a persuasion with a photo', async () => {
    const warden = await phone();
    await loginInBrowser(warden, t.url, DEMO.wardens[0], DEMO.password);
    await warden.getByText('劝导记录').first().click();
    await warden.getByTestId('persuasion-screen').waitFor();
    expect(await seriousAxeViolations(warden)).toEqual([]);

    await warden.getByTestId('guide').click();
    const status = warden.getByTestId('daily-status');
    await status.waitFor();
    expect(await status.innerText()).toMatch(/已记录一次引导入位（今日第\d+次）/);

    await warden.getByTestId('persuasion-plate').fill('京A12345');
    await warden.getByTestId('persuasion-place').fill('下岗胡同东口');
    await warden.getByText('答应挪车').click();
    await warden.getByTestId('persuasion-note').fill('车主说五分钟内挪走。');
    const jpeg = await warden.evaluate(() => {
      const canvas = document.createElement('canvas');
      canvas.width = 640;
      canvas.height = 480;
      const g = canvas.getContext('2d')!;
      g.fillStyle = '#b71c1c';
      g.fillRect(0, 0, 640, 480);
      return canvas.toDataURL('image/jpeg', 0.9).split(',')[1]!;
    });
    await warden.getByTestId('persuasion-photo').setInputFiles({
      name: 'car.jpg',
      mimeType: 'image/jpeg',
      buffer: Buffer.from(jpeg, 'base64'),
    });
    await warden.locator('.daily-photo img').waitFor();
    await warden.getByTestId('persuasion-save').click();
    await warden.getByText(/已保存劝导记录：京A·?12345，答应挪车/).waitFor();
    // The list re-reads after the save says so: wait for the new record, not the old list.
    await warden.getByTestId('persuasion-list').getByText('车主说五分钟内挪走。').waitFor();
    const list = await warden.getByTestId('persuasion-list').innerText();
    expect(list).toContain('车主说五分钟内挪走。');
    expect(list).toContain('照片1张');
    expect(list).toContain('引导入位');
    expect(await seriousAxeViolations(warden)).toEqual([]);

    const [row] = await t.sql<{ n: string }>(
      `SELECT count(*) AS n FROM persuasion_photo f JOIN persuasion p ON p.id = f.persuasion_id
        WHERE p.note = '车主说五分钟内挪走。'`,
    );
    expect(row!.n).toBe('1');
  });

  it('a resident parking by the sticker at 19:30 is told the refuse truck needs the space at 07:00', async () => {
    const now = new Date();
    const day = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    let evening = new Date(`${day}T19:30:00+08:00`);
    if (evening <= now) evening = new Date(evening.getTime() + 86_400_000);
    const clock = jest.spyOn(t.app.get(Clock), 'now').mockImplementation(() => new Date(evening));
    try {
      const [resident] = await t.sql<{ phone: string; plate: string }>(
        `SELECT m.phone, v.plate FROM member m JOIN vehicle v ON v.household_id = m.household_id
          WHERE m.role = 'resident'
            AND (SELECT count(*) FROM vehicle w WHERE w.household_id = m.household_id) = 1
            AND NOT EXISTS (SELECT 1 FROM occupancy_session o WHERE o.plate = v.plate AND o.ended_at IS NULL)
          ORDER BY m.phone LIMIT 1`,
      );
      const [space] = await t.sql<{ id: string; sticker_token: string }>(
        `SELECT s.id, s.sticker_token FROM space s
          WHERE EXISTS (SELECT 1 FROM space_restriction r WHERE r.space_id = s.id)
            AND s.household_id IS NULL AND s.availability = 'open'
            AND NOT EXISTS (SELECT 1 FROM occupancy_session o WHERE o.space_id = s.id AND o.ended_at IS NULL)
          ORDER BY s.code LIMIT 1`,
      );
      const page = await phone();
      await loginInBrowser(page, t.url, resident!.phone, DEMO.password);
      await page.goto(
        `${t.url}/app/#/spaces/${space!.id}/check-in?sticker=${space!.sticker_token}`,
      );
      await page.getByTestId('sticker-space-state').and(page.locator('.badge--free')).waitFor();
      await page.getByTestId('check-in').click();
      await page.getByTestId('check-in-success').waitFor();
      const warning = await page.getByTestId('check-in-warnings').innerText();
      expect(warning).toMatch(/请注意：\d{4}-\d{2}-\d{2} 07:00至09:00此车位禁停（垃圾/);
      expect(await seriousAxeViolations(page)).toEqual([]);

      // At 06:31 the household is reminded on whatever screen is open, until it says so.
      await page.goto(`${t.url}/app/#/`);
      await page.getByTestId('home-resident').waitFor();
      const seven = new Date(evening.getTime() + 11.5 * 3_600_000);
      await page.locator('[data-testid="reminder-listening"][data-state="live"]').waitFor({
        state: 'attached',
      });
      const reminders = t.app.get(RestrictionRemindersService);
      expect(await reminders.runDue(new Date(seven.getTime() - 29 * 60_000))).toBeGreaterThan(0);
      await page.getByTestId('restriction-reminder').waitFor();
      expect(await page.getByTestId('restriction-reminder').innerText()).toMatch(
        /提醒：您的车.+停在.+，07:00起此车位禁停（垃圾/,
      );
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.getByText('知道了').click();
      await page.getByTestId('restriction-reminder').waitFor({ state: 'detached' });
    } finally {
      clock.mockRestore();
    }
  });
});
