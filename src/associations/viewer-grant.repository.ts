import { Injectable } from '@nestjs/common';
import { Transactions, type Tx } from '../database/transactions';

/** The only SQL of `viewer_grant`: which associations a street-office viewer may read. */
@Injectable()
export class ViewerGrantRepository {
  constructor(private readonly transactions: Transactions) {}

  async grantedTo(memberId: string, tx: Tx = this.transactions.autocommit): Promise<string[]> {
    const rows: { association_id: string }[] = await tx.query(
      `SELECT association_id FROM viewer_grant WHERE member_id = $1 ORDER BY association_id`,
      [memberId],
    );
    return rows.map((r) => r.association_id);
  }

  async viewersOf(associationId: string, tx: Tx = this.transactions.autocommit): Promise<string[]> {
    const rows: { member_id: string }[] = await tx.query(
      `SELECT member_id FROM viewer_grant WHERE association_id = $1`,
      [associationId],
    );
    return rows.map((r) => r.member_id);
  }

  async grant(tx: Tx, memberId: string, associationId: string): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `INSERT INTO viewer_grant (member_id, association_id) VALUES ($1, $2)
       ON CONFLICT DO NOTHING RETURNING 1`,
      [memberId, associationId],
    );
    return rows.length > 0;
  }

  async revoke(tx: Tx, memberId: string, associationId: string): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `WITH gone AS (DELETE FROM viewer_grant WHERE member_id = $1 AND association_id = $2
                      RETURNING 1)
       SELECT 1 FROM gone`,
      [memberId, associationId],
    );
    return rows.length > 0;
  }
}
