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
  holder_member_id: string | null;
  asked_at: Date;
  answer: MoveAnswer | null;
  answered_at: Date | null;
  notice_expires_at: Date | null;
}

// A relayed request's plate is its permit's; a windscreen notice keeps the plate it was left on.
const COLUMNS = `r.id, r.association_id, COALESCE(p.plate, r.plate) AS plate, r.note, r.asked_by,
  r.holder_member_id, r.asked_at, r.answer, r.answered_at, r.notice_expires_at`;
const FROM = `move_request r LEFT JOIN permit p ON p.id = r.permit_id`;

export interface NewMoveRequest {
  associationId: string;
  permitId: string;
  askedBy: string;
  holderMemberId: string;
  note: string;
  at: Date;
}

export interface NewWindscreenNotice {
  associationId: string;
  plate: string;
  askedBy: string;
  note: string;
  at: Date;
  tokenHash: string;
  expiresAt: Date;
}

/** The only code that speaks SQL to `move_request`. */
@Injectable()
export class MoveRequestRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(request: NewMoveRequest, tx: Tx): Promise<MoveRequestFacts> {
    const rows: MoveRow[] = await tx.query(
      `WITH r AS (
         INSERT INTO move_request (association_id, permit_id, asked_by, holder_member_id, note, asked_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING *)
       SELECT ${COLUMNS} FROM r LEFT JOIN permit p ON p.id = r.permit_id`,
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

  async insertNotice(notice: NewWindscreenNotice, tx: Tx): Promise<MoveRequestFacts> {
    const rows: MoveRow[] = await tx.query(
      `WITH r AS (
         INSERT INTO move_request (association_id, plate, asked_by, note, asked_at,
           notice_token_hash, notice_expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *)
       SELECT ${COLUMNS} FROM r LEFT JOIN permit p ON p.id = r.permit_id`,
      [
        notice.associationId,
        notice.plate,
        notice.askedBy,
        notice.note,
        notice.at,
        notice.tokenHash,
        notice.expiresAt,
      ],
    );
    return toFacts(rows[0]!);
  }

  /** Requests a member asked or was asked, the latest first. */
  async involving(memberId: string, limit: number): Promise<MoveRequestFacts[]> {
    const rows: MoveRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM ${FROM}
        WHERE r.holder_member_id = $1 OR r.asked_by = $1
        ORDER BY r.asked_at DESC LIMIT $2`,
      [memberId, limit],
    );
    return rows.map(toFacts);
  }

  /** The holder's request under a row lock, or null when it is not theirs. */
  async lockAskedOf(id: string, holderMemberId: string, tx: Tx): Promise<MoveRequestFacts | null> {
    const rows: MoveRow[] = await tx.query(
      `SELECT ${COLUMNS} FROM ${FROM}
        WHERE r.id = $1 AND r.holder_member_id = $2 FOR UPDATE OF r`,
      [id, holderMemberId],
    );
    return rows[0] ? toFacts(rows[0]) : null;
  }

  /** The notice whose token hashes to this, under a row lock when `tx` is given. */
  async noticeByTokenHash(tokenHash: string, tx?: Tx): Promise<MoveRequestFacts | null> {
    const rows: MoveRow[] = await (tx ?? this.dataSource).query(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE r.notice_token_hash = $1${tx ? ' FOR UPDATE OF r' : ''}`,
      [tokenHash],
    );
    return rows[0] ? toFacts(rows[0]) : null;
  }

  async answer(id: string, answer: MoveAnswer, at: Date, tx: Tx): Promise<MoveRequestFacts> {
    const rows: MoveRow[] = await tx.query(
      `WITH r AS (
         UPDATE move_request SET answer = $2, answered_at = $3 WHERE id = $1 RETURNING *)
       SELECT ${COLUMNS} FROM r LEFT JOIN permit p ON p.id = r.permit_id`,
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
    noticeExpiresAt: row.notice_expires_at,
  };
}
