import { Injectable } from '@nestjs/common';
import { Transactions } from '../database/transactions';

/**
 * The only SQL of `login_throttle`: failed logins per key (an account or a client address) in a
 * fixed window, and the lockout that follows when they reach the limit. Shared by every instance
 * on the database, so neither a second instance nor a forged header resets it.
 */
@Injectable()
export class LoginThrottleRepository {
  private failuresSinceSweep = 0;

  constructor(private readonly transactions: Transactions) {}

  /** Seconds until the longest lockout among `keys` ends; 0 when none is locked. */
  async lockedSeconds(keys: string[], now: Date): Promise<number> {
    const rows: { until: Date | null }[] = await this.transactions.autocommit.query(
      `SELECT max(blocked_until) AS until FROM login_throttle
        WHERE key = ANY($1::text[]) AND blocked_until > $2`,
      [keys, now],
    );
    const until = rows[0]?.until;
    return until ? Math.ceil((until.getTime() - now.getTime()) / 1000) : 0;
  }

  /** Counts a failure; the one that reaches `limit` locks the key for a whole window. */
  async fail(key: string, limit: number, windowSeconds: number, now: Date): Promise<void> {
    await this.transactions.autocommit.query(
      `INSERT INTO login_throttle AS t (key, failures, window_ends_at, blocked_until)
       VALUES ($1, 1, $2::timestamptz + make_interval(secs => $3),
               CASE WHEN $4 <= 1 THEN $2::timestamptz + make_interval(secs => $3) END)
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN t.window_ends_at <= $2 THEN 1 ELSE t.failures + 1 END,
         window_ends_at = CASE WHEN t.window_ends_at <= $2 THEN EXCLUDED.window_ends_at
                               ELSE t.window_ends_at END,
         blocked_until = CASE
           WHEN (CASE WHEN t.window_ends_at <= $2 THEN 1 ELSE t.failures + 1 END) >= $4
           THEN $2::timestamptz + make_interval(secs => $3)
           ELSE t.blocked_until END`,
      [key, now, windowSeconds, limit],
    );
    if (++this.failuresSinceSweep >= 100) {
      this.failuresSinceSweep = 0;
      await this.sweep(now);
    }
  }

  async clear(key: string): Promise<void> {
    await this.transactions.autocommit.query(`DELETE FROM login_throttle WHERE key = $1`, [key]);
  }

  /** Forgets keys whose window and lockout both ended a day ago (phones sprayed at random). */
  private async sweep(now: Date): Promise<void> {
    await this.transactions.autocommit.query(
      `DELETE FROM login_throttle
        WHERE window_ends_at < $1::timestamptz - interval '1 day'
          AND (blocked_until IS NULL OR blocked_until < $1::timestamptz - interval '1 day')`,
      [now],
    );
  }
}
