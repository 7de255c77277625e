// The convention's versions as the service works with them; convention-version.repository.ts
// maps them to and from their rows.
import type { AdoptionRules, VersionStatus } from '../shared/api/conventions';
import type { ConventionParameters } from './convention-parameters';

export type {
  AdoptionRules,
  VersionStatus,
  VoteChoice,
  VotingUnit,
} from '../shared/api/conventions';

/** One text of the convention (自治公约), from draft through comments and the vote to force. */
export interface ConventionVersion {
  id: string;
  associationId: string;
  number: number;
  title: string;
  status: VersionStatus;
  amendsVersionId: string | null;
  parameters: ConventionParameters;
  /** The rules this text sets for amending it, once in force: its content. */
  adoptionRules: AdoptionRules;
  /** The article that states `adoptionRules`, cited when a draft tries to loosen them. */
  adoptionArticle: number | null;
  /**
   * The rules this version's own vote follows: those of the version in force when it was
   * drafted and again when its comments opened (a draft may ask for stricter ones, never weaker).
   */
  ballot: AdoptionRules;
  proposedEffectiveFrom: Date | null;
  draftedBy: string | null;
  commentsOpenAt: Date | null;
  commentsCloseAt: Date | null;
  votingOpenAt: Date | null;
  votingCloseAt: Date | null;
  eligibleVoters: number | null;
  votesYes: number | null;
  votesNo: number | null;
  votesAbstain: number | null;
  quorumMet: boolean | null;
  thresholdMet: boolean | null;
  resultAt: Date | null;
  noticeUntil: Date | null;
  effectiveFrom: Date | null;
  createdAt: Date;
}

/** 第N条 of a version, with the parameters it states (so a refusal can cite it). */
export interface ConventionArticle {
  number: number;
  text: string;
  parameters: string[];
}
