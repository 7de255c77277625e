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
import type * as api from '../../../../shared/api/conventions';
import type {
  Fraction,
  VersionStatus,
  VoteChoice,
  VotingUnit,
} from '../../../../shared/api/conventions';
import {
  type AppealStatus,
  VIOLATION_KINDS,
  type ViolationKind,
  type ViolationResponse,
  type ViolationStat,
} from '../../../../shared/api/violations';
import type { Page, Wire } from '../../../../shared/api/wire';
import { ApiError } from '../../api';

export type { Fraction, VersionStatus, VoteChoice, VotingUnit };

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

// Responses, as the server declares them (src/shared/api/conventions.ts).
export type VoteResult = Wire<api.VoteResult>;
export type AdoptionRules = Wire<api.AdoptionRules>;
export type VersionSummary = Wire<api.VersionSummary>;
export type Article = Wire<api.Article>;
export type Version = Wire<api.Version>;
export type ConventionComment = Wire<api.VersionComment>;
export type Acknowledgements = Wire<api.Acknowledgements>;
export type MyVote = Wire<api.MyVote>;
export type VersionDiff = Wire<api.VersionDiff>;
export type { Page };

/** The body of POST /api/conventions/versions (and, without amendsVersionId, of PATCH). */
export type DraftBody = AdoptionRules & {
  title: string;
  amendsVersionId?: string;
  articles: { number: number; text: string; parameters: string[] }[];
  parameters: Parameters;
  proposedEffectiveFrom?: string;
};

export { VIOLATION_KINDS, type AppealStatus, type ViolationKind };
export type Violation = Wire<ViolationResponse>;
export type { ViolationStat };

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
