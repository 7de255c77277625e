import { Injectable } from '@nestjs/common';
import { type Tx, Transactions } from '../database/transactions';

/** 交接班: what the outgoing warden tells the incoming one (a car to watch, a blocked space). */
export interface HandoverNote {
  id: string;
  shiftId: string;
  shiftName: string;
  authorName: string;
  body: string;
  createdAt: Date;
}

interface NoteRecord {
  id: string;
  shift_id: string;
  shift_name: string;
  author_name: string;
  body: string;
  created_at: Date;
}

const NOTES_SQL = `
  SELECT n.id, n.shift_id, s.name AS shift_name, m.name AS author_name, n.body, n.created_at
    FROM handover_note n
    JOIN duty_shift s ON s.id = n.shift_id
    JOIN member m ON m.id = n.author_id`;

/** The handover_note table. */
@Injectable()
export class HandoverNoteRepository {
  constructor(private readonly transactions: Transactions) {}

  async insert(
    tx: Tx,
    note: { associationId: string; shiftId: string; authorId: string; body: string },
  ): Promise<string> {
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO handover_note (association_id, shift_id, author_id, body)
       VALUES ($1, $2, $3, $4) RETURNING id`,
      [note.associationId, note.shiftId, note.authorId, note.body],
    );
    return rows[0]!.id;
  }

  async find(id: string, tx: Tx = this.transactions.autocommit): Promise<HandoverNote> {
    const rows: NoteRecord[] = await tx.query(`${NOTES_SQL} WHERE n.id = $1`, [id]);
    return toNote(rows[0]!);
  }

  /** Notes written in the association between two moments, newest first (at most 50). */
  async writtenBetween(
    associationId: string,
    from: Date,
    to: Date,
    tx: Tx = this.transactions.autocommit,
  ): Promise<HandoverNote[]> {
    const rows: NoteRecord[] = await tx.query(
      `${NOTES_SQL}
        WHERE n.association_id = $1 AND n.created_at >= $2 AND n.created_at <= $3
        ORDER BY n.created_at DESC LIMIT 50`,
      [associationId, from, to],
    );
    return rows.map(toNote);
  }
}

function toNote(row: NoteRecord): HandoverNote {
  return {
    id: row.id,
    shiftId: row.shift_id,
    shiftName: row.shift_name,
    authorName: row.author_name,
    body: row.body,
    createdAt: row.created_at,
  };
}
