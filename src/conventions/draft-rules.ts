// What makes a draft well-formed, and how a draft's fields combine with the version it amends.
// Pure: the refusals are built here, thrown by the service.
import { ValidationFailure, type FieldProblem } from '../common/validation';
import type { RuleProblem } from './adoption-rules';
import type { AdoptionRules, ConventionArticle } from './convention-version';
import {
  type DraftProblem,
  linkProblems,
  PARAMETER_NAMES,
  parameterProblems,
} from './parameter-rules';
import type { Fraction } from './tally';

/** The adoption-rule fields of a draft request; those left out are kept. */
export interface AdoptionRuleFields {
  votingUnit?: AdoptionRules['votingUnit'];
  quorum?: Fraction;
  threshold?: Fraction;
  abstentionsCountAsCast?: boolean;
  commentDays?: number;
  votingDays?: number;
  noticeDays?: number;
}

/**
 * The articles carried over from the version amended, every parameter stated somewhere: a version
 * adopted before a parameter existed holds its default, and its last article now states it, so
 * the draft binds it (the council may move it to another article; the diff shows where it went).
 */
export function carriedArticles(articles: readonly ConventionArticle[]): ConventionArticle[] {
  const stated = new Set(articles.flatMap((a) => a.parameters));
  const unstated = PARAMETER_NAMES.filter((name) => !stated.has(name));
  if (unstated.length === 0 || articles.length === 0) return [...articles];
  const last = articles.reduce((a, b) => (b.number > a.number ? b : a));
  return articles.map((a) =>
    a === last ? { ...a, parameters: [...a.parameters, ...unstated] } : a,
  );
}

/** `base` with every rule the request gives replaced. */
export function withRules(
  base: AdoptionRules,
  fields: AdoptionRuleFields | undefined,
): AdoptionRules {
  const given = Object.fromEntries(
    Object.entries(fields ?? {}).filter(([key, value]) => value !== undefined && key in base),
  ) as Partial<AdoptionRules>;
  return { ...base, ...given };
}

/**
 * The article stating the adoption rules: the one the request names, else the amended version's
 * if the draft still has an article of that number (the text may have been renumbered).
 */
export function adoptionArticleOf(
  requested: number | undefined | null,
  carried: number | null,
  articles: readonly ConventionArticle[],
): number | null {
  if (requested !== undefined && requested !== null) return requested;
  return carried !== null && articles.some((a) => a.number === carried) ? carried : null;
}

export interface DraftContent {
  parameters: object;
  adoptionRules: AdoptionRules;
  adoptionArticle: number | null;
  articles: readonly ConventionArticle[];
}

/** Every problem of a draft's content, each on its field; empty when it may go to comments. */
export function draftProblems(draft: DraftContent): DraftProblem[] {
  const problems = [
    ...parameterProblems(draft.parameters as Record<string, unknown>),
    ...linkProblems(draft.articles),
  ];
  const { quorum, threshold } = draft.adoptionRules;
  if (threshold.numerator < 1 || threshold.numerator > threshold.denominator) {
    problems.push({ field: 'threshold', reason: 'draft.threshold_range' });
  }
  if (quorum.numerator > quorum.denominator) {
    problems.push({ field: 'quorum', reason: 'draft.quorum_range' });
  }
  if (draft.articles.length === 0)
    problems.push({ field: 'articles', reason: 'draft.no_articles' });
  const article = draft.adoptionArticle;
  if (article !== null && !draft.articles.some((a) => a.number === article)) {
    problems.push({
      field: 'adoptionArticle',
      reason: 'draft.adoption_article_missing',
      params: { number: article },
    });
  }
  return problems;
}

/** `convention.draft_invalid`, with each problem beside its field. */
export function draftInvalid(problems: DraftProblem[]): ValidationFailure {
  return new ValidationFailure(byField(problems), 'convention.draft_invalid');
}

/** A draft asked for a vote looser than the rules in force allow (article 10). */
export function ballotTooWeak(problems: RuleProblem[], article: number | null): ValidationFailure {
  const fields = byField(problems.map((p) => ({ ...p, field: `ballot.${p.field}` })));
  return article === null
    ? new ValidationFailure(fields, 'ballot.weaker_than_in_force')
    : new ValidationFailure(fields, 'ballot.weaker_than_article', { article });
}

function byField(problems: DraftProblem[]): FieldProblem[] {
  const fields = new Map<string, FieldProblem>();
  for (const { field, reason, params } of problems) {
    const entry = fields.get(field) ?? { field, rules: [], problems: [] };
    entry.rules.push(reason);
    entry.problems.push(params ? { reason, params } : { reason });
    fields.set(field, entry);
  }
  return [...fields.values()];
}
