import v8 from 'node:v8';
import vm from 'node:vm';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

const ROWS = 100_000;
const MB = 1024 * 1024;

// What the export really holds, not the garbage a busy machine has not collected yet: the heap is
// measured after a forced collection (the flag can be set at run time; a fresh context sees `gc`).
v8.setFlagsFromString('--expose-gc');
const collect = vm.runInNewContext('gc') as () => void;

function liveHeap(): number {
  collect();
  return process.memoryUsage().heapUsed;
}

/**
 * 100,000 violations exported as a workbook and as CSV: the download starts before the last row
 * is read, and the server's live heap (this process, after forced collections) does not grow with
 * the ledger.
 */
describe('a ledger of 100,000 rows streams in bounded memory', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login(DEMO.admin);
    await t.sql(
      `INSERT INTO violation (association_id, kind, plate, place, occurred_at, step, action)
       SELECT a.id, 'no_permit', '京Z' || lpad(n::text, 5, '0'), '下岗胡同 ' || n || ' 号门口',
              '2026-01-01T00:00:00Z'::timestamptz + n * interval '1 minute', 1, 'persuasion'
         FROM association a, generate_series(1, $1) AS n
        WHERE a.name = '4143车友会'`,
      [ROWS],
    );
  }, 180_000);
  afterAll(() => t.close());

  it.each(['xlsx', 'csv'])(
    'export.%s: first bytes long before the end, heap growth under 150 MB',
    async (ext) => {
      const before = liveHeap();
      let peak = before;
      // Every two seconds: a forced collection on a busy machine takes long enough to matter.
      const sampler = setInterval(() => {
        peak = Math.max(peak, liveHeap());
      }, 2000);
      const started = Date.now();
      const response = await fetch(`${t.url}/api/violations/export.${ext}`, {
        headers: { authorization: `Bearer ${admin}` },
      });
      expect(response.status).toBe(200);
      const reader = response.body!.getReader();
      let firstAt: number | undefined;
      let bytes = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        firstAt ??= Date.now();
        bytes += value.byteLength;
      }
      const endedAt = Date.now();
      clearInterval(sampler);
      expect(bytes).toBeGreaterThan(ROWS * 20);
      expect(firstAt! - started).toBeLessThan((endedAt - started) / 2);
      expect((peak - before) / MB).toBeLessThan(150);
    },
    300_000,
  );
});
