import fc from 'fast-check';
import { checkJsonShape } from './json-body';
import { DomainError } from './domain-error';

const limits = { maxDepth: 4, maxEntries: 10 };

function refusal(text: string): string | undefined {
  try {
    checkJsonShape(text, limits);
    return undefined;
  } catch (error) {
    return (error as DomainError).reason;
  }
}

describe('checkJsonShape', () => {
  it.each([
    ['{}', undefined],
    ['[[[[]]]]', undefined],
    ['[[[[[]]]]]', 'request.too_deep'],
    ['{"a":{"b":{"c":{"d":1}}}}', undefined],
    ['{"a":{"b":{"c":{"d":{}}}}}', 'request.too_deep'],
    // Brackets and separators inside strings are text, escaped quotes included.
    ['{"a":"[[[[[[[[{{{{,:,:,:,:,:,:,:,:,:,:,:"}', undefined],
    ['["\\"[[[[[[[[[[[", 1]', undefined],
    ['[1,2,3,4,5,6,7,8,9,10]', undefined],
    ['[1,2,3,4,5,6,7,8,9,10,11]', 'request.too_many_keys'],
    ['{"a":1,"b":2,"c":3,"d":4,"e":5,"f":6,"g":7,"h":8,"i":9,"j":10}', undefined],
    [
      '{"a":1,"b":2,"c":3,"d":4,"e":5,"f":6,"g":7,"h":8,"i":9,"j":10,"k":11}',
      'request.too_many_keys',
    ],
    // Malformed JSON is the parser's to refuse.
    ['{"a":', undefined],
    [']]]]]]]]]', undefined],
  ])('%s → %s', (text, reason) => {
    expect(refusal(text)).toBe(reason);
  });

  it('agrees with the depth of any JSON value it accepts', () => {
    const depthOf = (value: unknown): number =>
      value !== null && typeof value === 'object'
        ? 1 + Math.max(0, ...Object.values(value).map(depthOf))
        : 0;
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), (value) => {
        const text = JSON.stringify(value);
        const reason = refusal(text);
        if (depthOf(value) > limits.maxDepth) expect(reason).toBeDefined();
        else if (reason === 'request.too_deep') throw new Error(`refused as too deep: ${text}`);
      }),
    );
  });

  it('reads 5,000 levels without recursion and stops at the limit', () => {
    expect(() => checkJsonShape('['.repeat(5000) + ']'.repeat(5000))).toThrow(DomainError);
  });
});
