import { describeWithBrowser, loginInBrowser, screenshotPath } from './support/browser';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

// Needs the built client (global-setup builds it), like the other browser tests.
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

/** The plate as the client shows it in data-plate: no middle dot. */
async function onePlate(query: string, params: unknown[] = []): Promise<string> {
  const [row] = await t.sql<{ plate: string }>(query, params);
  if (!row) throw new Error(`no plate for ${query}`);
  return row.plate;
}

describeWithBrowser('permits in the browser: council, visitor passes, 挪车', ({ newPage }) => {
  it('the council approves an applied permit and it shows as active; a refusal reads clearly', async () => {
    const plate = await onePlate(
      `SELECT plate FROM permit WHERE status = 'pending' AND kind = 'resident' ORDER BY number LIMIT 1`,
    );
    const page = await newPage();
    expect(await loginInBrowser(page, t.url, DEMO.admin, DEMO.password)).toBe('admin');
    await page.getByText('停车证审批').first().click();
    await page.getByTestId('council-permits').waitFor();
    expect(page.url()).toContain('#/council/permits');

    // Applications come first.
    const card = page.locator(`[data-testid="council-permit"][data-plate="${plate}"]`);
    await card.and(page.locator('[data-status="pending"]')).waitFor();
    const waiting = Number(await page.getByTestId('council-tab-count').innerText());
    await card.getByTestId('permit-approve').click();
    await card.and(page.locator('[data-status="active"]')).waitFor();
    // The count of applications waiting follows at once, without reloading the tab.
    expect(Number(await page.getByTestId('council-tab-count').innerText())).toBe(waiting - 1);
    expect(await card.innerText()).toContain('有效');
    const [stored] = await t.sql<{ status: string }>(
      `SELECT status FROM permit WHERE plate = $1 AND kind = 'resident'`,
      [plate],
    );
    expect(stored?.status).toBe('active');

    // Its ledger shows who applied and who approved.
    await card.getByTestId('permit-ledger-toggle').click();
    await card.getByTestId('permit-ledger').getByText('批准').waitFor();
    await page.screenshot({ path: screenshotPath('council-permits.png'), fullPage: true });

    // A suspension that would already be over is refused, in the server's own words.
    await card.getByTestId('permit-suspend').click();
    const form = card.getByTestId('permit-form-suspend');
    await form.locator('input[type="datetime-local"]').fill('2020-01-01T08:00');
    await form.getByTestId('permit-form-reason').fill('堵住院门 / blocking a gate');
    await form.getByTestId('permit-form-submit').click();
    const refusal = card.getByTestId('permit-refusal');
    await refusal.waitFor();
    // One language per reply: the refusal (permit.suspension_in_past, whose English the API test
    // checks) is the whole server message, in the Chinese the screen is in.
    expect((await refusal.innerText()).trim()).toBe('暂停截止时间须在将来');

    // Cancel, and tapping the tab again reads the list afresh: the approved one has left it.
    await form.getByRole('button', { name: '取消' }).click();
    await page.getByTestId('council-tab-pending').click();
    // The old list stays on screen until the new one arrives; wait for the card to go.
    await card.waitFor({ state: 'detached' });
    expect(await card.count()).toBe(0);
  });

  it('a resident issues a visitor pass, sees the guest link and the quota, and withdraws it', async () => {
    const page = await newPage();
    await loginInBrowser(page, t.url, DEMO.resident, DEMO.password);
    await page.goto(`${t.url}/app/#/visitors`);
    await page.getByTestId('visitor-limits').waitFor();
    expect(await page.getByTestId('visitor-limits').innerText()).toContain('每月 4 张');

    await page.getByTestId('visitor-plate').fill('京C6M218');
    await page.getByTestId('visitor-hours').fill('6');
    await page.getByTestId('visitor-issue').click();
    await page.getByTestId('visitor-issued').waitFor();
    const link = await page.getByTestId('visitor-guest-link').inputValue();
    expect(link).toMatch(new RegExp(`^${t.url}/visit/[A-Za-z0-9_-]{16,}$`));
    // The demo household issued one pass today already.
    expect(await page.getByTestId('visitor-quota').innerText()).toContain('本月已用 2 / 4 张');

    // The guest opens the link without logging in.
    const guest = await t.http().get(new URL(link).pathname).expect(200);
    expect(guest.text).toContain('6M218');

    const pass = page.locator('[data-testid="visitor-pass"]', { hasText: '6M218' });
    await pass.getByTestId('visitor-withdraw').click();
    await pass.getByTestId('visitor-withdraw-confirm').click();
    await pass.and(page.locator('[data-status="revoked"]')).waitFor();
  });

  it('a resident asks another to move; the holder sees it live and answers 马上来', async () => {
    const plate = await onePlate(
      `SELECT v.plate FROM vehicle v JOIN member m ON m.id = v.owner_member_id
        JOIN permit p ON p.vehicle_id = v.id AND p.status = 'active'
       WHERE m.phone = $1 LIMIT 1`,
      [DEMO.otherResident],
    );
    const holder = await newPage();
    await loginInBrowser(holder, t.url, DEMO.otherResident, DEMO.password);
    await holder.goto(`${t.url}/app/#/move`);
    await holder.locator('[data-testid="connection-state"][data-state="live"]').waitFor();

    const asker = await newPage();
    await loginInBrowser(asker, t.url, DEMO.resident, DEMO.password);
    await asker.goto(`${t.url}/app/#/move`);
    await asker.getByTestId('move-plate').fill(plate);
    await asker.getByTestId('move-note').fill('挡住了19号院门口');
    await asker.getByTestId('move-ask').click();
    await asker.getByTestId('move-waiting').waitFor();

    const incoming = holder.getByTestId('move-incoming');
    await incoming.waitFor({ timeout: 5000 });
    expect(await incoming.innerText()).toContain('挡住了19号院门口');
    await incoming.getByTestId('move-answer-coming').click();

    const answered = asker.locator('[data-testid="move-outgoing"][data-answer="coming"]');
    await answered.waitFor({ timeout: 5000 });
    expect(await answered.innerText()).toContain('车主回复：马上来');
    // The asker learns the answer, never who the holder is.
    expect(await answered.innerText()).not.toContain(plate);
  });
});
