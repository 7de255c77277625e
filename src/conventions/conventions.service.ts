import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { canReadAssociation, isCouncil } from '../auth/actor';
import { assertCouncilOf } from '../associations/scope';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { BallotsService } from './ballots.service';
import { ConventionArticle } from './convention-article.entity';
import { DEFAULT_PARAMETERS } from './convention-parameters';
import { ConventionRulesService } from './convention-rules.service';
import { ConventionVersion } from './convention-version.entity';
import { toSummaryView, toVersionView } from './convention-views';
import type { DraftVersionDto, UpdateDraftDto } from './dto/version.dto';
import type { VersionDiffView, VersionSummaryView, VersionView } from './dto/version.view';
import { asParameters, linkProblems, parameterProblems } from './parameter-rules';
import { councilVersion, readableVersion } from './version-access';
import { diffVersions } from './version-diff';
import { constraintOf } from './constraint';

const DAY_MS = 86_400_000;

/** Drafting and amending the convention, and reading its versions. */
@Injectable()
export class ConventionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rules: ConventionRulesService,
    private readonly ballots: BallotsService,
    private readonly clock: Clock,
  ) {}

  async current(actor: Actor): Promise<VersionView> {
    const version = await this.rules.versionInForce(actor.associationId, this.clock.now());
    if (!version) {
      throw new DomainError('convention.none_in_force');
    }
    return this.view(version, version.id);
  }

  async list(actor: Actor, associationId = actor.associationId): Promise<VersionSummaryView[]> {
    if (!canReadAssociation(actor, associationId)) {
      throw DomainError.notFound('association', associationId);
    }
    const versions = await this.dataSource.getRepository(ConventionVersion).find({
      where: { associationId },
      order: { number: 'DESC' },
    });
    const inForce = await this.rules.versionInForce(associationId, this.clock.now());
    return versions
      .filter((v) => v.status !== 'draft' || isCouncil(actor))
      .map((v) => toSummaryView(v, inForce?.id ?? null));
  }

  async get(actor: Actor, id: string): Promise<VersionView> {
    const version = await this.readable(actor, id);
    const inForce = await this.rules.versionInForce(version.associationId, this.clock.now());
    return this.view(version, inForce?.id ?? null);
  }

  async diff(actor: Actor, fromId: string, toId: string): Promise<VersionDiffView> {
    const [a, b] = await Promise.all([this.readable(actor, fromId), this.readable(actor, toId)]);
    const [articlesA, articlesB] = await Promise.all([
      this.articlesOf(a.id),
      this.articlesOf(b.id),
    ]);
    return diffVersions(
      { number: a.number, articles: articlesA, parameters: a.parameters },
      { number: b.number, articles: articlesB, parameters: b.parameters },
    );
  }

  /** A new version: the whole text, or the amended version's text with the changes given. */
  async draft(actor: Actor, dto: DraftVersionDto): Promise<VersionView> {
    assertCouncilOf(actor, actor.associationId);
    const id = await this.dataSource.transaction(async (em) => {
      // Version numbers are handed out one at a time per association.
      await em.query(`SELECT pg_advisory_xact_lock(hashtext('convention:' || $1))`, [
        actor.associationId,
      ]);
      const base = dto.amendsVersionId
        ? await this.ownVersion(em, actor, dto.amendsVersionId)
        : await this.rules.versionInForce(actor.associationId, this.clock.now());
      const baseArticles = base ? await this.articlesOf(base.id, em) : [];
      const articles = dto.articles ?? baseArticles;
      const parameters = {
        ...(base?.parameters ?? DEFAULT_PARAMETERS),
        ...definedOnly(dto.parameters),
      };
      const rows: { next: number }[] = await em.query(
        `SELECT coalesce(max(number), 0) + 1 AS next FROM convention_version WHERE association_id = $1`,
        [actor.associationId],
      );
      const version = em.getRepository(ConventionVersion).create({
        associationId: actor.associationId,
        number: rows[0]!.next,
        title: dto.title,
        status: 'draft',
        amendsVersionId: base?.id ?? null,
        parameters: asParameters(parameters),
        votingUnit: dto.votingUnit ?? 'household',
        quorumNumerator: dto.quorum?.numerator ?? 1,
        quorumDenominator: dto.quorum?.denominator ?? 2,
        thresholdNumerator: dto.threshold?.numerator ?? 2,
        thresholdDenominator: dto.threshold?.denominator ?? 3,
        abstentionsCountAsCast: dto.abstentionsCountAsCast ?? true,
        commentDays: dto.commentDays ?? 7,
        votingDays: dto.votingDays ?? 7,
        noticeDays: dto.noticeDays ?? 7,
        proposedEffectiveFrom: dto.proposedEffectiveFrom
          ? new Date(dto.proposedEffectiveFrom)
          : null,
        draftedBy: actor.memberId,
      });
      assertWellFormed(version, articles);
      const saved = await em.getRepository(ConventionVersion).save(version);
      await this.saveArticles(em, saved.id, articles);
      return saved.id;
    });
    return this.get(actor, id);
  }

  /** Changes a draft before its comment period opens. */
  async update(actor: Actor, id: string, dto: UpdateDraftDto): Promise<VersionView> {
    await this.dataSource.transaction(async (em) => {
      const version = await this.ownVersion(em, actor, id, true);
      if (version.status !== 'draft') {
        throw DomainError.conflict(
          '征求意见开始后不可修改 / only a draft can be changed; amend it with a new version',
        );
      }
      const articles = dto.articles ?? (await this.articlesOf(id, em));
      Object.assign(version, {
        title: dto.title ?? version.title,
        parameters: { ...version.parameters, ...definedOnly(dto.parameters) },
        votingUnit: dto.votingUnit ?? version.votingUnit,
        quorumNumerator: dto.quorum?.numerator ?? version.quorumNumerator,
        quorumDenominator: dto.quorum?.denominator ?? version.quorumDenominator,
        thresholdNumerator: dto.threshold?.numerator ?? version.thresholdNumerator,
        thresholdDenominator: dto.threshold?.denominator ?? version.thresholdDenominator,
        abstentionsCountAsCast: dto.abstentionsCountAsCast ?? version.abstentionsCountAsCast,
        commentDays: dto.commentDays ?? version.commentDays,
        votingDays: dto.votingDays ?? version.votingDays,
        noticeDays: dto.noticeDays ?? version.noticeDays,
        proposedEffectiveFrom: dto.proposedEffectiveFrom
          ? new Date(dto.proposedEffectiveFrom)
          : version.proposedEffectiveFrom,
      });
      assertWellFormed(version, articles);
      await em.getRepository(ConventionVersion).save(version);
      if (dto.articles) {
        await em.delete(ConventionArticle, { versionId: id });
        await this.saveArticles(em, id, articles);
      }
    });
    return this.get(actor, id);
  }

  /** Opens the comment period: members read the draft and comment for `commentDays`. */
  async openComments(actor: Actor, id: string): Promise<VersionView> {
    const now = this.clock.now();
    try {
      await this.dataSource.transaction(async (em) => {
        const version = await this.ownVersion(em, actor, id, true);
        if (version.status !== 'draft') {
          throw DomainError.conflict(
            `该版本已是"${version.status}" / version ${version.number} is no longer a draft`,
          );
        }
        version.status = 'comment';
        version.commentsOpenAt = now;
        version.commentsCloseAt = new Date(now.getTime() + version.commentDays * DAY_MS);
        await em.getRepository(ConventionVersion).save(version);
      });
    } catch (error) {
      if (constraintOf(error) === 'convention_version_one_open_key') {
        throw DomainError.conflict(
          '另一版本正在征求意见或表决 / another version is already open for comments or voting',
        );
      }
      throw error;
    }
    return this.get(actor, id);
  }

  readable(actor: Actor, id: string): Promise<ConventionVersion> {
    return readableVersion(this.dataSource.manager, actor, id);
  }

  articlesOf(versionId: string, em?: EntityManager): Promise<ConventionArticle[]> {
    return (em ?? this.dataSource.manager)
      .getRepository(ConventionArticle)
      .find({ where: { versionId }, order: { number: 'ASC' } });
  }

  private ownVersion(em: EntityManager, actor: Actor, id: string, lock = false) {
    return councilVersion(em, actor, id, lock);
  }

  private async saveArticles(
    em: EntityManager,
    versionId: string,
    articles: { number: number; text: string; parameters?: string[] }[],
  ) {
    await em.getRepository(ConventionArticle).insert(
      articles.map((a) => ({
        versionId,
        number: a.number,
        text: a.text,
        parameters: a.parameters ?? [],
      })),
    );
  }

  private async view(version: ConventionVersion, inForceId: string | null): Promise<VersionView> {
    const [articles, receipts] = await Promise.all([
      this.articlesOf(version.id),
      this.ballots.publishedReceipts(version),
    ]);
    return toVersionView(version, articles, inForceId, receipts);
  }
}

function assertWellFormed(
  version: ConventionVersion,
  articles: { number: number; parameters?: string[] }[],
): void {
  const problems = [
    ...parameterProblems(version.parameters as unknown as Record<string, unknown>),
    ...linkProblems(articles.map((a) => ({ number: a.number, parameters: a.parameters ?? [] }))),
  ];
  if (version.thresholdNumerator < 1 || version.thresholdNumerator > version.thresholdDenominator) {
    problems.push('threshold: 应在0与1之间 / the threshold must be above 0 and at most 1');
  }
  if (version.quorumNumerator > version.quorumDenominator) {
    problems.push('quorum: 不能超过全体 / the quorum must be at most 1');
  }
  if (articles.length === 0) problems.push('articles: 至少一条 / at least one article');
  if (problems.length > 0) {
    throw DomainError.invalid(
      `公约草案有误 / the draft is not well-formed: ${problems.join('; ')}`,
      {
        problems,
      },
    );
  }
}

/** The fields a DTO really carries: validated instances hold `undefined` for omitted ones. */
function definedOnly(dto: object | undefined): Record<string, unknown> {
  return Object.fromEntries(Object.entries(dto ?? {}).filter(([, value]) => value !== undefined));
}
