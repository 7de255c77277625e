// The one message catalogue of refusals (pure: the server renders it, the client may too).
// A refusal is a stable reason with params, e.g. `space.occupied {code: 'XG-07'}`, rendered as
// "车位XG-07已被占用" or "Space XG-07 is occupied" in the reader's language. docs/api.md lists them all.
import { fill, type Lang, type Params } from '../i18n';
import { associationsConstraints, associationsReasons } from './associations';
import { authConstraints, authReasons } from './auth';
import { commonReasons, fieldProblems } from './common';
import { conventionsConstraints, conventionsReasons } from './conventions';
import { liveConstraints, liveReasons } from './live';
import { NOUNS, type Noun } from './nouns';
import { paymentsConstraints, paymentsReasons } from './payments';
import { permitsConstraints, permitsReasons } from './permits';
import { rostersConstraints, rostersReasons } from './rosters';
import { sharingConstraints, sharingReasons } from './sharing';
import { spacesConstraints, spacesReasons } from './spaces';
import { streetConstraints, streetReasons } from './street';
import { drawsConstraints, drawsReasons } from './draws';
import { financeConstraints, financeReasons } from './finance';
import { unitsConstraints, unitsReasons } from './units';
import type { ReasonEntry, ReasonStatus } from './types';
import { vehicleChangesConstraints, vehicleChangesReasons } from './vehicle-changes';
import { violationsConstraints, violationsReasons } from './violations';

export type { Noun, ReasonEntry, ReasonStatus };
export { NOUNS };

/** Each feature's reasons, kept apart so a test can prove no key is declared twice. */
export const REASON_GROUPS = {
  common: commonReasons,
  fields: fieldProblems,
  auth: authReasons,
  associations: associationsReasons,
  spaces: spacesReasons,
  live: liveReasons,
  permits: permitsReasons,
  sharing: sharingReasons,
  rosters: rostersReasons,
  conventions: conventionsReasons,
  violations: violationsReasons,
  street: streetReasons,
  draws: drawsReasons,
  finance: financeReasons,
  payments: paymentsReasons,
  units: unitsReasons,
  vehicleChanges: vehicleChangesReasons,
} as const;

export const REASONS = {
  ...commonReasons,
  ...fieldProblems,
  ...authReasons,
  ...associationsReasons,
  ...spacesReasons,
  ...liveReasons,
  ...permitsReasons,
  ...sharingReasons,
  ...rostersReasons,
  ...conventionsReasons,
  ...violationsReasons,
  ...streetReasons,
  ...drawsReasons,
  ...financeReasons,
  ...paymentsReasons,
  ...unitsReasons,
  ...vehicleChangesReasons,
};

export type Reason = keyof typeof REASONS;

/** Every named constraint whose violation the caller can cause, and what it means. */
export const CONSTRAINT_REASONS: Readonly<Record<string, Reason>> = {
  ...authConstraints,
  ...associationsConstraints,
  ...spacesConstraints,
  ...liveConstraints,
  ...permitsConstraints,
  ...sharingConstraints,
  ...rostersConstraints,
  ...conventionsConstraints,
  ...violationsConstraints,
  ...streetConstraints,
  ...drawsConstraints,
  ...financeConstraints,
  ...paymentsConstraints,
  ...unitsConstraints,
  ...vehicleChangesConstraints,
};

export function isReason(value: string): value is Reason {
  return Object.prototype.hasOwnProperty.call(REASONS, value);
}

export function reasonStatus(reason: Reason): ReasonStatus {
  return (REASONS[reason] as ReasonEntry).status;
}

/**
 * The reason's message in `lang`, its params filled (a `what` param names a noun; an `article`
 * param is a convention article's number, or null when the default rules apply).
 */
export function renderReason(reason: Reason, params: Params | undefined, lang: Lang): string {
  const entry = REASONS[reason] as ReasonEntry;
  const template = lang === 'en' ? entry.en : entry.zh;
  return fill(template, translateArticle(translateNouns(params, lang), lang));
}

function translateNouns(params: Params | undefined, lang: Lang): Params | undefined {
  const what = params?.what;
  if (typeof what !== 'string' || !(what in NOUNS)) return params;
  const noun = NOUNS[what as Noun];
  return { ...params, what: lang === 'en' ? noun.en : noun.zh };
}

function translateArticle(params: Params | undefined, lang: Lang): Params | undefined {
  if (!params || !('article' in params)) return params;
  const article = params.article;
  if (typeof article === 'number') {
    const cited =
      lang === 'en' ? `Article ${article} of the convention` : `公约${articleLabel(article)}`;
    return { ...params, article: cited };
  }
  if (article === null) {
    return { ...params, article: lang === 'en' ? 'the default rules' : '默认规则' };
  }
  return params;
}

/** "第四条" for 4, as the convention's text numbers its articles. */
export function articleLabel(number: number): string {
  const digits = '零一二三四五六七八九';
  if (number <= 10) return `第${number === 10 ? '十' : digits[number]}条`;
  if (number < 20) return `第十${digits[number - 10]}条`;
  const tens = Math.floor(number / 10);
  const ones = number % 10;
  return `第${digits[tens]}十${ones ? digits[ones] : ''}条`;
}
