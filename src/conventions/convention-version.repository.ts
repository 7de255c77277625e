import { Injectable } from '@nestjs/common';
import { Transactions, type Tx } from '../database/transactions';
import type { ConventionParameters } from './convention-parameters';
import type {
  AdoptionRules,
  ConventionArticle,
  ConventionVersion,
  VersionStatus,
  VotingUnit,
} from './convention-version';

/** A version as the council drafts it; the rest of its columns fill in as it goes to the vote. */
export type NewVersion = Pick<
  ConventionVersion,
  | 'associationId'
  | 'number'
  | 'title'
  | 'amendsVersionId'
  | 'parameters'
  | 'adoptionRules'
  | 'adoptionArticle'
  | 'ballot'
  | 'proposedEffectiveFrom'
  | 'draftedBy'
>;

type Lock = 'share' | 'update';

/**
 * The convention's versions and their articles (one aggregate): every statement on
 * convention_version and convention_article. Plain SQL: the locks that order numbering, the vote
 * and its close live here.
 */
@Injectable()
export class ConventionVersionRepository {
  constructor(private readonly transactions: Transactions) {}

  async findById(id: string, tx?: Tx, lock?: Lock): Promise<ConventionVersion | null> {
    const rows = await this.db(tx).query<VersionRow[]>(
      `SELECT * FROM convention_version WHERE id = $1 ${forLock(lock)}`,
      [id],
    );
    return rows[0] ? toVersion(rows[0]) : null;
  }

  async listOf(associationId: string, tx?: Tx): Promise<ConventionVersion[]> {
    const rows = await this.db(tx).query<VersionRow[]>(
      `SELECT * FROM convention_version WHERE association_id = $1 ORDER BY number DESC`,
      [associationId],
    );
    return rows.map(toVersion);
  }

  /** The adopted version with the latest effective date not after `at`. */
  async inForce(associationId: string, at: Date, tx?: Tx): Promise<ConventionVersion | null> {
    const rows = await this.db(tx).query<VersionRow[]>(
      `SELECT * FROM convention_version
        WHERE association_id = $1 AND status = 'adopted' AND effective_from <= $2
        ORDER BY effective_from DESC, number DESC LIMIT 1`,
      [associationId, at],
    );
    return rows[0] ? toVersion(rows[0]) : null;
  }

  /** Version numbers are handed out one at a time per association: hold this until commit. */
  async nextNumber(associationId: string, tx: Tx): Promise<number> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('convention:' || $1))`, [associationId]);
    const rows = await tx.query<{ next: number }[]>(
      `SELECT coalesce(max(number), 0) + 1 AS next FROM convention_version WHERE association_id = $1`,
      [associationId],
    );
    return rows[0]!.next;
  }

  async insert(version: NewVersion, tx: Tx): Promise<string> {
    const rows = await tx.query<{ id: string }[]>(
      `INSERT INTO convention_version (association_id, number, title, status, amends_version_id,
         parameters, adoption_article, proposed_effective_from, drafted_by, ${RULE_COLUMNS})
       VALUES ($1, $2, $3, 'draft', $4, $5, $6, $7, $8, ${placeholders(9, 26)})
       RETURNING id`,
      [
        version.associationId,
        version.number,
        version.title,
        version.amendsVersionId,
        JSON.stringify(version.parameters),
        version.adoptionArticle,
        version.proposedEffectiveFrom,
        version.draftedBy,
        ...ruleValues(version.adoptionRules),
        ...ruleValues(version.ballot),
      ],
    );
    return rows[0]!.id;
  }

  /** Writes back everything the service may change on a version, under the caller's lock. */
  async update(v: ConventionVersion, tx: Tx): Promise<void> {
    await tx.query(
      `UPDATE convention_version SET (title, status, parameters, adoption_article,
         proposed_effective_from, comments_open_at, comments_close_at, voting_open_at,
         voting_close_at, eligible_voters, votes_yes, votes_no, votes_abstain, quorum_met,
         threshold_met, result_at, notice_until, effective_from, ${RULE_COLUMNS})
       = (${placeholders(2, 37)}) WHERE id = $1`,
      [
        v.id,
        v.title,
        v.status,
        JSON.stringify(v.parameters),
        v.adoptionArticle,
        v.proposedEffectiveFrom,
        v.commentsOpenAt,
        v.commentsCloseAt,
        v.votingOpenAt,
        v.votingCloseAt,
        v.eligibleVoters,
        v.votesYes,
        v.votesNo,
        v.votesAbstain,
        v.quorumMet,
        v.thresholdMet,
        v.resultAt,
        v.noticeUntil,
        v.effectiveFrom,
        ...ruleValues(v.adoptionRules),
        ...ruleValues(v.ballot),
      ],
    );
  }

  async articlesOf(versionId: string, tx?: Tx): Promise<ConventionArticle[]> {
    return this.db(tx).query<ConventionArticle[]>(
      `SELECT number, text, parameters FROM convention_article
        WHERE version_id = $1 ORDER BY number`,
      [versionId],
    );
  }

  async hasArticle(versionId: string, number: number, tx?: Tx): Promise<boolean> {
    const rows = await this.db(tx).query<unknown[]>(
      `SELECT 1 FROM convention_article WHERE version_id = $1 AND number = $2`,
      [versionId, number],
    );
    return rows.length > 0;
  }

  async replaceArticles(versionId: string, articles: ConventionArticle[], tx: Tx): Promise<void> {
    await tx.query(`DELETE FROM convention_article WHERE version_id = $1`, [versionId]);
    await tx.query(
      `INSERT INTO convention_article (version_id, number, text, parameters)
       SELECT $1, a.number, a.text, array(SELECT jsonb_array_elements_text(a.parameters))
         FROM jsonb_to_recordset($2::jsonb) AS a(number int, text text, parameters jsonb)`,
      [versionId, JSON.stringify(articles)],
    );
  }

  /** Version numbers by id, for other features' ledgers. */
  async numbersOf(ids: string[]): Promise<Map<string, number>> {
    const rows = await this.db().query<{ id: string; number: number }[]>(
      `SELECT id, number FROM convention_version WHERE id = ANY($1::uuid[])`,
      [[...new Set(ids)]],
    );
    return new Map(rows.map((r) => [r.id, r.number]));
  }

  private db(tx?: Tx): Tx {
    return tx ?? this.transactions.autocommit;
  }
}

/** The adoption rules a version proposes, then those of its own vote. */
const RULE_COLUMNS = `voting_unit, quorum_numerator, quorum_denominator, threshold_numerator,
  threshold_denominator, abstentions_count_as_cast, comment_days, voting_days, notice_days,
  ballot_voting_unit, ballot_quorum_numerator, ballot_quorum_denominator,
  ballot_threshold_numerator, ballot_threshold_denominator, ballot_abstentions_count_as_cast,
  ballot_comment_days, ballot_voting_days, ballot_notice_days`;

function ruleValues(r: AdoptionRules): unknown[] {
  return [
    r.votingUnit,
    r.quorum.numerator,
    r.quorum.denominator,
    r.threshold.numerator,
    r.threshold.denominator,
    r.abstentionsCountAsCast,
    r.commentDays,
    r.votingDays,
    r.noticeDays,
  ];
}

function placeholders(from: number, to: number): string {
  return Array.from({ length: to - from + 1 }, (_, i) => `$${from + i}`).join(', ');
}

function forLock(lock: Lock | undefined): string {
  if (lock === 'update') return 'FOR UPDATE';
  if (lock === 'share') return 'FOR SHARE';
  return '';
}

interface VersionRow {
  id: string;
  association_id: string;
  number: number;
  title: string;
  status: VersionStatus;
  amends_version_id: string | null;
  parameters: ConventionParameters;
  voting_unit: VotingUnit;
  quorum_numerator: number;
  quorum_denominator: number;
  threshold_numerator: number;
  threshold_denominator: number;
  abstentions_count_as_cast: boolean;
  comment_days: number;
  voting_days: number;
  notice_days: number;
  ballot_voting_unit: VotingUnit;
  ballot_quorum_numerator: number;
  ballot_quorum_denominator: number;
  ballot_threshold_numerator: number;
  ballot_threshold_denominator: number;
  ballot_abstentions_count_as_cast: boolean;
  ballot_comment_days: number;
  ballot_voting_days: number;
  ballot_notice_days: number;
  adoption_article: number | null;
  proposed_effective_from: Date | null;
  drafted_by: string | null;
  comments_open_at: Date | null;
  comments_close_at: Date | null;
  voting_open_at: Date | null;
  voting_close_at: Date | null;
  eligible_voters: number | null;
  votes_yes: number | null;
  votes_no: number | null;
  votes_abstain: number | null;
  quorum_met: boolean | null;
  threshold_met: boolean | null;
  result_at: Date | null;
  notice_until: Date | null;
  effective_from: Date | null;
  created_at: Date;
}

function toVersion(r: VersionRow): ConventionVersion {
  return {
    id: r.id,
    associationId: r.association_id,
    number: r.number,
    title: r.title,
    status: r.status,
    amendsVersionId: r.amends_version_id,
    parameters: r.parameters,
    adoptionRules: {
      votingUnit: r.voting_unit,
      quorum: { numerator: r.quorum_numerator, denominator: r.quorum_denominator },
      threshold: { numerator: r.threshold_numerator, denominator: r.threshold_denominator },
      abstentionsCountAsCast: r.abstentions_count_as_cast,
      commentDays: r.comment_days,
      votingDays: r.voting_days,
      noticeDays: r.notice_days,
    },
    adoptionArticle: r.adoption_article,
    ballot: {
      votingUnit: r.ballot_voting_unit,
      quorum: { numerator: r.ballot_quorum_numerator, denominator: r.ballot_quorum_denominator },
      threshold: {
        numerator: r.ballot_threshold_numerator,
        denominator: r.ballot_threshold_denominator,
      },
      abstentionsCountAsCast: r.ballot_abstentions_count_as_cast,
      commentDays: r.ballot_comment_days,
      votingDays: r.ballot_voting_days,
      noticeDays: r.ballot_notice_days,
    },
    proposedEffectiveFrom: r.proposed_effective_from,
    draftedBy: r.drafted_by,
    commentsOpenAt: r.comments_open_at,
    commentsCloseAt: r.comments_close_at,
    votingOpenAt: r.voting_open_at,
    votingCloseAt: r.voting_close_at,
    eligibleVoters: r.eligible_voters,
    votesYes: r.votes_yes,
    votesNo: r.votes_no,
    votesAbstain: r.votes_abstain,
    quorumMet: r.quorum_met,
    thresholdMet: r.threshold_met,
    resultAt: r.result_at,
    noticeUntil: r.notice_until,
    effectiveFrom: r.effective_from,
    createdAt: r.created_at,
  };
}
