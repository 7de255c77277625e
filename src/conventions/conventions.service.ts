import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { canReadAssociation } from '../auth/policy';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { DAY_MS } from '../common/shanghai-time';
import { Transactions, type Tx } from '../database/transactions';
import { DEFAULT_ADOPTION_RULES, looserRules, stricterRules } from './adoption-rules';
import { BallotsService } from './ballots.service';
import { DEFAULT_PARAMETERS } from './convention-parameters';
import { ConventionRulesService } from './convention-rules.service';
import type { AdoptionRules, ConventionArticle, ConventionVersion } from './convention-version';
import { ConventionVersionRepository } from './convention-version.repository';
import { toSummaryView, toVersionView } from './convention-views';
import { canAmend, canSeeDrafts } from './conventions.policy';
import {
  adoptionArticleOf,
  type AdoptionRuleFields,
  ballotTooWeak,
  carriedArticles,
  draftInvalid,
  draftProblems,
  withRules,
} from './draft-rules';
import type { ArticleDto, DraftVersionDto, UpdateDraftDto } from './dto/version.dto';
import type { Version, VersionDiff, VersionSummary } from '../shared/api/conventions';
import { asParameters } from './parameter-rules';
import { councilVersion, readableVersion } from './version-access';
import { diffVersions } from '../shared/conventions/version-diff';

/** What the public board (公示) shows of the convention: never a draft. */
export interface PublicConventionRecord {
  inForce: ConventionVersion | null;
  inForceArticles: ConventionArticle[];
  /** Every version past its draft, newest first. */
  versions: ConventionVersion[];
}

/** Drafting and amending the convention, and reading its versions. */
@Injectable()
export class ConventionsService {
  constructor(
    private readonly versions: ConventionVersionRepository,
    private readonly transactions: Transactions,
    private readonly rules: ConventionRulesService,
    private readonly ballots: BallotsService,
    private readonly clock: Clock,
  ) {}

  async current(actor: Actor): Promise<Version> {
    const version = await this.rules.versionInForce(actor.associationId, this.clock.now());
    if (!version) throw new DomainError('convention.none_in_force');
    return this.view(version, version.id);
  }

  async list(actor: Actor, associationId = actor.associationId): Promise<VersionSummary[]> {
    if (!canReadAssociation(actor, associationId)) {
      throw DomainError.notFound('association', associationId);
    }
    const versions = await this.versions.listOf(associationId);
    const inForce = await this.rules.versionInForce(associationId, this.clock.now());
    return versions
      .filter((v) => v.status !== 'draft' || canSeeDrafts(actor, associationId))
      .map((v) => toSummaryView(v, inForce?.id ?? null));
  }

  async get(actor: Actor, id: string): Promise<Version> {
    const version = await readableVersion(this.versions, actor, id);
    const inForce = await this.rules.versionInForce(version.associationId, this.clock.now());
    return this.view(version, inForce?.id ?? null);
  }

  async diff(actor: Actor, fromId: string, toId: string): Promise<VersionDiff> {
    const [a, b] = await Promise.all([
      readableVersion(this.versions, actor, fromId),
      readableVersion(this.versions, actor, toId),
    ]);
    const [articlesA, articlesB] = await Promise.all([
      this.versions.articlesOf(a.id),
      this.versions.articlesOf(b.id),
    ]);
    return diffVersions(
      { number: a.number, articles: articlesA, parameters: a.parameters },
      { number: b.number, articles: articlesB, parameters: b.parameters },
    );
  }

  /**
   * A new version: the whole text, or the amended version's text with the changes given. Its own
   * vote follows the adoption rules in force (article 10), whatever rules it proposes.
   */
  async draft(actor: Actor, dto: DraftVersionDto): Promise<Version> {
    if (!canAmend(actor, actor.associationId)) throw new DomainError('council.only');
    const now = this.clock.now();
    const id = await this.transactions.run(async (tx) => {
      const number = await this.versions.nextNumber(actor.associationId, tx);
      const base = dto.amendsVersionId
        ? await councilVersion(this.versions, actor, dto.amendsVersionId, tx)
        : await this.rules.versionInForce(actor.associationId, now, tx);
      const articles = dto.articles
        ? dto.articles.map(toArticle)
        : base
          ? carriedArticles(await this.versions.articlesOf(base.id, tx))
          : [];
      const adoptionRules = withRules(base?.adoptionRules ?? DEFAULT_ADOPTION_RULES, dto);
      const version = {
        associationId: actor.associationId,
        number,
        title: dto.title,
        amendsVersionId: base?.id ?? null,
        parameters: asParameters({
          // A version adopted before a parameter existed holds the default for it.
          ...DEFAULT_PARAMETERS,
          ...base?.parameters,
          ...definedOnly(dto.parameters),
        }),
        adoptionRules,
        adoptionArticle: adoptionArticleOf(
          dto.adoptionArticle,
          base?.adoptionArticle ?? null,
          articles,
        ),
        ballot: await this.ballotFor(actor.associationId, null, dto.ballot, tx),
        proposedEffectiveFrom: dto.proposedEffectiveFrom
          ? new Date(dto.proposedEffectiveFrom)
          : null,
        draftedBy: actor.memberId,
      };
      assertWellFormed(version, articles);
      const id = await this.versions.insert(version, tx);
      await this.versions.replaceArticles(id, articles, tx);
      return id;
    });
    return this.get(actor, id);
  }

  /** Changes a draft before its comment period opens. */
  async update(actor: Actor, id: string, dto: UpdateDraftDto): Promise<Version> {
    await this.transactions.run(async (tx) => {
      const version = await councilVersion(this.versions, actor, id, tx);
      if (version.status !== 'draft') {
        throw new DomainError('version.changes_closed', { number: version.number });
      }
      const articles = dto.articles
        ? dto.articles.map(toArticle)
        : await this.versions.articlesOf(id, tx);
      const changed: ConventionVersion = {
        ...version,
        title: dto.title ?? version.title,
        parameters: {
          ...DEFAULT_PARAMETERS,
          ...version.parameters,
          ...definedOnly(dto.parameters),
        },
        adoptionRules: withRules(version.adoptionRules, dto),
        adoptionArticle: adoptionArticleOf(dto.adoptionArticle, version.adoptionArticle, articles),
        ballot: await this.ballotFor(version.associationId, version.ballot, dto.ballot, tx),
        proposedEffectiveFrom: dto.proposedEffectiveFrom
          ? new Date(dto.proposedEffectiveFrom)
          : version.proposedEffectiveFrom,
      };
      assertWellFormed(changed, articles);
      await this.versions.update(changed, tx);
      if (dto.articles) await this.versions.replaceArticles(id, articles, tx);
    });
    return this.get(actor, id);
  }

  /**
   * Opens the comment period. The rules in force now bind the vote from here on, even if another
   * version came into force since the draft was written.
   */
  async openComments(actor: Actor, id: string): Promise<Version> {
    const now = this.clock.now();
    await this.transactions.run(async (tx) => {
      const version = await councilVersion(this.versions, actor, id, tx);
      if (version.status !== 'draft') {
        throw new DomainError('version.not_draft', { number: version.number });
      }
      const binding = await this.rules.adoptionRulesInForce(version.associationId, now, tx);
      const ballot = stricterRules(version.ballot, binding.rules);
      await this.versions.update(
        {
          ...version,
          ballot,
          status: 'comment',
          commentsOpenAt: now,
          commentsCloseAt: new Date(now.getTime() + ballot.commentDays * DAY_MS),
        },
        tx,
      );
    });
    return this.get(actor, id);
  }

  /** For the public board: the version in force with its text, and every version past its draft. */
  async publicRecord(associationId: string): Promise<PublicConventionRecord> {
    const inForce = await this.rules.versionInForce(associationId, this.clock.now());
    const versions = await this.versions.listOf(associationId);
    return {
      inForce,
      inForceArticles: inForce ? await this.versions.articlesOf(inForce.id) : [],
      versions: versions.filter((v) => v.status !== 'draft'),
    };
  }

  /**
   * The rules of a draft's own vote: the adoption rules in force, or stricter ones the council
   * asked for (`current`, `requested`); never looser than those in force when the draft was
   * written or changed. Asking for looser ones is refused, citing the article that states them.
   */
  private async ballotFor(
    associationId: string,
    current: AdoptionRules | null,
    requested: AdoptionRuleFields | undefined,
    tx: Tx,
  ): Promise<AdoptionRules> {
    const binding = await this.rules.adoptionRulesInForce(associationId, this.clock.now(), tx);
    const kept = current ? stricterRules(current, binding.rules) : binding.rules;
    if (!requested) return kept;
    const asked = withRules(kept, requested);
    const looser = looserRules(asked, binding.rules);
    if (looser.length > 0) throw ballotTooWeak(looser, binding.article);
    return asked;
  }

  private async view(version: ConventionVersion, inForceId: string | null): Promise<Version> {
    const [articles, receipts] = await Promise.all([
      this.versions.articlesOf(version.id),
      this.ballots.publishedReceipts(version),
    ]);
    return toVersionView(version, articles, inForceId, receipts);
  }
}

function assertWellFormed(
  version: Pick<ConventionVersion, 'parameters' | 'adoptionRules' | 'adoptionArticle'>,
  articles: ConventionArticle[],
): void {
  const problems = draftProblems({ ...version, articles });
  if (problems.length > 0) throw draftInvalid(problems);
}

function toArticle(a: ArticleDto): ConventionArticle {
  return { number: a.number, text: a.text, parameters: a.parameters ?? [] };
}

/** The fields a DTO really carries: validated instances hold `undefined` for omitted ones. */
function definedOnly(dto: object | undefined): Record<string, unknown> {
  return Object.fromEntries(Object.entries(dto ?? {}).filter(([, value]) => value !== undefined));
}
