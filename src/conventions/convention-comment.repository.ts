import { Injectable } from '@nestjs/common';
import { Transactions, type Tx } from '../database/transactions';

export interface ConventionComment {
  id: string;
  memberId: string;
  articleNumber: number | null;
  text: string;
  createdAt: Date;
  /** The council's written answer, once given. */
  reply: { text: string; by: string | null; at: Date } | null;
}

const COLUMNS =
  'id, member_id, article_number, text, created_at, reply_text, replied_by, replied_at';

/** Members' comments on a draft during its comment period (convention_comment). */
@Injectable()
export class ConventionCommentRepository {
  constructor(private readonly transactions: Transactions) {}

  async add(
    comment: { versionId: string; memberId: string; articleNumber: number | null; text: string },
    tx?: Tx,
  ): Promise<ConventionComment> {
    const rows = await this.db(tx).query<CommentRow[]>(
      `INSERT INTO convention_comment (version_id, member_id, article_number, text)
       VALUES ($1, $2, $3, $4)
       RETURNING ${COLUMNS}`,
      [comment.versionId, comment.memberId, comment.articleNumber, comment.text],
    );
    return toComment(rows[0]!);
  }

  async listOf(versionId: string, tx?: Tx): Promise<ConventionComment[]> {
    const rows = await this.db(tx).query<CommentRow[]>(
      `SELECT ${COLUMNS} FROM convention_comment WHERE version_id = $1 ORDER BY created_at, id`,
      [versionId],
    );
    return rows.map(toComment);
  }

  /**
   * The council's answer to a comment of this version: 'answered' when it already has one, null
   * when the version has no such comment.
   */
  async reply(
    versionId: string,
    commentId: string,
    reply: { text: string; by: string; at: Date },
    tx?: Tx,
  ): Promise<ConventionComment | 'answered' | null> {
    const rows = await this.db(tx).query<CommentRow[]>(
      `WITH replied AS (
         UPDATE convention_comment SET reply_text = $3, replied_by = $4, replied_at = $5
          WHERE id = $2 AND version_id = $1 AND reply_text IS NULL RETURNING ${COLUMNS})
       SELECT * FROM replied`,
      [versionId, commentId, reply.text, reply.by, reply.at],
    );
    if (rows[0]) return toComment(rows[0]);
    const exists = await this.db(tx).query<{ id: string }[]>(
      `SELECT id FROM convention_comment WHERE id = $2 AND version_id = $1`,
      [versionId, commentId],
    );
    return exists.length > 0 ? 'answered' : null;
  }

  private db(tx?: Tx): Tx {
    return tx ?? this.transactions.autocommit;
  }
}

interface CommentRow {
  id: string;
  member_id: string;
  article_number: number | null;
  text: string;
  created_at: Date;
  reply_text: string | null;
  replied_by: string | null;
  replied_at: Date | null;
}

function toComment(r: CommentRow): ConventionComment {
  return {
    id: r.id,
    memberId: r.member_id,
    articleNumber: r.article_number,
    text: r.text,
    createdAt: r.created_at,
    reply:
      r.reply_text !== null && r.replied_at !== null
        ? { text: r.reply_text, by: r.replied_by, at: r.replied_at }
        : null,
  };
}
