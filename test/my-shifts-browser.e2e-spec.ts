import { expectAccessible, expectTouchTargets, NARROW_PHONE } from './support/axe';
import { describeWithBrowser, loginInBrowser, screenshotPath } from './support/browser';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

interface Shift {
  id: string;
  kind: string;
  assignments: { memberId: string }[];
}

/** The warden on duty now opens "my shifts" on a small phone. */
describeWithBrowser('my shifts on a 360-px phone', ({ newPage }) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('shows the shift on now first, signs in and out with a note, and offers the calendar', async () => {
    const admin = await t.login(DEMO.admin);
    const now = new Date();
    const current = (
      (
        await t
          .http()
          .get(
            `/api/rosters/shifts?from=${now.toISOString()}&to=${new Date(now.getTime() + 60_000).toISOString()}`,
          )
          .set('Authorization', `Bearer ${admin}`)
      ).body as Shift[]
    ).find((s) => s.kind === 'warden')!;
    const [member] = await t.sql<{ phone: string }>(`SELECT phone FROM member WHERE id = $1`, [
      current.assignments[0]!.memberId,
    ]);

    const page = await newPage({ viewport: NARROW_PHONE });
    await loginInBrowser(page, t.url, member!.phone, DEMO.password);
    await page.goto(`${t.url}/app/#/me/shifts`);
    const next = page.locator('[data-testid="my-shift"][data-next="true"]');
    await next.waitFor();
    expect(await next.getAttribute('data-shift-id')).toBe(current.id);
    expect(await page.getByText('正在进行的班次').count()).toBe(1);
    // Later shifts: a week of them, the rest behind a button, so the calendar is not buried.
    const later = page.locator('[data-testid="my-shift"]:not([data-next])');
    expect(await later.count()).toBeLessThanOrEqual(7);
    expect(await later.count()).toBeGreaterThan(0);
    // The calendar subscription is on the first screens, and readable (axe checks contrast).
    const subscribe = page.getByTestId('subscribe-ics');
    expect(await subscribe.isVisible()).toBe(true);
    const box = (await subscribe.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(44);
    await expectAccessible(page, 'my shifts');
    await expectTouchTargets(page, 'my shifts');
    await page.screenshot({ path: screenshotPath('my-shifts.png') });

    await next.getByTestId('sign-in').click();
    await page.getByTestId('done-message').filter({ hasText: '已签到上岗' }).waitFor();
    await next.getByTestId('sign-out').waitFor();
    expect(await next.getByTestId('attendance').innerText()).toContain('在岗');
    await expectAccessible(page, 'my shifts, on duty');

    await next.getByLabel('交接班留言').fill('7号车位地锁松了');
    await next.getByTestId('sign-out').click();
    await page.getByTestId('done-message').filter({ hasText: '已签退' }).waitFor();
    const notes = await t.sql<{ body: string }>(`SELECT body FROM handover_note`);
    expect(notes.map((n) => n.body)).toContain('7号车位地锁松了');

    await subscribe.click();
    const feed = page.getByTestId('feed-url');
    await feed.waitFor();
    expect(await feed.locator('a').getAttribute('href')).toMatch(/^webcal:\/\//);

    await page.getByTestId('show-all-shifts').click();
    expect(await later.count()).toBeGreaterThan(7);
  });
});
