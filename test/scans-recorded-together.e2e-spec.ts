import { Client } from 'pg';
import { permitIdOfPlate, tokenOfPermit } from './support/permits';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

/**
 * Issue 15.5: an evening of a whole district, wardens scanning at once. Scans that arrive while
 * the service is writing earlier ones are recorded together, in one statement; each warden still
 * gets the answer they would have got alone: their verdict, their duty, their key once.
 */
describe('scans sent at once are recorded together, each as it would be alone', () => {
  let t: TestApp;
  let senders: { name: string; token: string }[];
  let permitId: string;
  let qr: string;

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await t.login(DEMO.admin);
    senders = [
      { name: 'council', token: admin },
      { name: 'warden-1', token: await t.login(DEMO.wardens[0]) },
      { name: 'warden-2', token: await t.login(DEMO.wardens[1]) },
    ];
    permitId = await permitIdOfPlate(t, '京A12345');
    qr = await tokenOfPermit(t, admin, permitId);
  });
  afterAll(() => t.close());

  const scan = (sender: string, key: string) =>
    t
      .http()
      .post('/api/scans')
      .set('Authorization', `Bearer ${sender}`)
      .send({ token: qr, idempotencyKey: key });

  it('thirty-seven scans while the first ones wait: every answer right, every key once, a few statements', async () => {
    // Alone first: what each sender's scan says (the council's records no duty).
    const alone = new Map<string, unknown>();
    for (const sender of senders) {
      const body = (await scan(sender.token, `alone-key-${sender.name}`).expect(200)).body;
      expect(body.verdict).toBe('valid');
      alone.set(sender.name, body.recorderOnDuty);
    }
    expect(alone.get('council')).toBeNull();

    // Someone holds the permit's row: the first statements wait on it (their foreign key), and
    // what arrives meanwhile queues behind them.
    const holder = new Client({ connectionString: t.database.url });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT 1 FROM permit WHERE id = $1 FOR UPDATE', [permitId]);

      const sent = senders.flatMap((sender) =>
        Array.from({ length: 12 }, (_, i) => ({ sender, key: `together-${sender.name}-${i}` })),
      );
      // One key sent twice at once, as an offline phone's queue may.
      sent.push({ sender: senders[1]!, key: 'together-warden-1-0' });
      const answers = Promise.all(sent.map(({ sender, key }) => scan(sender.token, key)));

      await waitFor(async () => {
        const [row] = await t.sql<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        return row!.n >= 1;
      });
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      await holder.query('COMMIT');

      const responses = await answers;
      responses.forEach((response, i) => {
        expect(response.status).toBe(200);
        expect(response.body.verdict).toBe('valid');
        expect(response.body.recorderOnDuty).toEqual(alone.get(sent[i]!.sender.name));
      });
      const twice = responses.filter((_, i) => sent[i]!.key === 'together-warden-1-0');
      expect(new Set(twice.map((r) => r.body.id)).size).toBe(1);
      expect(twice.filter((r) => r.body.replayed === false)).toHaveLength(1);
    } finally {
      await holder.query('ROLLBACK').catch(() => undefined);
      await holder.end();
    }

    const rows = await t.sql<{ n: number; statements: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT xmin::text)::int AS statements
         FROM permit_scan WHERE idempotency_key LIKE 'together-%'`,
    );
    expect(rows[0]!.n).toBe(36);
    // A statement is a transaction: rows written together share their xmin.
    expect(rows[0]!.statements).toBeLessThan(10);
  });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
