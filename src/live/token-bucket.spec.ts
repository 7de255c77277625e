import fc from 'fast-check';
import { TokenBucket } from './token-bucket';

describe('TokenBucket', () => {
  it('gives a burst of `capacity`, then one token per period/capacity', () => {
    const bucket = new TokenBucket(30, 60_000, 0);
    for (let i = 0; i < 30; i++) expect(bucket.take(0)).toEqual({ ok: true });
    expect(bucket.take(0)).toEqual({ ok: false, retryInMs: 2000 });
    expect(bucket.take(1999)).toMatchObject({ ok: false });
    expect(bucket.take(2000)).toEqual({ ok: true });
    expect(bucket.take(2000)).toEqual({ ok: false, retryInMs: 2000 });
  });

  it('never holds more than its capacity, however long it rested', () => {
    const bucket = new TokenBucket(3, 1000, 0);
    const taken = [0, 0, 0, 0].map(() => bucket.take(1_000_000).ok);
    expect(taken).toEqual([true, true, true, false]);
  });

  it('a refund gives back the token another limit refused', () => {
    const bucket = new TokenBucket(1, 1000, 0);
    expect(bucket.take(0).ok).toBe(true);
    bucket.refund();
    expect(bucket.take(0).ok).toBe(true);
  });

  it('over any stretch of time, takes at most capacity + rate × time', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 1, maxLength: 300 }),
        (capacity, gaps) => {
          const periodMs = 60_000;
          const bucket = new TokenBucket(capacity, periodMs, 0);
          let now = 0;
          let granted = 0;
          for (const gap of gaps) {
            now += gap;
            if (bucket.take(now).ok) granted += 1;
          }
          expect(granted).toBeLessThanOrEqual(capacity + Math.floor((now * capacity) / periodMs));
        },
      ),
    );
  });
});
