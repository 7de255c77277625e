import { describeWithBrowser, loginInBrowser, screenshotPath } from './support/browser';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

const OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 24 * 3_600_000;

/** The Monday (Beijing) of the week holding an instant, as the roster screen's ?week=. */
function mondayOf(iso: string): string {
  const local = new Date(Date.parse(iso) + OFFSET_MS);
  const weekday = (local.getUTCDay() + 6) % 7;
  return new Date(local.getTime() - weekday * DAY_MS).toISOString().slice(0, 10);
}

/** The date `days` after a YYYY-MM-DD date. */
function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

interface Shift {
  id: string;
  kind: string;
  from: string;
  to: string;
  required: number;
  assignments: { id: string; memberId: string; memberName: string }[];
}

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

describeWithBrowser('the roster in the browser', ({ newPage }) => {
  it('the council sees a dropped shift as a red gap and puts someone on it', async () => {
    const admin = await t.login(DEMO.admin);
    const auth = { Authorization: `Bearer ${admin}` };
    const now = Date.now();
    const from = new Date(now + 2 * 3_600_000).toISOString();
    const to = new Date(now + 5 * DAY_MS).toISOString();
    let shifts = (await t.http().get(`/api/rosters/shifts?from=${from}&to=${to}`).set(auth))
      .body as Shift[];
    if (!shifts.some((s) => s.kind === 'warden' && Date.parse(s.from) > now)) {
      // The demo holds this month only; near its end, roster the next one too.
      const next = new Date(now + OFFSET_MS + 5 * DAY_MS).toISOString().slice(0, 8) + '01';
      const after = new Date(Date.parse(`${next}T00:00:00Z`) + 40 * DAY_MS).toISOString();
      await t
        .http()
        .post('/api/rosters/generate')
        .set(auth)
        .send({ from: next, to: `${after.slice(0, 8)}01` });
      shifts = (await t.http().get(`/api/rosters/shifts?from=${from}&to=${to}`).set(auth)).body;
    }
    const shift = shifts.find((s) => s.kind === 'warden' && Date.parse(s.from) > now)!;
    const assignment = shift.assignments[0]!;
    const phone = (
      await t.sql<{ phone: string }>(`SELECT phone FROM member WHERE id = $1`, [
        assignment.memberId,
      ])
    )[0]!.phone;
    const warden = await t.login(phone);
    const dropped = await t
      .http()
      .delete(`/api/shift-assignments/${assignment.id}`)
      .set('Authorization', `Bearer ${warden}`);
    expect(dropped.status).toBe(204);

    const page = await newPage({ viewport: { width: 1024, height: 1100 } });
    await loginInBrowser(page, t.url, DEMO.admin, DEMO.password);
    await page.goto(`${t.url}/app/#/rosters?week=${mondayOf(shift.from)}`);
    const gapCard = page.locator(`[data-testid="shift-gap"][data-shift-id="${shift.id}"]`);
    await gapCard.waitFor({ state: 'visible' });
    await expect(page.getByTestId('roster-gap').first().innerText()).resolves.toContain('0');
    // Red: the gap is highlighted in the armband colour.
    const border = await gapCard.evaluate((el) => getComputedStyle(el).borderTopColor);
    expect(border).toBe('rgb(192, 57, 43)');

    await gapCard.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('roster.png') });

    // Pick a person to fill it: the same warden comes back, and the gap is gone.
    await gapCard.getByTestId('assign').selectOption(assignment.memberId);
    await page
      .locator(`[data-testid="shift"][data-shift-id="${shift.id}"]`)
      .waitFor({ state: 'visible' });
    const coverage = await t
      .http()
      .get(`/api/rosters/coverage?from=${shift.from}&to=${shift.to}`)
      .set(auth);
    expect(coverage.body.gaps).toEqual([]);
  });

  it('the council’s open roster shows a gap pushed live when a warden drops a shift', async () => {
    const admin = await t.login(DEMO.admin);
    const auth = { Authorization: `Bearer ${admin}` };
    const now = Date.now();
    const from = new Date(now + 3 * 3_600_000).toISOString();
    const to = new Date(now + 3 * DAY_MS).toISOString();
    const shifts = (await t.http().get(`/api/rosters/shifts?from=${from}&to=${to}`).set(auth))
      .body as Shift[];
    const shift = shifts
      .filter((s) => s.kind === 'warden' && Date.parse(s.from) > now + 3_600_000)
      .find((s) => s.assignments.length >= s.required)!;
    expect(shift).toBeDefined();

    const page = await newPage({ viewport: { width: 1024, height: 1100 } });
    await loginInBrowser(page, t.url, DEMO.admin, DEMO.password);
    await page.goto(`${t.url}/app/#/rosters?week=${mondayOf(shift.from)}`);
    const card = page.locator(`[data-shift-id="${shift.id}"]`);
    await card.and(page.getByTestId('shift')).waitFor({ state: 'visible' });
    await page.getByTestId('connection-state').and(page.locator('[data-state="live"]')).waitFor();
    // Marks this page load: a reload would lose it.
    await page.evaluate(() => Object.assign(window, { rosterPageMark: 'still here' }));

    // The warden on it drops the shift from their own phone, through the API.
    const assignment = shift.assignments[0]!;
    const [{ phone }] = (await t.sql<{ phone: string }>(`SELECT phone FROM member WHERE id = $1`, [
      assignment.memberId,
    ])) as [{ phone: string }];
    await t
      .http()
      .delete(`/api/shift-assignments/${assignment.id}`)
      .set('Authorization', `Bearer ${await t.login(phone)}`)
      .expect(204);

    await card.and(page.getByTestId('shift-gap')).waitFor({ state: 'visible', timeout: 5000 });
    await page.getByTestId('roster-live-gap').waitFor({ state: 'visible' });
    await expect(card.getAttribute('class')).resolves.toContain('roster-shift--pushed');
    await expect(
      page.evaluate(() => (window as unknown as { rosterPageMark?: string }).rosterPageMark),
    ).resolves.toBe('still here');

    // Put back as it was for the other tests.
    await t
      .http()
      .post(`/api/shifts/${shift.id}/assignments`)
      .set(auth)
      .send({ memberId: assignment.memberId })
      .expect(201);
  });

  it('on a phone, a week with no shifts shows its gaps, not "every hour covered"', async () => {
    // Six weeks on: past the four weeks the roster is kept generated ahead.
    const monday = mondayOf(new Date(Date.now() + 42 * DAY_MS).toISOString());
    const page = await newPage({ viewport: { width: 360, height: 740 } });
    await loginInBrowser(page, t.url, DEMO.admin, DEMO.password);
    await page.goto(`${t.url}/app/#/rosters?week=${monday}`);
    await page.getByTestId('roster-gaps').waitFor({ state: 'visible' });
    await expect(page.getByTestId('roster-covered').count()).resolves.toBe(0);
    await expect(
      page
        .getByTestId('roster-day-' + monday)
        .getByTestId('shift')
        .count(),
    ).resolves.toBe(0);

    // The wardens' line is one gap over the whole week; the patrol misses five weekday evenings.
    const gaps = await page.getByTestId('roster-gap').allInnerTexts();
    expect(gaps).toHaveLength(6);
    expect(gaps[0]).toBe(
      `${monday.slice(5)} 00:00 – ${addDays(monday, 7).slice(5)} 00:00 · 红袖标 · 已排 0 人 / 需 1 人 · 依公约第5条`,
    );
    expect(
      gaps.filter((g) => g.includes('文明劝导 · 已排 0 人 / 需 2 人 · 依公约第8条')),
    ).toHaveLength(5);
    await expect(page.getByTestId('roster-gaps').innerText()).resolves.toContain(
      '本周有 6 个时段缺人',
    );
    // Fits the phone: nothing runs off the side.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: screenshotPath('roster-empty-week.png') });
  });

  it('the warden on duty now signs in from "my shifts" and reads the handover note', async () => {
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
    await t
      .http()
      .post(`/api/shifts/${current.id}/handover-notes`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ body: '3号车位前有施工围挡' })
      .expect(201);
    const phone = (
      await t.sql<{ phone: string }>(`SELECT phone FROM member WHERE id = $1`, [
        current.assignments[0]!.memberId,
      ])
    )[0]!.phone;

    const page = await newPage();
    await loginInBrowser(page, t.url, phone, DEMO.password);
    await page.goto(`${t.url}/app/#/me/shifts`);
    const card = page.locator(`[data-testid="my-shift"][data-shift-id="${current.id}"]`);
    await card.getByTestId('sign-in').click();
    await page.getByTestId('handover-note').first().waitFor({ state: 'visible' });
    await expect(page.getByTestId('handover-notes').innerText()).resolves.toContain(
      '3号车位前有施工围挡',
    );
    await card.getByTestId('sign-out').waitFor({ state: 'visible' });
    await expect(card.getByTestId('attendance').innerText()).resolves.toMatch(/在岗/);
  });
});
