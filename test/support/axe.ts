import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/** A phone held upright at its narrowest common width: the test size. */
export const NARROW_PHONE = { width: 360, height: 740 };

export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

let axeSource: string | null = null;

/**
 * Runs axe-core (from node_modules, no network) on the page as it stands. The source is
 * evaluated through the DevTools protocol rather than added as a script tag, which the client's
 * Content-Security-Policy rightly refuses.
 */
export async function axeFindings(page: Page): Promise<AxeFinding[]> {
  const hasAxe = await page.evaluate(() => 'axe' in window);
  if (!hasAxe) {
    axeSource ??= readFileSync(require.resolve('axe-core'), 'utf8');
    await page.evaluate(axeSource);
  }
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<AxeResults> } }).axe;
    const results = await axe.run();
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? null,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
  });
}

interface AxeResults {
  violations: {
    id: string;
    impact?: string | null;
    help: string;
    nodes: { target: string[] }[];
  }[];
}

/**
 * Fails with what axe found when the screen has a serious or critical violation (contrast, a
 * control without a name, an image without text): the bar for every main screen.
 */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const serious = (await axeFindings(page)).filter(
    (finding) => finding.impact === 'serious' || finding.impact === 'critical',
  );
  expect({ screen, serious }).toEqual({ screen, serious: [] });
}

/**
 * Controls a finger must hit that are under 44 px tall or wide (the touch target),
 * described as `tag[data-testid] WxH` or by their text. Inline links inside prose are exempt.
 */
export async function smallTouchTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const controls = document.querySelectorAll<HTMLElement>(
      'button, input:not([type="hidden"]):not([type="checkbox"]):not([type="radio"]), select, textarea, a[href]:not(p a):not(li a)',
    );
    const small: string[] = [];
    for (const control of Array.from(controls)) {
      const box = control.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue; // not shown
      if (control.classList.contains('visually-hidden')) continue;
      if (box.height < 44 || box.width < 44) {
        const name = control.dataset.testid ?? control.textContent?.trim().slice(0, 20) ?? '';
        small.push(
          `${control.tagName.toLowerCase()}[${name}] ${Math.round(box.width)}x${Math.round(box.height)}`,
        );
      }
    }
    return small;
  });
}

/** Fails naming each control under 44 px. */
export async function expectTouchTargets(page: Page, screen: string): Promise<void> {
  expect({ screen, small: await smallTouchTargets(page) }).toEqual({ screen, small: [] });
}
