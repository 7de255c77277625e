import { Injectable } from '@nestjs/common';
import { DEFAULT_PARAMETERS, type RulesInForce } from './convention-parameters';

/**
 * The rules in force for an association at a moment. Until conventions are stored and voted
 * (the conventions feature), the defaults apply and no article is cited.
 */
@Injectable()
export class ConventionRulesService {
  async rulesInForce(_associationId: string, _at: Date = new Date()): Promise<RulesInForce> {
    return {
      versionId: null,
      versionNumber: null,
      parameters: DEFAULT_PARAMETERS,
      articleFor: () => null,
    };
  }
}
