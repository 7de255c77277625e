import { createApp } from '../src/bootstrap';
import { OutboxService } from '../src/common/outbox/outbox.service';
import { Transactions } from '../src/database/transactions';
import { startTestApp, type TestApp } from './support/test-app';

// The outbox carries a reaction from one feature to another: written with the change, delivered
// after commit, retried until the reacting side has done its part, never delivered on rollback.
describe('the transactional outbox', () => {
  let t: TestApp;
  let outbox: OutboxService;
  let transactions: Transactions;
  const seen: string[] = [];
  let failuresLeft = 0;

  beforeAll(async () => {
    t = await startTestApp();
    outbox = t.app.get(OutboxService);
    transactions = t.app.get(Transactions);
    await t.sql(`CREATE TABLE outbox_probe (note text PRIMARY KEY)`);
    outbox.handle('test.noted', async (payload, tx) => {
      const { note } = payload as { note: string };
      await tx.query(`INSERT INTO outbox_probe (note) VALUES ($1)`, [note]);
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        throw new Error('the reacting feature is briefly broken');
      }
      seen.push(note);
    });
  });
  afterAll(() => t.close());

  const notes = async () =>
    (await t.sql<{ note: string }>(`SELECT note FROM outbox_probe ORDER BY note`)).map(
      (r) => r.note,
    );

  it('delivers a message once its transaction commits, and not before', async () => {
    await transactions.run(async (tx) => {
      await outbox.enqueue(tx, 'test.noted', { note: 'a' });
      await outbox.drain();
      expect(seen).toEqual([]);
    });
    await outbox.drain();
    expect(seen).toEqual(['a']);
    expect(await notes()).toEqual(['a']);
    expect(await outbox.pending(['test.noted'])).toBe(0);
  });

  it('never delivers a message whose transaction rolled back', async () => {
    await expect(
      transactions.run(async (tx) => {
        await outbox.enqueue(tx, 'test.noted', { note: 'b' });
        throw new Error('the writer changed its mind');
      }),
    ).rejects.toThrow('changed its mind');
    await outbox.drain();
    expect(await notes()).toEqual(['a']);
  });

  it('retries a failing reaction until it is done, its half-done work undone each time', async () => {
    failuresLeft = 2;
    await transactions.run((tx) => outbox.enqueue(tx, 'test.noted', { note: 'c' }));
    await outbox.drain();
    expect(await notes()).toEqual(['a']);
    const [first] = await t.sql<{ attempts: number; last_error: string }>(
      `SELECT attempts, last_error FROM outbox_message WHERE payload->>'note' = 'c'`,
    );
    expect(first).toMatchObject({ attempts: 1 });
    expect(first!.last_error).toContain('briefly broken');
    for (let i = 0; i < 2; i++) {
      await t.sql(`UPDATE outbox_message SET available_at = now() WHERE done_at IS NULL`);
      await outbox.drain();
    }
    expect(await notes()).toEqual(['a', 'c']);
    expect(seen).toEqual(['a', 'c']);
  });

  it('two instances draining together deliver each message exactly once', async () => {
    const second = await createApp(t.database.url);
    await second.init();
    try {
      const otherSeen: string[] = [];
      second.get(OutboxService).handle('test.noted', async (payload, tx) => {
        const { note } = payload as { note: string };
        await tx.query(`INSERT INTO outbox_probe (note) VALUES ($1)`, [note]);
        otherSeen.push(note);
      });
      const batch = Array.from({ length: 60 }, (_, i) => `m${String(i).padStart(2, '0')}`);
      await transactions.run(async (tx) => {
        for (const note of batch) await outbox.enqueue(tx, 'test.noted', { note });
      });
      await Promise.all([outbox.drain(), second.get(OutboxService).drain()]);
      await outbox.drain();
      const delivered = [...seen, ...otherSeen].filter((n) => n.startsWith('m')).sort();
      expect(delivered).toEqual(batch);
      expect((await notes()).filter((n) => n.startsWith('m'))).toEqual(batch);
    } finally {
      await second.close();
    }
  });
});
