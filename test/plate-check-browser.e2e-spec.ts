import { expectAccessible, expectTouchTargets, NARROW_PHONE } from './support/axe';
import { describeWithBrowser, loginInBrowser } from './support/browser';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

/** A resident checks two cars from the home screen: one with a permit, one without. */
describeWithBrowser('the plate check screen', ({ newPage }) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('answers yes or no, and a no is never a verdict', async () => {
    const page = await newPage({ viewport: NARROW_PHONE });
    await loginInBrowser(page, t.url, DEMO.resident, DEMO.password);
    await page.getByTestId('tile-plate-check').click();
    await page.getByTestId('plate-check').waitFor();
    await expectAccessible(page, 'plate check');
    await expectTouchTargets(page, 'plate check');

    await page.getByLabel('车牌').fill('京A12345');
    await page.getByTestId('plate-check-submit').click();
    const answer = page.getByTestId('plate-check-answer');
    await answer.waitFor();
    expect(await answer.getAttribute('data-allowed')).toBe('true');
    expect(await answer.innerText()).toContain('京A12345现在可以在这里停放');

    await page.getByLabel('车牌').fill('京Z00000');
    await page.getByTestId('plate-check-submit').click();
    await page.locator('[data-testid="plate-check-answer"][data-allowed="false"]').waitFor();
    expect(await answer.innerText()).toContain('这不一定是违规');
    await expectAccessible(page, 'plate check answer');
  });
});
