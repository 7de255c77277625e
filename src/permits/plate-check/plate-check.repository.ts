import { Injectable } from '@nestjs/common';
import type { Tx } from '../../database/transactions';

/** The only code that speaks SQL to `plate_check`: each question asked, which also rate-limits. */
@Injectable()
export class PlateCheckRepository {
  /**
   * Serialises one member's questions until `tx` ends, so a burst cannot slip past the limit
   * between the count and the insert.
   */
  async lockMember(memberId: string, tx: Tx): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('plate-check:' || $1))`, [memberId]);
  }

  async countSince(memberId: string, since: Date, tx: Tx): Promise<number> {
    const rows: { count: string }[] = await tx.query(
      `SELECT count(*) FROM plate_check WHERE member_id = $1 AND at > $2`,
      [memberId, since],
    );
    return Number(rows[0]?.count ?? 0);
  }

  async record(memberId: string, at: Date, tx: Tx): Promise<void> {
    await tx.query(`INSERT INTO plate_check (member_id, at) VALUES ($1, $2)`, [memberId, at]);
  }
}
