import { Injectable } from '@nestjs/common';
import { MembersService } from '../associations/members.service';
import type { Actor } from '../auth/actor';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { ConventionCommentRepository } from './convention-comment.repository';
import { ConventionVersionRepository } from './convention-version.repository';
import { canComment, canReadComments } from './conventions.policy';
import type { CommentDto } from './dto/version.dto';
import type { CommentView } from './dto/version.view';
import { readableVersion } from './version-access';

/** The comment period: members of the association comment on the draft, signed with their name. */
@Injectable()
export class CommentsService {
  constructor(
    private readonly versions: ConventionVersionRepository,
    private readonly comments: ConventionCommentRepository,
    private readonly members: MembersService,
    private readonly clock: Clock,
  ) {}

  async add(actor: Actor, versionId: string, dto: CommentDto): Promise<CommentView> {
    const now = this.clock.now();
    const version = await readableVersion(this.versions, actor, versionId);
    if (!canComment(actor, version)) throw new DomainError('comment.members_only');
    const open =
      version.status === 'comment' &&
      version.commentsCloseAt !== null &&
      now < version.commentsCloseAt;
    if (!open) throw new DomainError('comment.period_closed', { number: version.number });
    const articleNumber = dto.articleNumber ?? null;
    if (articleNumber !== null && !(await this.versions.hasArticle(versionId, articleNumber))) {
      throw new DomainError('comment.no_such_article', { number: articleNumber });
    }
    const saved = await this.comments.add({
      versionId,
      memberId: actor.memberId,
      articleNumber,
      text: dto.text,
    });
    const names = await this.members.namesOf([actor.memberId]);
    return {
      id: saved.id,
      articleNumber: saved.articleNumber,
      text: saved.text,
      author: names.get(actor.memberId) ?? '',
      createdAt: saved.createdAt,
    };
  }

  async list(actor: Actor, versionId: string): Promise<CommentView[]> {
    const version = await readableVersion(this.versions, actor, versionId);
    if (!canReadComments(actor, version)) throw new DomainError('forbidden');
    const comments = await this.comments.listOf(versionId);
    const names = await this.members.namesOf(comments.map((c) => c.memberId));
    return comments.map((c) => ({
      id: c.id,
      articleNumber: c.articleNumber,
      text: c.text,
      author: names.get(c.memberId) ?? '',
      createdAt: c.createdAt,
    }));
  }
}
