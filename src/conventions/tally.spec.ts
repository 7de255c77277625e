import fc from 'fast-check';
import { countBallots, tally, type VoteRules } from './tally';

const twoThirdsHalf: VoteRules = {
  eligible: 36,
  quorum: { numerator: 1, denominator: 2 },
  threshold: { numerator: 2, denominator: 3 },
  abstentionsCountAsCast: true,
};

describe('tally: quorum', () => {
  it('is met by exactly half of the households voting', () => {
    expect(tally({ yes: 18, no: 0, abstain: 0 }, twoThirdsHalf).quorumMet).toBe(true);
  });

  it('is missed by one household short of half', () => {
    const result = tally({ yes: 17, no: 0, abstain: 0 }, twoThirdsHalf);
    expect(result).toMatchObject({ quorumMet: false, thresholdMet: true, adopted: false });
  });

  it('counts abstentions towards turnout', () => {
    expect(tally({ yes: 12, no: 0, abstain: 6 }, twoThirdsHalf).quorumMet).toBe(true);
  });

  it('with an odd electorate needs the half rounded up', () => {
    const rules = { ...twoThirdsHalf, eligible: 35 };
    expect(tally({ yes: 17, no: 0, abstain: 0 }, rules).quorumMet).toBe(false);
    expect(tally({ yes: 18, no: 0, abstain: 0 }, rules).quorumMet).toBe(true);
  });

  it('a zero quorum is met even with no votes, but nothing is adopted without a yes', () => {
    const rules = { ...twoThirdsHalf, quorum: { numerator: 0, denominator: 1 } };
    expect(tally({ yes: 0, no: 0, abstain: 0 }, rules)).toMatchObject({
      quorumMet: true,
      thresholdMet: false,
      adopted: false,
    });
  });
});

describe('tally: threshold', () => {
  it('adopts at exactly two thirds of the votes cast', () => {
    expect(tally({ yes: 20, no: 10, abstain: 0 }, twoThirdsHalf)).toMatchObject({
      thresholdMet: true,
      adopted: true,
      turnout: 30,
    });
  });

  it('rejects one vote below two thirds', () => {
    expect(tally({ yes: 19, no: 10, abstain: 0 }, twoThirdsHalf).adopted).toBe(false);
  });

  it('abstentions weigh like a no when they count as cast', () => {
    // 20 of 31 cast is below 2/3; without the abstention 20 of 30 is exactly 2/3.
    expect(tally({ yes: 20, no: 10, abstain: 1 }, twoThirdsHalf).adopted).toBe(false);
    expect(
      tally({ yes: 20, no: 10, abstain: 1 }, { ...twoThirdsHalf, abstentionsCountAsCast: false })
        .adopted,
    ).toBe(true);
  });

  it('a tie never adopts, even under a simple-majority threshold', () => {
    const half = { ...twoThirdsHalf, threshold: { numerator: 1, denominator: 2 } };
    expect(tally({ yes: 10, no: 10, abstain: 0 }, half).adopted).toBe(false);
    expect(tally({ yes: 11, no: 10, abstain: 0 }, half).adopted).toBe(true);
  });

  it('all abstentions adopt nothing', () => {
    const rules = { ...twoThirdsHalf, abstentionsCountAsCast: false };
    expect(tally({ yes: 0, no: 0, abstain: 30 }, rules)).toMatchObject({
      quorumMet: true,
      thresholdMet: false,
    });
  });

  it('unanimity needs every vote cast', () => {
    const all = { ...twoThirdsHalf, threshold: { numerator: 1, denominator: 1 } };
    expect(tally({ yes: 30, no: 0, abstain: 0 }, all).adopted).toBe(true);
    expect(tally({ yes: 30, no: 1, abstain: 0 }, all).adopted).toBe(false);
  });

  it('one more yes never turns an adoption into a rejection (monotone)', () => {
    fc.assert(
      fc.property(
        fc.nat(40),
        fc.nat(40),
        fc.nat(40),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 10 }),
        fc.boolean(),
        (yes, no, abstain, n, d, asCast) => {
          const rules: VoteRules = {
            eligible: 120,
            quorum: { numerator: 1, denominator: 3 },
            threshold: { numerator: Math.min(n, d), denominator: d },
            abstentionsCountAsCast: asCast,
          };
          const before = tally({ yes, no, abstain }, rules);
          const after = tally({ yes: yes + 1, no, abstain }, rules);
          return !before.adopted || after.adopted;
        },
      ),
    );
  });
});

describe('countBallots', () => {
  it('counts each choice', () => {
    expect(countBallots(['yes', 'no', 'yes', 'abstain'])).toEqual({ yes: 2, no: 1, abstain: 1 });
  });
});
