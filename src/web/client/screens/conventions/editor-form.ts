/** The version editor's form: its rows as typed, from a version and back to a draft body. */
import {
  BOOLEAN_PARAMETERS,
  type DraftBody,
  type FieldErrors,
  INTEGER_PARAMETERS,
  PARAMETER_NAMES,
  type ParameterName,
  type PenaltyAction,
  type Version,
} from './council-api';

export type IntName = (typeof INTEGER_PARAMETERS)[number];
export type BoolName = (typeof BOOLEAN_PARAMETERS)[number];

export interface ArticleRow {
  key: number;
  number: string;
  text: string;
}
export interface WindowRow {
  from: string;
  to: string;
  days: string;
  reason: string;
}
export interface StepRow {
  withinDays: string;
  action: PenaltyAction;
  suspensionDays: string;
}
export interface Form {
  title: string;
  articles: ArticleRow[];
  links: Record<ParameterName, string>;
  ints: Record<IntName, string>;
  bools: Record<BoolName, boolean>;
  windows: WindowRow[];
  ladder: StepRow[];
  /** Kept as the amended version has them (changed through the API, not this form). */
  priorityTiers: { key: string; label: string }[];
  votingUnit: 'household' | 'member';
  quorum: [string, string];
  threshold: [string, string];
  abstentionsCountAsCast: boolean;
  commentDays: string;
  votingDays: string;
  noticeDays: string;
  effectiveFrom: string;
}

let nextKey = 1;
/** A key that keeps an article row's input focused while its number is retyped. */
export const newArticleKey = () => nextKey++;

export function formFrom(source: Version, title: string): Form {
  const p = source.parameters;
  const links = Object.fromEntries(PARAMETER_NAMES.map((n) => [n, ''])) as Record<
    ParameterName,
    string
  >;
  for (const article of source.articles) {
    for (const name of article.parameters) links[name as ParameterName] = String(article.number);
  }
  return {
    title,
    articles: source.articles.map((a) => ({
      key: newArticleKey(),
      number: String(a.number),
      text: a.text,
    })),
    links,
    ints: Object.fromEntries(INTEGER_PARAMETERS.map((n) => [n, String(p[n])])) as Record<
      IntName,
      string
    >,
    bools: Object.fromEntries(BOOLEAN_PARAMETERS.map((n) => [n, p[n]])) as Record<
      BoolName,
      boolean
    >,
    windows: p.noParkingWindows.map((w) => ({
      from: w.from,
      to: w.to,
      days: w.days?.join(',') ?? '',
      reason: w.reason,
    })),
    ladder: p.penaltyLadder.map((s) => ({
      withinDays: String(s.withinDays),
      action: s.action,
      suspensionDays: s.suspensionDays ? String(s.suspensionDays) : '',
    })),
    priorityTiers: p.priorityTiers ?? [],
    votingUnit: source.votingUnit,
    quorum: [String(source.quorum.numerator), String(source.quorum.denominator)],
    threshold: [String(source.threshold.numerator), String(source.threshold.denominator)],
    abstentionsCountAsCast: source.abstentionsCountAsCast,
    commentDays: String(source.commentDays),
    votingDays: String(source.votingDays),
    noticeDays: String(source.noticeDays),
    effectiveFrom:
      source.status === 'draft' ? (source.proposedEffectiveFrom ?? '').slice(0, 10) : '',
  };
}

/**
 * A body without the numbers left empty: an absent field is "not given" (the server keeps the
 * amended version's value or names the missing field), while null was refused as "not a number"
 * and, in `ballot`, read as a rule. Nested objects and arrays of objects are cleaned too.
 */
export function withoutEmpty<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => withoutEmpty(item)) as T;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== null && v !== undefined)
      .map(([k, v]) => [k, withoutEmpty(v)]);
    return Object.fromEntries(entries) as T;
  }
  return value;
}

/** A typed-in number as the server should judge it: the value, or null when it is not one. */
export const num = (raw: string): number | null =>
  raw.trim() !== '' && Number.isFinite(Number(raw)) ? Number(raw) : null;

export function bodyOf(form: Form): DraftBody {
  return withoutEmpty(typedBody(form));
}

function typedBody(form: Form): DraftBody {
  const articles = form.articles.map((a) => ({
    number: num(a.number) as number,
    text: a.text,
    parameters: PARAMETER_NAMES.filter((n) => form.links[n] !== '' && form.links[n] === a.number),
  }));
  const ints = Object.fromEntries(INTEGER_PARAMETERS.map((n) => [n, num(form.ints[n])]));
  return {
    title: form.title,
    articles,
    parameters: {
      ...(ints as Record<IntName, number>),
      ...form.bools,
      priorityTiers: form.priorityTiers,
      noParkingWindows: form.windows.map((w) => ({
        from: w.from,
        to: w.to,
        ...(w.days.trim()
          ? {
              days: w.days
                .split(/[,，\s]+/)
                .filter(Boolean)
                .map(Number),
            }
          : {}),
        reason: w.reason,
      })),
      penaltyLadder: form.ladder.map((s, i) => ({
        step: i + 1,
        withinDays: num(s.withinDays) as number,
        action: s.action,
        ...(s.action === 'suspension' ? { suspensionDays: num(s.suspensionDays) as number } : {}),
      })),
    },
    votingUnit: form.votingUnit,
    quorum: {
      numerator: num(form.quorum[0]) as number,
      denominator: num(form.quorum[1]) as number,
    },
    threshold: {
      numerator: num(form.threshold[0]) as number,
      denominator: num(form.threshold[1]) as number,
    },
    abstentionsCountAsCast: form.abstentionsCountAsCast,
    commentDays: num(form.commentDays) as number,
    votingDays: num(form.votingDays) as number,
    noticeDays: num(form.noticeDays) as number,
    // A date the council picks is a day in Beijing.
    ...(form.effectiveFrom
      ? { proposedEffectiveFrom: `${form.effectiveFrom}T00:00:00+08:00` }
      : {}),
  };
}

/** What each section of the editor gets: the form, a way to change it, the server's refusals. */
export interface FormSection {
  form: Form;
  set: (patch: Partial<Form>) => void;
  errors: FieldErrors;
}
