import type { Page } from 'playwright-core';
import { PHONE_VIEWPORT } from './browser';

/**
 * Every space of the lane on a phone held upright, at once: each shape inside the page's width
 * (nothing to scroll sideways to) and at least a fingertip across.
 */
export async function expectWholeLaneOnScreen(page: Page, codes: string[]): Promise<void> {
  const width = PHONE_VIEWPORT.width;
  expect(page.viewportSize()?.width).toBe(width);
  const shapes = await page
    .getByTestId('lane-svg')
    .locator('[data-testid^="space-"]')
    .evaluateAll((elements) =>
      elements.map((element) => {
        const box = element.querySelector('rect')!.getBoundingClientRect();
        return {
          testId: element.getAttribute('data-testid'),
          left: box.left,
          right: box.right,
          width: box.width,
          height: box.height,
        };
      }),
    );
  expect(shapes.map((s) => s.testId).sort()).toEqual(codes.map((c) => `space-${c}`).sort());
  for (const shape of shapes) {
    expect({ ...shape, inside: shape.left >= 0 && shape.right <= width }).toMatchObject({
      inside: true,
    });
    expect(Math.min(shape.width, shape.height)).toBeGreaterThanOrEqual(32);
  }
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(width);
}
