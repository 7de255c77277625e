import { expectAccessible, expectTouchTargets, NARROW_PHONE } from './support/axe';
import { describeWithBrowser, loginInBrowser } from './support/browser';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

/**
 * 自治: a space is painted with the agreement of the households it faces. On 360-px phones, in
 * Chinese: the council paints XG-41 in front of 下岗胡同1号 (the demo resident's household); the
 * resident finds it on their home screen under 门前新画车位公示 and objects, after a confirmation;
 * the council reads the objection and answers it in writing; the resident reads the answer.
 */
describeWithBrowser('a newly painted space and its neighbours’ consent', ({ newPage }) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    // The council has widened the lane's first stretch, so the north side has room for a space
    // with the fire lane kept 4 m clear (test/space-layout.e2e-spec.ts).
    const admin = await t.login(DEMO.admin);
    const [lane] = await t.sql<{ id: string }>(`SELECT id FROM lane WHERE name = '下岗胡同'`);
    const segments = await t
      .http()
      .get(`/api/lanes/${lane!.id}/segments`)
      .set('authorization', `Bearer ${admin}`)
      .expect(200);
    await t
      .http()
      .put(`/api/lanes/${lane!.id}/segments`)
      .set('authorization', `Bearer ${admin}`)
      .send({
        segments: segments.body.map((s: { fromM: number; widthM: number }) =>
          s.fromM === 0 ? { ...s, widthM: 9 } : s,
        ),
      })
      .expect(200);
  }, 120_000);
  afterAll(() => t?.close());

  it('the council paints, the resident objects, the council answers in writing, the resident reads it', async () => {
    const council = await newPage({ viewport: NARROW_PHONE });
    await loginInBrowser(council, t.url, DEMO.admin, DEMO.password);
    const tile = council.getByTestId('tile-council-spaces');
    await tile.getByText('没有待答复的邻居异议').waitFor();
    await tile.click();
    await council.getByTestId('council-spaces').waitFor();
    await council.getByText('没有征求意见中的车位').waitFor();
    await expectAccessible(council, 'council spaces');
    await expectTouchTargets(council, 'council spaces');

    const form = council.getByTestId('paint-space');
    await form.getByTestId('paint-code').fill('XG-41');
    // Walk to about 50 m along the lane and tap the middle of the drawing: the centre is there.
    await form.getByTestId('paint-along').fill('50');
    await form.getByTestId('paint-picker').click();
    await form.getByTestId('paint-picker-new').waitFor();
    expect(Number(await form.getByTestId('paint-x').inputValue())).toBeCloseTo(50, 0);
    expect(Math.abs(Number(await form.getByTestId('paint-y').inputValue()))).toBeLessThan(1);
    // …and corrected to the north side by hand.
    await form.getByTestId('paint-x').fill('50');
    await form.getByTestId('paint-y').fill('2.15');
    await form.getByTestId('paint-facing-search').fill('下岗胡同1号');
    await form.locator('[data-testid="paint-facing"][data-address="下岗胡同1号"]').check();
    expect(await form.getByTestId('paint-days').inputValue()).toBe('7');
    await form.getByTestId('paint-submit').click();
    const dialog = council.getByTestId('confirm-dialog');
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('画车位XG-41？');
    expect(await dialog.innerText()).toContain('公示7天，征求1户意见：下岗胡同1号');
    await expectAccessible(council, 'confirm painting');
    await council.getByTestId('confirm-yes').click();
    expect(await council.getByTestId('council-spaces-done').innerText()).toMatch(
      /车位XG-41已画好，公示至\d{4}-\d{2}-\d{2} \d{2}:\d{2}。/,
    );
    const painted = council.locator('[data-testid="consent-case"][data-code="XG-41"]');
    await painted.waitFor();
    expect(await painted.getByTestId('consent-case-status').innerText()).toBe('公示中');
    expect(await painted.innerText()).toContain('门前住户：下岗胡同1号');
    expect(await painted.innerText()).toContain('还没有异议');

    // The same spot again: the server's refusal, in Chinese, under the form.
    await form.getByTestId('paint-code').fill('XG-42');
    await form.getByTestId('paint-submit').click();
    await council.getByTestId('confirm-yes').click();
    expect(await form.getByTestId('paint-error').innerText()).toBe('与同侧已画的车位重叠');

    const resident = await newPage({ viewport: NARROW_PHONE });
    await loginInBrowser(resident, t.url, DEMO.resident, DEMO.password);
    const card = resident.getByTestId('consent-notices');
    await card.waitFor();
    expect(await card.innerText()).toContain('门前新画车位公示');
    const notice = card.locator('[data-testid="consent-notice"][data-code="XG-41"]');
    expect(await notice.innerText()).toContain('车位XG-41 · 下岗胡同');
    expect(await notice.innerText()).toMatch(/公示至\d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间）/);
    await expectAccessible(resident, 'resident home with a notice');
    await notice.getByTestId('consent-object').click();
    await notice.getByTestId('consent-send').click();
    expect(await notice.getByTestId('consent-error').innerText()).toBe('请写明理由（至少2个字）');
    await notice.getByTestId('consent-reason').fill('车位正对我家大门，老人进出不便。');
    await notice.getByTestId('consent-send').click();
    const ask = resident.getByTestId('confirm-dialog');
    await ask.waitFor();
    expect(await ask.innerText()).toContain('对车位XG-41提出异议？');
    expect(await ask.innerText()).toContain('车位正对我家大门，老人进出不便。');
    await expectAccessible(resident, 'confirm an objection');
    await expectTouchTargets(resident, 'confirm an objection');
    await resident.getByTestId('confirm-yes').click();
    expect(await resident.getByTestId('consent-done').innerText()).toContain(
      '异议已提交。理事会答复前，车位XG-41不会启用。',
    );
    await notice.getByTestId('consent-objected').waitFor();
    expect(await notice.getByTestId('consent-status').innerText()).toBe('等待理事会书面答复');

    // The council's open screen shows the objection by itself, and its home tile counts it.
    await painted.getByTestId('council-objection').waitFor();
    expect(await painted.getByTestId('consent-case-status').innerText()).toBe('有异议待答复');
    const secretary = await newPage({ viewport: NARROW_PHONE });
    await loginInBrowser(secretary, t.url, DEMO.admin, DEMO.password);
    await secretary
      .getByTestId('tile-council-spaces')
      .getByText('1条邻居异议待答复')
      .waitFor({ timeout: 15_000 });
    await secretary.close();
    const objection = painted.getByTestId('council-objection');
    expect(await objection.innerText()).toContain('下岗胡同1号的异议');
    expect(await objection.innerText()).toContain('车位正对我家大门，老人进出不便。');
    await expectAccessible(council, 'an objection to answer');
    await expectTouchTargets(council, 'an objection to answer');
    await objection.getByTestId('answer-send').click();
    expect(await objection.getByTestId('answer-error').innerText()).toBe(
      '请选择结论并写明答复（至少2个字）',
    );
    await objection.getByTestId('answer-dismissed').check();
    await objection
      .getByTestId('answer-reason')
      .fill('车位在大门东侧两米，已改为车头朝外停放，不挡进出。');
    await objection.getByTestId('answer-send').click();
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('认定异议不成立，保留车位XG-41？');
    await council.getByTestId('confirm-yes').click();
    // The message of the painting is still there until the answer's replaces it.
    const answered = council.getByTestId('council-spaces-done').filter({ hasText: '答复已发送' });
    expect(await answered.innerText()).toBe(
      '✓ 答复已发送。 车位XG-41仍在公示中，期满且无异议成立即启用。',
    );
    // Answering does not shorten the notice: the other facing households keep their days.
    expect(await painted.getByTestId('consent-case-status').innerText()).toBe('公示中');
    expect(await painted.getByTestId('council-objection-answer').innerText()).toBe(
      '异议不成立：车位在大门东侧两米，已改为车头朝外停放，不挡进出。',
    );

    // The notice still runs: the resident reads the answer on it, beside the days left.
    await resident.reload();
    const stillOn = resident.getByTestId('consent-notice');
    await stillOn.waitFor();
    expect(await stillOn.innerText()).toContain('XG-41');
    expect(await stillOn.getByTestId('consent-status').innerText()).toBe(
      '异议不成立。理事会的答复：车位在大门东侧两米，已改为车头朝外停放，不挡进出。',
    );
    await expectAccessible(resident, 'resident home with the answer');
  });
});
