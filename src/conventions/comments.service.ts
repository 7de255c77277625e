import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { ConventionComment } from './convention-ballot.entities';
import type { CommentDto } from './dto/version.dto';
import type { CommentView } from './dto/version.view';
import { readableVersion } from './version-access';

/** The comment period: members of the association comment on the draft, signed with their name. */
@Injectable()
export class CommentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async add(actor: Actor, versionId: string, dto: CommentDto): Promise<CommentView> {
    const now = this.clock.now();
    const version = await readableVersion(this.dataSource.manager, actor, versionId);
    if (
      actor.associationId !== version.associationId ||
      actor.role === 'viewer' ||
      actor.role === 'unit'
    ) {
      throw DomainError.forbidden(
        '只有本会成员可以提意见 / only members of the association comment',
      );
    }
    const open =
      version.status === 'comment' &&
      version.commentsCloseAt !== null &&
      now < version.commentsCloseAt;
    if (!open) {
      throw DomainError.conflict(
        `第${version.number}版不在征求意见期 / version ${version.number} is not open for comments`,
      );
    }
    if (dto.articleNumber !== undefined) {
      const exists: unknown[] = await this.dataSource.query(
        `SELECT 1 FROM convention_article WHERE version_id = $1 AND number = $2`,
        [versionId, dto.articleNumber],
      );
      if (exists.length === 0) {
        throw DomainError.invalid(
          `草案没有第${dto.articleNumber}条 / the draft has no article ${dto.articleNumber}`,
        );
      }
    }
    const saved = await this.dataSource.getRepository(ConventionComment).save({
      versionId,
      memberId: actor.memberId,
      articleNumber: dto.articleNumber ?? null,
      text: dto.text,
    });
    const [author] = await this.dataSource.query<{ name: string }[]>(
      `SELECT name FROM member WHERE id = $1`,
      [actor.memberId],
    );
    return {
      id: saved.id,
      articleNumber: saved.articleNumber,
      text: saved.text,
      author: author?.name ?? '',
      createdAt: saved.createdAt,
    };
  }

  async list(actor: Actor, versionId: string): Promise<CommentView[]> {
    const version = await readableVersion(this.dataSource.manager, actor, versionId);
    if (actor.associationId !== version.associationId) throw DomainError.forbidden();
    const rows: {
      id: string;
      article_number: number | null;
      text: string;
      name: string;
      created_at: Date;
    }[] = await this.dataSource.query(
      `SELECT c.id, c.article_number, c.text, m.name, c.created_at
         FROM convention_comment c JOIN member m ON m.id = c.member_id
        WHERE c.version_id = $1 ORDER BY c.created_at`,
      [versionId],
    );
    return rows.map((r) => ({
      id: r.id,
      articleNumber: r.article_number,
      text: r.text,
      author: r.name,
      createdAt: r.created_at,
    }));
  }
}
