import { Injectable } from '@nestjs/common';
import { type Tx, Transactions } from '../database/transactions';

/** The roster_feed table: one secret calendar address per member, kept as a hash. */
@Injectable()
export class RosterFeedRepository {
  constructor(private readonly transactions: Transactions) {}

  /** Sets the member's feed, replacing any earlier one (which stops working). */
  async replace(tx: Tx, memberId: string, tokenHash: string): Promise<void> {
    await tx.query(
      `INSERT INTO roster_feed (member_id, token_hash) VALUES ($1, $2)
       ON CONFLICT (member_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = now()`,
      [memberId, tokenHash],
    );
  }

  /** The active member a feed belongs to, or null. */
  async memberOf(tokenHash: string): Promise<string | null> {
    const rows: { member_id: string }[] = await this.transactions.autocommit.query(
      `SELECT f.member_id FROM roster_feed f JOIN member m ON m.id = f.member_id
        WHERE f.token_hash = $1 AND m.active`,
      [tokenHash],
    );
    return rows[0]?.member_id ?? null;
  }
}
