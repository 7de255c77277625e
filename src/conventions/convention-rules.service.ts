import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import type { Tx } from '../database/transactions';
import { DEFAULT_ADOPTION_RULES } from './adoption-rules';
import {
  type ArticleRef,
  DEFAULT_PARAMETERS,
  type ParameterName,
  type RulesInForce,
} from './convention-parameters';
import type { AdoptionRules, ConventionVersion } from './convention-version';
import { ConventionVersionRepository } from './convention-version.repository';

/** How the version in force is amended, and the article that says so (none under the defaults). */
export interface AdoptionRulesInForce {
  rules: AdoptionRules;
  article: number | null;
}

/**
 * The rules in force for an association at a moment: those of the adopted version with the
 * latest effective date not after `at`. Before any version is in force the defaults apply and
 * no article is cited.
 */
@Injectable()
export class ConventionRulesService {
  constructor(
    private readonly versions: ConventionVersionRepository,
    private readonly clock: Clock,
  ) {}

  async rulesInForce(associationId: string, at?: Date): Promise<RulesInForce> {
    const version = await this.versionInForce(associationId, at ?? this.clock.now());
    if (!version) {
      return {
        versionId: null,
        versionNumber: null,
        parameters: DEFAULT_PARAMETERS,
        articleFor: () => null,
        article: () => null,
      };
    }
    const articles = await this.versions.articlesOf(version.id);
    const byNumber = new Map<number, ArticleRef>();
    const byParameter = new Map<string, ArticleRef>();
    for (const article of articles) {
      const ref = { number: article.number, text: article.text };
      byNumber.set(article.number, ref);
      for (const name of article.parameters) byParameter.set(name, ref);
    }
    return {
      versionId: version.id,
      versionNumber: version.number,
      // A version adopted before a parameter existed still gets a value for it.
      parameters: { ...DEFAULT_PARAMETERS, ...version.parameters },
      articleFor: (parameter: ParameterName) => byParameter.get(parameter) ?? null,
      article: (number: number) => byNumber.get(number) ?? null,
    };
  }

  versionInForce(associationId: string, at: Date, tx?: Tx): Promise<ConventionVersion | null> {
    return this.versions.inForce(associationId, at, tx);
  }

  /** What a new amendment must be voted under at `at` (article 10 of 下岗胡同's convention). */
  async adoptionRulesInForce(
    associationId: string,
    at: Date,
    tx?: Tx,
  ): Promise<AdoptionRulesInForce> {
    const version = await this.versions.inForce(associationId, at, tx);
    if (!version) return { rules: DEFAULT_ADOPTION_RULES, article: null };
    return { rules: version.adoptionRules, article: version.adoptionArticle };
  }

  /** Version numbers by id, for ledgers that name the version a record was judged under. */
  versionNumbersOf(ids: string[]): Promise<Map<string, number>> {
    return this.versions.numbersOf(ids);
  }
}
