// The convention binds its own amendment (issue 10): a draft is voted on under the adoption rules
// of the version in force, never under looser ones it writes for itself. Pure.
import type { Params } from '../shared/i18n';
import type { Reason } from '../shared/reasons';
import type { AdoptionRules } from './convention-version';
import type { Fraction } from './tally';

/** Before any convention is in force: half of the households vote, two thirds agree, 7 days each. */
export const DEFAULT_ADOPTION_RULES: AdoptionRules = {
  votingUnit: 'household',
  quorum: { numerator: 1, denominator: 2 },
  threshold: { numerator: 2, denominator: 3 },
  abstentionsCountAsCast: true,
  commentDays: 7,
  votingDays: 7,
  noticeDays: 7,
};

export interface RuleProblem {
  /** The adoption rule, e.g. 'quorum'. */
  field: keyof AdoptionRules;
  reason: Reason;
  params?: Params;
}

const DAYS = ['commentDays', 'votingDays', 'noticeDays'] as const;

/** Where `requested` is looser than `binding`: one problem per rule, none when it is as strict. */
export function looserRules(requested: AdoptionRules, binding: AdoptionRules): RuleProblem[] {
  const problems: RuleProblem[] = [];
  // A vote per member is not "stricter" than one per household, only different: the unit in
  // force stands.
  if (requested.votingUnit !== binding.votingUnit) {
    problems.push({
      field: 'votingUnit',
      reason: binding.votingUnit === 'household' ? 'ballot.household_vote' : 'ballot.member_vote',
    });
  }
  for (const field of ['quorum', 'threshold'] as const) {
    if (below(requested[field], binding[field])) {
      problems.push({
        field,
        reason: 'ballot.share_at_least',
        params: { required: share(binding[field]) },
      });
    }
  }
  if (binding.abstentionsCountAsCast && !requested.abstentionsCountAsCast) {
    problems.push({ field: 'abstentionsCountAsCast', reason: 'ballot.abstentions_count' });
  }
  for (const field of DAYS) {
    if (requested[field] < binding[field]) {
      problems.push({ field, reason: 'ballot.days_at_least', params: { days: binding[field] } });
    }
  }
  return problems;
}

/** Rule by rule, the stricter of the two; the voting unit is the binding one's. */
export function stricterRules(a: AdoptionRules, binding: AdoptionRules): AdoptionRules {
  return {
    votingUnit: binding.votingUnit,
    quorum: below(a.quorum, binding.quorum) ? binding.quorum : a.quorum,
    threshold: below(a.threshold, binding.threshold) ? binding.threshold : a.threshold,
    abstentionsCountAsCast: a.abstentionsCountAsCast || binding.abstentionsCountAsCast,
    commentDays: Math.max(a.commentDays, binding.commentDays),
    votingDays: Math.max(a.votingDays, binding.votingDays),
    noticeDays: Math.max(a.noticeDays, binding.noticeDays),
  };
}

/** a < b, cross-multiplied in integers. */
function below(a: Fraction, b: Fraction): boolean {
  return a.numerator * b.denominator < b.numerator * a.denominator;
}

export function share(f: Fraction): string {
  return `${f.numerator}/${f.denominator}`;
}
