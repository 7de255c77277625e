// Validation of the rule parameters a draft proposes, and of the links between parameters and
// articles. Pure: no Nest, no TypeORM. A version that reaches the vote is always well-formed.
// Each problem names its field and a reason (src/shared/reasons/conventions.ts), rendered beside
// the field in the reader's language.
import type { Params } from '../shared/i18n';
import type { Reason } from '../shared/reasons';
import {
  BOOLEAN_PARAMETERS,
  type ConventionParameters,
  HHMM,
  INTEGER_LIMITS,
  isParameterName,
  PARAMETER_LIMITS,
  PARAMETER_NAMES,
  PENALTY_ACTIONS,
  type PenaltyStep,
  type PriorityTier,
  TIER_KEY,
  type TimeWindow,
} from '../shared/conventions/parameters';

export { isParameterName, PARAMETER_NAMES };

/** What is wrong with one field of a draft, e.g. `penaltyLadder[0].action`. */
export interface DraftProblem {
  field: string;
  reason: Reason;
  params?: Params;
}

const ACTIONS: readonly string[] = PENALTY_ACTIONS;
const MAX_WINDOWS = PARAMETER_LIMITS.noParkingWindows;
const MAX_STEPS = PARAMETER_LIMITS.penaltySteps;
const MAX_TIERS = PARAMETER_LIMITS.priorityTiers;

/** Problems with a full parameter set; empty when it is valid. */
export function parameterProblems(input: Record<string, unknown>): DraftProblem[] {
  const problems: DraftProblem[] = [];
  for (const key of Object.keys(input)) {
    if (!isParameterName(key)) problems.push({ field: key, reason: 'draft.parameter_unknown' });
  }
  for (const [name, [min, max]] of Object.entries(INTEGER_LIMITS)) {
    problems.push(...integerProblems(name, input[name], min, max));
  }
  for (const name of BOOLEAN_PARAMETERS) {
    if (typeof input[name] !== 'boolean') problems.push({ field: name, reason: 'draft.yes_or_no' });
  }
  problems.push(...windowProblems(input.noParkingWindows));
  problems.push(...ladderProblems(input.penaltyLadder));
  problems.push(...tierProblems(input.priorityTiers));
  return problems;
}

function integerProblems(field: string, value: unknown, min: number, max: number): DraftProblem[] {
  if (Number.isInteger(value) && (value as number) >= min && (value as number) <= max) return [];
  return [{ field, reason: 'draft.integer_range', params: { min, max } }];
}

function unknownFields(field: string, value: object, known: string[]): DraftProblem[] {
  const extra = Object.keys(value).filter((k) => !known.includes(k));
  return extra.length
    ? [{ field, reason: 'draft.unknown_fields', params: { fields: extra.join(', ') } }]
    : [];
}

function windowProblems(value: unknown): DraftProblem[] {
  if (!Array.isArray(value) || value.length > MAX_WINDOWS) {
    return [
      { field: 'noParkingWindows', reason: 'draft.windows_list', params: { limit: MAX_WINDOWS } },
    ];
  }
  return value.flatMap((raw: unknown, i) => {
    const w = (raw ?? {}) as Partial<Record<keyof TimeWindow, unknown>>;
    const at = `noParkingWindows[${i}]`;
    const problems: DraftProblem[] = [];
    if (
      typeof w.from !== 'string' ||
      !HHMM.test(w.from) ||
      typeof w.to !== 'string' ||
      !HHMM.test(w.to)
    ) {
      problems.push({ field: at, reason: 'draft.window_times' });
    } else if (w.from === w.to) {
      problems.push({ field: at, reason: 'draft.window_empty' });
    }
    if (
      w.days !== undefined &&
      (!Array.isArray(w.days) ||
        w.days.length === 0 ||
        w.days.some((d) => !Number.isInteger(d) || (d as number) < 1 || (d as number) > 7) ||
        new Set(w.days).size !== w.days.length)
    ) {
      problems.push({ field: `${at}.days`, reason: 'draft.window_days' });
    }
    if (
      typeof w.reason !== 'string' ||
      w.reason.length < 1 ||
      w.reason.length > PARAMETER_LIMITS.windowReasonLength
    ) {
      problems.push({ field: `${at}.reason`, reason: 'draft.window_reason' });
    }
    problems.push(...unknownFields(at, w, ['from', 'to', 'days', 'reason']));
    return problems;
  });
}

/**
 * A well-formed ladder: steps numbered 1..n in order, each with a positive window, persuasion
 * first (劝导在先), and a suspension length only (and always) on suspension steps.
 */
export function ladderProblems(value: unknown): DraftProblem[] {
  if (!Array.isArray(value) || value.length < 1 || value.length > MAX_STEPS) {
    return [
      { field: 'penaltyLadder', reason: 'draft.ladder_steps', params: { min: 1, max: MAX_STEPS } },
    ];
  }
  const problems: DraftProblem[] = [];
  value.forEach((raw: unknown, i) => {
    const s = (raw ?? {}) as Partial<Record<keyof PenaltyStep, unknown>>;
    const at = `penaltyLadder[${i}]`;
    if (s.step !== i + 1) {
      problems.push({
        field: `${at}.step`,
        reason: 'draft.ladder_step_number',
        params: { step: i + 1 },
      });
    }
    problems.push(
      ...integerProblems(`${at}.withinDays`, s.withinDays, ...PARAMETER_LIMITS.withinDays),
    );
    if (typeof s.action !== 'string' || !ACTIONS.includes(s.action)) {
      problems.push({
        field: `${at}.action`,
        reason: 'draft.ladder_action',
        params: { actions: ACTIONS.join(', ') },
      });
    }
    if (s.action === 'suspension') {
      problems.push(
        ...integerProblems(
          `${at}.suspensionDays`,
          s.suspensionDays,
          ...PARAMETER_LIMITS.suspensionDays,
        ),
      );
    } else if (s.suspensionDays !== undefined) {
      problems.push({ field: `${at}.suspensionDays`, reason: 'draft.suspension_days_only' });
    }
    problems.push(...unknownFields(at, s, ['step', 'withinDays', 'action', 'suspensionDays']));
  });
  const first = (value[0] ?? {}) as { action?: unknown };
  if (first.action !== 'persuasion') {
    problems.push({ field: 'penaltyLadder[0].action', reason: 'draft.persuasion_first' });
  }
  return problems;
}

/** Tiers: a short list of distinct keys (a-z, 0-9, _), each with a name people read. */
export function tierProblems(value: unknown): DraftProblem[] {
  if (!Array.isArray(value) || value.length > MAX_TIERS) {
    return [{ field: 'priorityTiers', reason: 'draft.tiers_list', params: { limit: MAX_TIERS } }];
  }
  const seen = new Set<string>();
  return value.flatMap((raw: unknown, i) => {
    const tier = (raw ?? {}) as Partial<Record<keyof PriorityTier, unknown>>;
    const at = `priorityTiers[${i}]`;
    const problems: DraftProblem[] = [];
    if (typeof tier.key !== 'string' || !TIER_KEY.test(tier.key)) {
      problems.push({ field: `${at}.key`, reason: 'draft.tier_key' });
    } else if (seen.has(tier.key)) {
      problems.push({
        field: `${at}.key`,
        reason: 'draft.tier_repeated',
        params: { key: tier.key },
      });
    } else seen.add(tier.key);
    if (
      typeof tier.label !== 'string' ||
      tier.label.trim().length < 1 ||
      tier.label.length > PARAMETER_LIMITS.tierLabelLength
    ) {
      problems.push({ field: `${at}.label`, reason: 'draft.tier_label' });
    }
    problems.push(...unknownFields(at, tier, ['key', 'label']));
    return problems;
  });
}

export interface ArticleLink {
  number: number;
  parameters: string[];
}

/** Every parameter is stated by exactly one article, and articles name only real parameters. */
export function linkProblems(articles: readonly ArticleLink[]): DraftProblem[] {
  const problems: DraftProblem[] = [];
  const numbers = new Set<number>();
  const stated = new Map<string, number>();
  for (const article of articles) {
    if (numbers.has(article.number)) {
      problems.push({
        field: 'articles',
        reason: 'draft.article_repeated',
        params: { number: article.number },
      });
    }
    numbers.add(article.number);
    for (const name of article.parameters) {
      if (!isParameterName(name)) {
        problems.push({
          field: 'articles',
          reason: 'draft.article_parameter_unknown',
          params: { number: article.number, parameter: name },
        });
      } else if (stated.has(name)) {
        problems.push({
          field: name,
          reason: 'draft.parameter_stated_twice',
          params: { parameter: name, number: article.number },
        });
      } else stated.set(name, article.number);
    }
  }
  for (const name of PARAMETER_NAMES) {
    if (!stated.has(name)) problems.push({ field: name, reason: 'draft.parameter_unstated' });
  }
  return problems;
}

/** Narrows after parameterProblems() returned nothing. */
export function asParameters(input: Record<string, unknown>): ConventionParameters {
  return input as unknown as ConventionParameters;
}
