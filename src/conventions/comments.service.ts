import { Injectable } from '@nestjs/common';
import { MembersService } from '../associations/members.service';
import type { Actor } from '../auth/actor';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { ConventionCommentRepository } from './convention-comment.repository';
import { ConventionVersionRepository } from './convention-version.repository';
import { canComment, canReadComments, canReplyToComment } from './conventions.policy';
import type { ConventionComment } from './convention-comment.repository';
import type { CommentDto, CommentReplyDto } from './dto/version.dto';
import type { VersionComment } from '../shared/api/conventions';
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

  async add(actor: Actor, versionId: string, dto: CommentDto): Promise<VersionComment> {
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
    return (await this.viewsOf([saved]))[0]!;
  }

  /** The council answers a comment in writing, once; every member reads it with the comment. */
  async reply(
    actor: Actor,
    versionId: string,
    commentId: string,
    dto: CommentReplyDto,
  ): Promise<VersionComment> {
    const version = await readableVersion(this.versions, actor, versionId);
    if (!canReplyToComment(actor, version)) throw new DomainError('comment.council_replies');
    const replied = await this.comments.reply(versionId, commentId, {
      text: dto.text,
      by: actor.memberId,
      at: this.clock.now(),
    });
    if (replied === null) throw DomainError.notFound('comment', commentId);
    if (replied === 'answered') throw new DomainError('comment.already_answered');
    return (await this.viewsOf([replied]))[0]!;
  }

  async list(actor: Actor, versionId: string): Promise<VersionComment[]> {
    const version = await readableVersion(this.versions, actor, versionId);
    if (!canReadComments(actor, version)) throw new DomainError('forbidden');
    return this.viewsOf(await this.comments.listOf(versionId));
  }

  private async viewsOf(comments: ConventionComment[]): Promise<VersionComment[]> {
    const names = await this.members.namesOf([
      ...comments.map((c) => c.memberId),
      ...comments.flatMap((c) => (c.reply?.by ? [c.reply.by] : [])),
    ]);
    return comments.map((c) => ({
      id: c.id,
      articleNumber: c.articleNumber,
      text: c.text,
      author: names.get(c.memberId) ?? '',
      createdAt: c.createdAt,
      reply: c.reply
        ? {
            text: c.reply.text,
            author: c.reply.by ? (names.get(c.reply.by) ?? '') : '',
            repliedAt: c.reply.at,
          }
        : null,
    }));
  }
}
