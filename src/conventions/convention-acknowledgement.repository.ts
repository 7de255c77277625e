import { Injectable } from '@nestjs/common';
import { Transactions, type Tx } from '../database/transactions';

/** Members' signatures under a version (convention_acknowledgement). */
@Injectable()
export class ConventionAcknowledgementRepository {
  constructor(private readonly transactions: Transactions) {}

  /** Signs once: signing again keeps the first signature, whose time is returned. */
  async sign(versionId: string, memberId: string, at: Date, tx?: Tx): Promise<Date> {
    const db = this.db(tx);
    await db.query(
      `INSERT INTO convention_acknowledgement (version_id, member_id, acknowledged_at)
       VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [versionId, memberId, at],
    );
    const rows = await db.query<{ acknowledged_at: Date }[]>(
      `SELECT acknowledged_at FROM convention_acknowledgement
        WHERE version_id = $1 AND member_id = $2`,
      [versionId, memberId],
    );
    return rows[0]!.acknowledged_at;
  }

  async signersOf(versionId: string, tx?: Tx): Promise<Set<string>> {
    const rows = await this.db(tx).query<{ member_id: string }[]>(
      `SELECT member_id FROM convention_acknowledgement WHERE version_id = $1`,
      [versionId],
    );
    return new Set(rows.map((r) => r.member_id));
  }

  private db(tx?: Tx): Tx {
    return tx ?? this.transactions.autocommit;
  }
}
