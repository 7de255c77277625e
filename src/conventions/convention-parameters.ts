// The rule parameters a parking convention (自治公约) sets, which the system enforces. Every
// feature reads them through ConventionRulesService.rulesInForce(); none hard-codes a quota.
// The parameters themselves (names, types, bounds, defaults) are declared once for the server and
// the web client in src/shared/conventions/parameters.ts.
import type { ConventionParameters, ParameterName } from '../shared/conventions/parameters';
import { articleLabel } from '../shared/reasons';

export {
  DEFAULT_PARAMETERS,
  type ConventionParameters,
  type ParameterName,
  type PenaltyAction,
  type PenaltyStep,
  type PriorityTier,
  type TimeWindow,
} from '../shared/conventions/parameters';

export interface ArticleRef {
  /** 第N条 */
  number: number;
  text: string;
}

/** "第五条" for 5 (the label lives in the message catalogue, for messages and screens alike). */
export { articleLabel };

export interface RulesInForce {
  /** null when no convention has been adopted yet and the defaults apply. */
  versionId: string | null;
  versionNumber: number | null;
  parameters: ConventionParameters;
  /** The article stating a parameter, to cite in refusals: "第五条: 每户限一辆车". */
  articleFor(parameter: ParameterName): ArticleRef | null;
  /** 第N条 of the version in force, if it has one (none while the defaults apply). */
  article(number: number): ArticleRef | null;
}

/**
 * The refusal text naming the article, e.g. "第五条: 每户限一辆车 / ...".
 * @deprecated a refusal is a reason with `{ article: number }` in its params; the catalogue names
 * the article in the reader's language ("第五条", "article 5").
 */
export function citeArticle(
  rules: RulesInForce,
  parameter: ParameterName,
  english: string,
): string {
  const article = rules.articleFor(parameter);
  if (!article) return english;
  return `${articleLabel(article.number)}: ${article.text} / ${english}`;
}
