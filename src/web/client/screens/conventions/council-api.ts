// What the council's screens read from and send to /api/conventions and /api/violations, and
// how a refusal's details are placed next to the field they are about.
import {
  BOOLEAN_PARAMETERS,
  type ConventionParameters,
  INTEGER_PARAMETERS,
  isParameterName,
  PARAMETER_NAMES,
  type ParameterName,
  type PenaltyAction,
  type PenaltyStep,
  type TimeWindow,
} from '../../../../shared/conventions/parameters';
import { ApiError } from '../../api';

export type VersionStatus = 'draft' | 'comment' | 'voting' | 'adopted' | 'rejected';
export interface Fraction {
  numerator: number;
  denominator: number;
}

/** The typed rule parameters, declared once with the server's (src/shared/conventions/parameters.ts). */
export type Parameters = ConventionParameters;
export {
  BOOLEAN_PARAMETERS,
  INTEGER_PARAMETERS,
  PARAMETER_NAMES,
  type ParameterName,
  type PenaltyAction,
  type PenaltyStep,
  type TimeWindow,
};

export interface VoteResult {
  eligible: number;
  yes: number;
  no: number;
  abstain: number;
  turnout: number;
  quorumMet: boolean;
  thresholdMet: boolean;
  outcome: 'adopted' | 'rejected';
  resultAt: string;
}

/** Who votes, how many must take part and agree, how long each stage lasts. */
export interface AdoptionRules {
  votingUnit: 'household' | 'member';
  quorum: Fraction;
  threshold: Fraction;
  abstentionsCountAsCast: boolean;
  commentDays: number;
  votingDays: number;
  noticeDays: number;
}

export interface VersionSummary {
  id: string;
  number: number;
  title: string;
  status: VersionStatus;
  inForce: boolean;
  votingUnit: 'household' | 'member';
  quorum: Fraction;
  threshold: Fraction;
  abstentionsCountAsCast: boolean;
  noticeDays: number;
  /** The rules this version's own vote follows: those in force when it was opened. */
  ballot: AdoptionRules;
  commentsCloseAt: string | null;
  votingCloseAt: string | null;
  noticeUntil: string | null;
  effectiveFrom: string | null;
  result: VoteResult | null;
}

export interface Article {
  number: number;
  label: string;
  text: string;
  parameters: string[];
}

export interface Version extends VersionSummary {
  amendsVersionId: string | null;
  commentDays: number;
  votingDays: number;
  proposedEffectiveFrom: string | null;
  commentsOpenAt: string | null;
  votingOpenAt: string | null;
  articles: Article[];
  parameters: Parameters;
  receipts: string[];
}

export interface ConventionComment {
  id: string;
  articleNumber: number | null;
  text: string;
  author: string;
  createdAt: string;
  /** The council's written answer, shown with the comment to every member */
  reply: { text: string; author: string; repliedAt: string } | null;
}

export interface Acknowledgements {
  versionId: string;
  versionNumber: number;
  acknowledged: number;
  pending: { memberId: string; name: string; address: string | null }[];
}

export interface VersionDiff {
  from: number;
  to: number;
  articles: {
    added: { number: number; text: string }[];
    removed: { number: number; text: string }[];
    changed: { number: number; from: string; to: string }[];
  };
  parameters: { name: string; from: unknown; to: unknown }[];
}

/** The body of POST /api/conventions/versions (and, without amendsVersionId, of PATCH). */
export interface DraftBody {
  title: string;
  amendsVersionId?: string;
  articles: { number: number; text: string; parameters: string[] }[];
  parameters: Parameters;
  votingUnit: 'household' | 'member';
  quorum: Fraction;
  threshold: Fraction;
  abstentionsCountAsCast: boolean;
  commentDays: number;
  votingDays: number;
  noticeDays: number;
  proposedEffectiveFrom?: string;
}

export const VIOLATION_KINDS = [
  'no_permit',
  'wrong_space',
  'overstay',
  'blocking_passage',
  'no_parking_window',
] as const;
export type ViolationKind = (typeof VIOLATION_KINDS)[number];
export type AppealStatus = 'none' | 'pending' | 'upheld' | 'overturned';

export interface Violation {
  id: string;
  kind: ViolationKind;
  plate: string;
  householdId: string | null;
  place: string;
  occurredAt: string;
  step: number;
  action: PenaltyAction;
  articleNumber: number | null;
  article: string | null;
  /** The convention's article, or a lending unit's own terms (an overstay under its grace). */
  rule: 'convention' | 'offer';
  graceMinutes: number | null;
  suspendedUntil: string | null;
  permitSuspended: boolean;
  appealStatus: AppealStatus;
  appealReason: string | null;
  appealNote: string | null;
  /** On recording: the persuasion record kept with this step (its photos go there) */
  persuasionId?: string | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface ViolationStat {
  month: string;
  kind: string;
  count: number;
}

/** Where a refusal's problems belong: a parameter name, 'articles', 'vote', or 'general'. */
export type FieldErrors = Record<string, string[]>;

const VOTE_FIELDS = [
  'votingUnit',
  'quorum',
  'threshold',
  'abstentionsCountAsCast',
  'commentDays',
  'votingDays',
  'noticeDays',
  'proposedEffectiveFrom',
];

/**
 * Sorts a refusal's problems by field. The server gives them two ways: the validation pipe as
 * `[{ field: 'parameters.visitorPassesPerMonth', problems }]`, the draft's own checks as
 * `{ problems: ['visitorPassesPerMonth: 应为 0–100 的整数 / …'] }`.
 */
export function fieldErrorsOf(error: unknown): FieldErrors {
  const out: FieldErrors = {};
  const add = (field: string, problem: string) => (out[field] ??= []).push(problem);
  if (!(error instanceof ApiError)) return out;
  const details = error.details;
  if (Array.isArray(details)) {
    for (const entry of details as unknown[]) {
      if (typeof entry === 'string') add(fieldOf(entry.split(':')[0] ?? ''), entry);
      else if (entry && typeof entry === 'object' && 'field' in entry) {
        const { field, problems } = entry as { field: string; problems?: string[] };
        for (const problem of problems ?? []) add(fieldOf(field), problem);
      }
    }
  } else if (details && typeof details === 'object' && 'problems' in details) {
    for (const problem of (details as { problems: string[] }).problems) {
      add(fieldOf(problem.split(':')[0] ?? ''), problem);
    }
  }
  return out;
}

function fieldOf(path: string): string {
  const parts = path
    .trim()
    .split(/[.[\]]/)
    .filter(Boolean);
  const head = parts[0] === 'parameters' ? parts[1] : parts[0];
  if (!head) return 'general';
  if (isParameterName(head)) return head;
  if (VOTE_FIELDS.includes(head)) return 'vote';
  if (head === 'articles' || head.startsWith('article') || /^第/.test(head)) return 'articles';
  if (head === 'title') return 'title';
  return 'general';
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** "2026-03-05" in Asia/Shanghai. */
export function beijingDay(iso: string | null): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

/** "2026-03-05 18:40" in Asia/Shanghai. */
export function beijingMinute(iso: string | null): string {
  if (!iso) return '—';
  return new Date(iso)
    .toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai', hour12: false })
    .slice(0, 16);
}
