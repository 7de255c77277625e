import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { ConventionArticle } from './convention-article.entity';
import {
  type ArticleRef,
  DEFAULT_PARAMETERS,
  type ParameterName,
  type RulesInForce,
} from './convention-parameters';
import { ConventionVersion } from './convention-version.entity';

/**
 * The rules in force for an association at a moment: those of the adopted version with the
 * latest effective date not after `at`. Before any version is in force the defaults apply and
 * no article is cited.
 */
@Injectable()
export class ConventionRulesService {
  constructor(
    @InjectRepository(ConventionVersion) private readonly versions: Repository<ConventionVersion>,
    @InjectRepository(ConventionArticle) private readonly articles: Repository<ConventionArticle>,
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
      };
    }
    const articles = await this.articles.find({
      where: { versionId: version.id },
      order: { number: 'ASC' },
    });
    const byParameter = new Map<string, ArticleRef>();
    for (const article of articles) {
      for (const name of article.parameters) {
        byParameter.set(name, { number: article.number, text: article.text });
      }
    }
    return {
      versionId: version.id,
      versionNumber: version.number,
      // A version adopted before a parameter existed still gets a value for it.
      parameters: { ...DEFAULT_PARAMETERS, ...version.parameters },
      articleFor: (parameter: ParameterName) => byParameter.get(parameter) ?? null,
    };
  }

  versionInForce(associationId: string, at: Date): Promise<ConventionVersion | null> {
    return this.versions
      .createQueryBuilder('v')
      .where('v.associationId = :associationId', { associationId })
      .andWhere(`v.status = 'adopted'`)
      .andWhere('v.effectiveFrom <= :at', { at })
      .orderBy('v.effectiveFrom', 'DESC')
      .addOrderBy('v.number', 'DESC')
      .getOne();
  }
}
