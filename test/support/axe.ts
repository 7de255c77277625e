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
