// The result of a convention vote, computed from the ballots, never typed in. Pure.
//
// Quorum: turnout (yes + no + abstain) is at least quorum × eligible voters, so "half of
// households voting" is met by exactly half.
// Threshold: yes is at least threshold × the base, where the base is every ballot cast
// (abstentions then weigh like a no) or, if the draft says so, yes + no only. A tie between yes
// and no never adopts, whatever the threshold: a convention binds everyone, so it needs more
// support than opposition.

import type { Fraction } from '../shared/api/conventions';

export type { Fraction };

export interface BallotCounts {
  yes: number;
  no: number;
  abstain: number;
}

export interface VoteRules {
  eligible: number;
  quorum: Fraction;
  threshold: Fraction;
  abstentionsCountAsCast: boolean;
}

export interface Tally extends BallotCounts {
  eligible: number;
  turnout: number;
  quorumMet: boolean;
  thresholdMet: boolean;
  adopted: boolean;
}

export function tally(counts: BallotCounts, rules: VoteRules): Tally {
  const turnout = counts.yes + counts.no + counts.abstain;
  // Cross-multiplied in integers so 2/3 of 9 is exactly 6, with no rounding.
  const quorumMet = turnout * rules.quorum.denominator >= rules.quorum.numerator * rules.eligible;
  const base = rules.abstentionsCountAsCast ? turnout : counts.yes + counts.no;
  const thresholdMet =
    base > 0 &&
    counts.yes * rules.threshold.denominator >= rules.threshold.numerator * base &&
    counts.yes > counts.no;
  return {
    ...counts,
    eligible: rules.eligible,
    turnout,
    quorumMet,
    thresholdMet,
    adopted: quorumMet && thresholdMet,
  };
}

export function countBallots(choices: readonly string[]): BallotCounts {
  const counts: BallotCounts = { yes: 0, no: 0, abstain: 0 };
  for (const choice of choices) {
    if (choice === 'yes' || choice === 'no' || choice === 'abstain') counts[choice]++;
  }
  return counts;
}
