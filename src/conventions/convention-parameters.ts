// The rule parameters a parking convention (自治公约) sets, which the system enforces. Every
// feature reads them through ConventionRulesService.rulesInForce(); none hard-codes a quota.
import { articleLabel } from '../shared/reasons';

export type PenaltyAction = 'persuasion' | 'notice' | 'suspension';

export interface PenaltyStep {
  /** 1 for the first violation, 2 for the second within `withinDays`, ... */
  step: number;
  withinDays: number;
  action: PenaltyAction;
  /** For 'suspension': how long the permit is suspended. */
  suspensionDays?: number;
}

export interface TimeWindow {
  /** "HH:MM" in Asia/Shanghai; a window may cross midnight (from > to). */
  from: string;
  to: string;
  /** ISO weekdays 1 (Mon) … 7 (Sun); all days when omitted. */
  days?: number[];
  reason: string;
}

/**
 * A priority tier of admission to standing places (优先): drawn before those in no tier, tiers in
 * the order the convention lists them, e.g. drivers with a disability, households over 80.
 */
export interface PriorityTier {
  /** Stable key a registration carries, e.g. "disability". */
  key: string;
  /** As the convention names it, e.g. "残疾人驾驶员". */
  label: string;
}

export interface ConventionParameters {
  vehiclesPerHousehold: number;
  visitorPassesPerMonth: number;
  visitorPassMaxHours: number;
  /** Monthly fee for a resident permit in CNY; 0 when there is none. */
  monthlyFeeCny: number;
  standingAllocationOnePerHousehold: boolean;
  noParkingWindows: TimeWindow[];
  /** Minutes after a shared car park's must-leave-by time before an overstay is flagged. */
  sharedGraceMinutes: number;
  wardenSwapsWithoutApproval: boolean;
  violationsOnlyByWardensOnDuty: boolean;
  penaltyLadder: PenaltyStep[];
  /**
   * A resident's own registration of a car, or change to its plate, waits for the council's
   * approval (登记审核) rather than entering the register at once.
   */
  vehicleChangesNeedApproval: boolean;
  /** Priority tiers of a lottery for standing places, first first (src/sharing/lottery.ts). */
  priorityTiers: PriorityTier[];
  /**
   * 轮换: where cars outnumber standing places, places are held this many months and redrawn,
   * those who held one stepping behind those who did not; 0: no rotation, places are kept.
   */
  rotationPeriodMonths: number;
}

export type ParameterName = keyof ConventionParameters;

/** What applies before any convention is in force: the common practice of Beijing lane conventions. */
export const DEFAULT_PARAMETERS: ConventionParameters = {
  vehiclesPerHousehold: 1,
  visitorPassesPerMonth: 4,
  visitorPassMaxHours: 24,
  monthlyFeeCny: 0,
  standingAllocationOnePerHousehold: true,
  noParkingWindows: [],
  sharedGraceMinutes: 15,
  wardenSwapsWithoutApproval: false,
  violationsOnlyByWardensOnDuty: false,
  penaltyLadder: [
    { step: 1, withinDays: 90, action: 'persuasion' },
    { step: 2, withinDays: 90, action: 'notice' },
    { step: 3, withinDays: 90, action: 'suspension', suspensionDays: 7 },
  ],
  vehicleChangesNeedApproval: false,
  priorityTiers: [
    { key: 'disability', label: '残疾人驾驶员' },
    { key: 'over_80', label: '八十岁以上老人户' },
  ],
  rotationPeriodMonths: 1,
};

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
