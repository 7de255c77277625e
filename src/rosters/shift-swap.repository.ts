import { Injectable } from '@nestjs/common';
import { type Tx, Transactions } from '../database/transactions';
import type { Role } from '../auth/role';
import { changedRows } from '../database/changed-rows';
import type { ShiftKind } from './generation';

export const SWAP_STATUSES = ['offered', 'taken', 'approved', 'declined', 'cancelled'] as const;
export type SwapStatus = (typeof SWAP_STATUSES)[number];

/** A shift offered by the member on it, taken by another, decided by the council (换班). */
export interface ShiftSwap {
  id: string;
  associationId: string;
  shiftId: string;
  shiftName: string;
  kind: ShiftKind;
  startsAt: Date;
  endsAt: Date;
  status: SwapStatus;
  offeredBy: string;
  offeredByName: string;
  offeredByRole: Role;
  takenBy: string | null;
  takenByName: string | null;
  note: string;
  decidedBy: string | null;
  createdAt: Date;
  decidedAt: Date | null;
}

interface SwapRecord {
  id: string;
  association_id: string;
  shift_id: string;
  shift_name: string;
  kind: ShiftKind;
  starts_at: Date;
  ends_at: Date;
  status: SwapStatus;
  offered_by: string;
  offered_by_name: string;
  offered_by_role: Role;
  taken_by: string | null;
  taken_by_name: string | null;
  note: string;
  decided_by: string | null;
  created_at: Date;
  decided_at: Date | null;
}

const SWAP_SQL = `
  SELECT w.id, w.association_id, w.shift_id, s.name AS shift_name, s.kind, s.starts_at, s.ends_at,
         w.status, w.offered_by, o.name AS offered_by_name, o.role AS offered_by_role,
         w.taken_by, t.name AS taken_by_name, w.note, w.decided_by, w.created_at, w.decided_at
    FROM shift_swap w
    JOIN duty_shift s ON s.id = w.shift_id
    JOIN member o ON o.id = w.offered_by
    LEFT JOIN member t ON t.id = w.taken_by`;

/**
 * The shift_swap table. Rows are never deleted, so the history stays; each step changes a row
 * only from the status it expects, so two people racing for one offer cannot both win.
 */
@Injectable()
export class ShiftSwapRepository {
  constructor(private readonly transactions: Transactions) {}

  async list(associationId: string, status: string | null, limit: number): Promise<ShiftSwap[]> {
    const rows: SwapRecord[] = await this.transactions.autocommit.query(
      `${SWAP_SQL} WHERE w.association_id = $1 AND ($2::text IS NULL OR w.status = $2)
        ORDER BY w.created_at DESC LIMIT $3`,
      [associationId, status, limit],
    );
    return rows.map(toSwap);
  }

  async find(id: string, tx: Tx = this.transactions.autocommit): Promise<ShiftSwap | null> {
    const rows: SwapRecord[] = await tx.query(`${SWAP_SQL} WHERE w.id = $1`, [id]);
    return rows[0] ? toSwap(rows[0]) : null;
  }

  async insert(
    tx: Tx,
    offer: { associationId: string; shiftId: string; offeredBy: string; note: string },
  ): Promise<string> {
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO shift_swap (association_id, shift_id, offered_by, note)
       VALUES ($1, $2, $3, $4) RETURNING id`,
      [offer.associationId, offer.shiftId, offer.offeredBy, offer.note],
    );
    return rows[0]!.id;
  }

  /** The taker's claim; only one taker wins, while the row is still on offer. */
  async take(tx: Tx, id: string, takenBy: string, at: Date): Promise<boolean> {
    const taken = await changedRows(
      tx,
      `UPDATE shift_swap SET status = 'taken', taken_by = $2, taken_at = $3
        WHERE id = $1 AND status = 'offered' RETURNING id`,
      [id, takenBy, at],
    );
    return taken.length > 0;
  }

  /** Approves a taken swap (decidedBy null: the convention let it through without the council). */
  async approve(
    tx: Tx,
    id: string,
    decidedBy: string | null,
    at: Date,
  ): Promise<{ shiftId: string; offeredBy: string; takenBy: string } | null> {
    const rows = await changedRows<{ shift_id: string; offered_by: string; taken_by: string }>(
      tx,
      `UPDATE shift_swap SET status = 'approved', decided_by = $2, decided_at = $3
        WHERE id = $1 AND status = 'taken' RETURNING shift_id, offered_by, taken_by`,
      [id, decidedBy, at],
    );
    const row = rows[0];
    return row ? { shiftId: row.shift_id, offeredBy: row.offered_by, takenBy: row.taken_by } : null;
  }

  async close(
    tx: Tx,
    id: string,
    status: 'declined' | 'cancelled',
    by: string,
    at: Date,
  ): Promise<boolean> {
    const rows = await changedRows(
      tx,
      `UPDATE shift_swap SET status = $2, decided_by = $3, decided_at = $4
        WHERE id = $1 AND status IN ('offered', 'taken') RETURNING id`,
      [id, status, by, at],
    );
    return rows.length > 0;
  }
}

function toSwap(row: SwapRecord): ShiftSwap {
  return {
    id: row.id,
    associationId: row.association_id,
    shiftId: row.shift_id,
    shiftName: row.shift_name,
    kind: row.kind,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    status: row.status,
    offeredBy: row.offered_by,
    offeredByName: row.offered_by_name,
    offeredByRole: row.offered_by_role,
    takenBy: row.taken_by,
    takenByName: row.taken_by_name,
    note: row.note,
    decidedBy: row.decided_by,
    createdAt: row.created_at,
    decidedAt: row.decided_at,
  };
}
