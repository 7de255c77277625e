import { Injectable } from '@nestjs/common';
import { Transactions, type Tx } from '../database/transactions';

export interface ObjectionRecord {
  id: string;
  spaceId: string;
  householdId: string;
  reason: string;
  raisedAt: Date;
  decision: 'upheld' | 'dismissed' | null;
  decisionReason: string | null;
  decidedAt: Date | null;
}

interface Row {
  id: string;
  space_id: string;
  household_id: string;
  reason: string;
  raised_at: Date;
  decision: 'upheld' | 'dismissed' | null;
  decision_reason: string | null;
  decided_at: Date | null;
}

/** Neighbours' objections to a newly painted space, and the council's written answers. */
@Injectable()
export class ObjectionRepository {
  constructor(private readonly transactions: Transactions) {}

  /** Every objection to the space, or those of one household (none when it has no household). */
  async list(
    spaceId: string,
    whose: 'all' | { householdId: string | null },
    tx: Tx = this.transactions.autocommit,
  ): Promise<ObjectionRecord[]> {
    const rows: Row[] = await tx.query(
      `SELECT * FROM space_objection WHERE space_id = $1 AND ($2 OR household_id = $3) ORDER BY raised_at`,
      [spaceId, whose === 'all', whose === 'all' ? null : whose.householdId],
    );
    return rows.map(toRecord);
  }

  /** A household's objections, newest first, with the code of the space objected to. */
  async ofHousehold(
    householdId: string,
    tx: Tx = this.transactions.autocommit,
  ): Promise<(ObjectionRecord & { spaceCode: string })[]> {
    const rows: (Row & { space_code: string })[] = await tx.query(
      `SELECT o.*, s.code AS space_code FROM space_objection o JOIN space s ON s.id = o.space_id
        WHERE o.household_id = $1 ORDER BY o.raised_at DESC`,
      [householdId],
    );
    return rows.map((row) => ({ ...toRecord(row), spaceCode: row.space_code }));
  }

  /** Refused by `space_objection_once_key` when the household has objected already. */
  async raise(
    tx: Tx,
    objection: { spaceId: string; householdId: string; raisedBy: string; reason: string; at: Date },
  ): Promise<ObjectionRecord> {
    const rows: Row[] = await tx.query(
      `INSERT INTO space_objection (space_id, household_id, raised_by, reason, raised_at)
       VALUES ($1, $2, $3, $4, $5) RETURNING *`,
      [
        objection.spaceId,
        objection.householdId,
        objection.raisedBy,
        objection.reason,
        objection.at,
      ],
    );
    return toRecord(rows[0]!);
  }

  /** Null when there is no undecided objection with this id on the space. */
  async decide(
    tx: Tx,
    decision: {
      spaceId: string;
      objectionId: string;
      decision: 'upheld' | 'dismissed';
      reason: string;
      by: string;
      at: Date;
    },
  ): Promise<ObjectionRecord | null> {
    const [rows]: [Row[], number] = await tx.query(
      `UPDATE space_objection SET decision = $3, decision_reason = $4, decided_by = $5, decided_at = $6
        WHERE id = $1 AND space_id = $2 AND decision IS NULL RETURNING *`,
      [
        decision.objectionId,
        decision.spaceId,
        decision.decision,
        decision.reason,
        decision.by,
        decision.at,
      ],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /** Objections of the association's spaces still waiting for the council's answer. */
  async undecidedCount(associationId: string): Promise<number> {
    const rows: { total: number }[] = await this.transactions.autocommit.query(
      `SELECT count(*)::int AS total FROM space_objection o JOIN space s ON s.id = o.space_id
        WHERE s.association_id = $1 AND s.consent = 'pending' AND o.decision IS NULL`,
      [associationId],
    );
    return rows[0]!.total;
  }

  /** How many objections to the space are still open, and how many were upheld. */
  async tally(tx: Tx, spaceId: string): Promise<{ open: number; upheld: number }> {
    const rows: { open: number; upheld: number }[] = await tx.query(
      `SELECT count(*) FILTER (WHERE decision IS NULL)::int AS open,
              count(*) FILTER (WHERE decision = 'upheld')::int AS upheld
         FROM space_objection WHERE space_id = $1`,
      [spaceId],
    );
    return rows[0]!;
  }
}

function toRecord(row: Row): ObjectionRecord {
  return {
    id: row.id,
    spaceId: row.space_id,
    householdId: row.household_id,
    reason: row.reason,
    raisedAt: row.raised_at,
    decision: row.decision,
    decisionReason: row.decision_reason,
    decidedAt: row.decided_at,
  };
}
