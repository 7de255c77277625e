// What /api/conventions answers, as the server returns it (times as Date); the council's and the
// residents' screens read it as `Wire<…>` (src/shared/api/wire.ts). The OpenAPI classes in
// src/conventions/dto/version.view.ts implement these. Types only.
import type { ConventionParameters } from '../conventions/parameters';

export type { VersionDiff } from '../conventions/version-diff';

export type VersionStatus = 'draft' | 'comment' | 'voting' | 'adopted' | 'rejected';
export type VotingUnit = 'household' | 'member';
export type VoteChoice = 'yes' | 'no' | 'abstain';

export interface Fraction {
  numerator: number;
  denominator: number;
}

/**
 * How a version of the convention is adopted: who votes, how many must take part and agree, how
 * long comments, the vote and the public notice (公示) last. A version in force states the rules
 * for amending it (article 10 of 下岗胡同's convention).
 */
export interface AdoptionRules {
  votingUnit: VotingUnit;
  quorum: Fraction;
  threshold: Fraction;
  /** Abstentions weigh in the threshold's base like a no. */
  abstentionsCountAsCast: boolean;
  commentDays: number;
  votingDays: number;
  noticeDays: number;
}

/** The vote record of a closed vote: counts only, never who voted how. */
export interface VoteResult {
  eligible: number;
  yes: number;
  no: number;
  abstain: number;
  turnout: number;
  quorumMet: boolean;
  thresholdMet: boolean;
  outcome: 'adopted' | 'rejected';
  resultAt: Date;
}

export interface VersionSummary {
  id: string;
  number: number;
  title: string;
  status: VersionStatus;
  /** Adopted and effective now. */
  inForce: boolean;
  /** The adoption rules this version sets for amending it (also quorum … noticeDays). */
  votingUnit: VotingUnit;
  quorum: Fraction;
  threshold: Fraction;
  abstentionsCountAsCast: boolean;
  noticeDays: number;
  /** The rules this version's own vote follows: those in force when it was opened. */
  ballot: AdoptionRules;
  commentsCloseAt: Date | null;
  votingCloseAt: Date | null;
  noticeUntil: Date | null;
  effectiveFrom: Date | null;
  result: VoteResult | null;
}

/** 第N条, with the parameters it states. */
export interface Article {
  number: number;
  /** "第五条" */
  label: string;
  text: string;
  parameters: string[];
}

export interface Version extends VersionSummary {
  amendsVersionId: string | null;
  commentDays: number;
  votingDays: number;
  /** The article stating the adoption rules. */
  adoptionArticle: number | null;
  proposedEffectiveFrom: Date | null;
  commentsOpenAt: Date | null;
  votingOpenAt: Date | null;
  articles: Article[];
  parameters: ConventionParameters;
  /** Receipt codes of every counted ballot, so each household can find its own. */
  receipts: string[];
}

export interface CommentReply {
  text: string;
  /** The council member who answered. */
  author: string;
  repliedAt: Date;
}

export interface VersionComment {
  id: string;
  articleNumber: number | null;
  text: string;
  /** The member's name (comments are signed). */
  author: string;
  createdAt: Date;
  /** The council's written answer, shown with the comment to every member. */
  reply: CommentReply | null;
}

export interface MyVote {
  voted: boolean;
  choice: VoteChoice | null;
  receipt: string | null;
  castAt: Date | null;
  /** The vote is closed and this receipt is among the counted ballots. */
  counted: boolean;
}

export interface Acknowledgements {
  versionId: string;
  versionNumber: number;
  acknowledged: number;
  /** Members of households who have not signed yet. */
  pending: { memberId: string; name: string; address: string | null }[];
}
