import { Injectable } from '@nestjs/common';
import { Transactions, type Tx } from '../database/transactions';
import type { LaneSegmentRule } from './clear-passage';

/** A lane's segments: its width and the clear passage (消防通道) each must keep. */
@Injectable()
export class LaneSegmentRepository {
  constructor(private readonly transactions: Transactions) {}

  async forLane(laneId: string, tx: Tx = this.transactions.autocommit): Promise<LaneSegmentRule[]> {
    const rows: { from_m: string; to_m: string; width_m: string; clear_passage_m: string }[] =
      await tx.query(
        `SELECT from_m, to_m, width_m, clear_passage_m FROM lane_segment WHERE lane_id = $1 ORDER BY from_m`,
        [laneId],
      );
    return rows.map((r) => ({
      fromM: Number(r.from_m),
      toM: Number(r.to_m),
      widthM: Number(r.width_m),
      clearPassageM: Number(r.clear_passage_m),
    }));
  }

  /** Refused by `lane_segment_no_overlap` when two of them overlap. */
  async replace(tx: Tx, laneId: string, segments: readonly LaneSegmentRule[]): Promise<void> {
    await tx.query(`DELETE FROM lane_segment WHERE lane_id = $1`, [laneId]);
    for (const s of segments) {
      await tx.query(
        `INSERT INTO lane_segment (lane_id, from_m, to_m, width_m, clear_passage_m) VALUES ($1, $2, $3, $4, $5)`,
        [laneId, s.fromM, s.toM, s.widthM, s.clearPassageM],
      );
    }
  }
}
