import { DEFAULT_ADOPTION_RULES, looserRules, stricterRules } from './adoption-rules';
import type { AdoptionRules } from './convention-version';

const inForce = DEFAULT_ADOPTION_RULES;
// The draft of issue 10: a tenth may vote, a third agree, one day's notice, one vote per member.
const weak: AdoptionRules = {
  votingUnit: 'member',
  quorum: { numerator: 1, denominator: 10 },
  threshold: { numerator: 1, denominator: 3 },
  abstentionsCountAsCast: false,
  commentDays: 1,
  votingDays: 1,
  noticeDays: 1,
};

describe('adoption rules', () => {
  it('the rules in force are not looser than themselves', () => {
    expect(looserRules(inForce, inForce)).toEqual([]);
  });

  it('names every rule a draft loosens, with what the rules in force require', () => {
    expect(looserRules(weak, inForce)).toEqual([
      { field: 'votingUnit', reason: 'ballot.household_vote' },
      { field: 'quorum', reason: 'ballot.share_at_least', params: { required: '1/2' } },
      { field: 'threshold', reason: 'ballot.share_at_least', params: { required: '2/3' } },
      { field: 'abstentionsCountAsCast', reason: 'ballot.abstentions_count' },
      { field: 'commentDays', reason: 'ballot.days_at_least', params: { days: 7 } },
      { field: 'votingDays', reason: 'ballot.days_at_least', params: { days: 7 } },
      { field: 'noticeDays', reason: 'ballot.days_at_least', params: { days: 7 } },
    ]);
  });

  it('compares shares exactly: 4/6 is as strict as 2/3, 3/5 is not', () => {
    const with4of6 = { ...inForce, threshold: { numerator: 4, denominator: 6 } };
    expect(looserRules(with4of6, inForce)).toEqual([]);
    const with3of5 = { ...inForce, threshold: { numerator: 3, denominator: 5 } };
    expect(looserRules(with3of5, inForce).map((p) => p.field)).toEqual(['threshold']);
  });

  it('stricter rules are welcome, and the stricter of two is kept rule by rule', () => {
    const strict: AdoptionRules = {
      ...inForce,
      quorum: { numerator: 2, denominator: 3 },
      noticeDays: 14,
    };
    expect(looserRules(strict, inForce)).toEqual([]);
    expect(stricterRules(weak, inForce)).toEqual(inForce);
    expect(stricterRules(strict, inForce)).toEqual(strict);
    expect(stricterRules({ ...strict, commentDays: 3 }, inForce)).toEqual(strict);
  });
});
