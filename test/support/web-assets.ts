import type { TestApp } from './test-app';

/** The files index.html names: this build's hashed script, stylesheet and preloaded chunks. */
export async function entryAssets(
  t: TestApp,
): Promise<{ script: string; style: string; preloads: string[] }> {
  const index = (await t.http().get('/app/').expect(200)).text;
  const script = /<script type="module" src="([^"]+)"/.exec(index)?.[1];
  const style = /<link rel="stylesheet" href="([^"]+)"/.exec(index)?.[1];
  if (!script || !style) throw new Error(`index.html names no script or stylesheet:\n${index}`);
  const preloads = [...index.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)].map(
    (match) => match[1] ?? '',
  );
  return { script, style, preloads };
}
