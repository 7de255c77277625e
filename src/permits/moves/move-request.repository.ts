import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Tx } from '../../database/transactions';
import type { MoveAnswer } from '../../shared/live/permits';
import type { MoveRequestFacts } from '../permits.events';

interface MoveRow {
  id: string;
  association_id: string;
  plate: string;
  note: string;
  asked_by: string;
  holder_member_id: string;
  asked_at: Date;
  answer: MoveAnswer | null;
  answered_at: Date | null;
}

const COLUMNS = `r.id, r.association_id, p.plate, r.note, r.asked_by, r.holder_member_id,
  r.asked_at, r.answer, r.answered_at`;

export interface NewMoveRequest {
  associationId: string;
  permitId: string;
  askedBy: string;
  holderMemberId: string;
  note: string;
  at: Date;
}

/** The only code that speaks SQL to `move_request` (its plate is its permit's). */
@Injectable()
export class MoveRequestRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(request: NewMoveRequest, tx: Tx): Promise<MoveRequestFacts> {
    const rows: MoveRow[] = await tx.query(
      `WITH asked AS (
         INSERT INTO move_request (association_id, permit_id, asked_by, holder_member_id, note, asked_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING *)
       SELECT ${COLUMNS} FROM asked r JOIN permit p ON p.id = r.permit_id`,
      [
        request.associationId,
        request.permitId,
        request.askedBy,
        request.holderMemberId,
        request.note,
        request.at,
      ],
    );
    return toFacts(rows[0]!);
  }

  /** Requests a member asked or was asked, the latest first. */
  async involving(memberId: string, limit: number): Promise<MoveRequestFacts[]> {
    const rows: MoveRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM move_request r JOIN permit p ON p.id = r.permit_id
        WHERE r.holder_member_id = $1 OR r.asked_by = $1
        ORDER BY r.asked_at DESC LIMIT $2`,
      [memberId, limit],
    );
    return rows.map(toFacts);
  }

  /** The holder's request under a row lock, or null when it is not theirs. */
  async lockAskedOf(id: string, holderMemberId: string, tx: Tx): Promise<MoveRequestFacts | null> {
    const rows: MoveRow[] = await tx.query(
      `SELECT ${COLUMNS} FROM move_request r JOIN permit p ON p.id = r.permit_id
        WHERE r.id = $1 AND r.holder_member_id = $2 FOR UPDATE OF r`,
      [id, holderMemberId],
    );
    return rows[0] ? toFacts(rows[0]) : null;
  }

  async answer(id: string, answer: MoveAnswer, at: Date, tx: Tx): Promise<MoveRequestFacts> {
    const rows: MoveRow[] = await tx.query(
      `WITH answered AS (
         UPDATE move_request SET answer = $2, answered_at = $3 WHERE id = $1 RETURNING *)
       SELECT ${COLUMNS} FROM answered r JOIN permit p ON p.id = r.permit_id`,
      [id, answer, at],
    );
    return toFacts(rows[0]!);
  }
}

function toFacts(row: MoveRow): MoveRequestFacts {
  return {
    id: row.id,
    associationId: row.association_id,
    plate: row.plate,
    note: row.note,
    askedBy: row.asked_by,
    holderMemberId: row.holder_member_id,
    askedAt: row.asked_at,
    answer: row.answer,
    answeredAt: row.answered_at,
  };
}
