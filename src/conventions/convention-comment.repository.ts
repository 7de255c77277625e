import { Injectable } from '@nestjs/common';
import { Transactions, type Tx } from '../database/transactions';

export interface ConventionComment {
  id: string;
  memberId: string;
  articleNumber: number | null;
  text: string;
  createdAt: Date;
}

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
       RETURNING id, member_id, article_number, text, created_at`,
      [comment.versionId, comment.memberId, comment.articleNumber, comment.text],
    );
    return toComment(rows[0]!);
  }

  async listOf(versionId: string, tx?: Tx): Promise<ConventionComment[]> {
    const rows = await this.db(tx).query<CommentRow[]>(
      `SELECT id, member_id, article_number, text, created_at FROM convention_comment
        WHERE version_id = $1 ORDER BY created_at, id`,
      [versionId],
    );
    return rows.map(toComment);
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
}

function toComment(r: CommentRow): ConventionComment {
  return {
    id: r.id,
    memberId: r.member_id,
    articleNumber: r.article_number,
    text: r.text,
    createdAt: r.created_at,
  };
}
