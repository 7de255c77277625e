// Runs every benchmark in turn (npm run bench builds first). Each prints its own figures.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
for (const bench of ['live-push.mjs', 'live-memory.mjs', 'scans.mjs', 'district-routes.mjs']) {
  console.log(`\n=== ${bench}`);
  const run = spawnSync(process.execPath, [path.join(here, bench)], { stdio: 'inherit' });
  if (run.status !== 0) process.exitCode = run.status ?? 1;
}
