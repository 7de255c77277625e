// Live events of the conventions feature, pushed to every member of the association.
// Pure types: the server's listener emits them, the web client receives them. Times are ISO.
import type { VoteResult } from '../api/conventions';
import type { Wire } from '../api/wire';

/** Comments are closed; the households vote until `votingCloseAt`. */
export interface ConventionVotingPayload {
  versionId: string;
  number: number;
  votingCloseAt: string;
}

/** The counted vote: counts only, never who voted how (the vote record GET answers, too). */
export interface ConventionResultPayload extends Wire<VoteResult> {
  versionId: string;
  number: number;
  /** The end of the 公示 period. */
  noticeUntil: string;
  /** When an adopted version binds; null when rejected. */
  effectiveFrom: string | null;
}

/** Event name → (payload) => void. */
export interface ConventionsLiveEvents {
  'convention.voting': (payload: ConventionVotingPayload) => void;
  'convention.result': (payload: ConventionResultPayload) => void;
}
