import { DEFAULT_PARAMETERS } from './parameters';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { diffVersions, sameValue } from './version-diff';

describe('diff between two versions', () => {
  it('lists added, removed and changed articles and changed parameters', () => {
    const v1 = {
      number: 1,
      articles: [
        { number: 1, text: '每户限一辆车' },
        { number: 2, text: '访客每月四次' },
        { number: 3, text: '旧条款' },
      ],
      parameters: DEFAULT_PARAMETERS,
    };
    const v2 = {
      number: 2,
      articles: [
        { number: 1, text: '每户限一辆车' },
        { number: 2, text: '访客每月六次' },
        { number: 4, text: '新条款' },
      ],
      parameters: { ...DEFAULT_PARAMETERS, visitorPassesPerMonth: 6 },
    };
    expect(diffVersions(v1, v2)).toEqual({
      from: 1,
      to: 2,
      articles: {
        added: [{ number: 4, text: '新条款' }],
        removed: [{ number: 3, text: '旧条款' }],
        changed: [{ number: 2, from: '访客每月四次', to: '访客每月六次' }],
      },
      parameters: [{ name: 'visitorPassesPerMonth', from: 4, to: 6 }],
    });
  });

  it('compares structured parameters by value', () => {
    const a = { number: 1, articles: [], parameters: { ...DEFAULT_PARAMETERS } };
    const b = {
      number: 2,
      articles: [],
      parameters: { ...DEFAULT_PARAMETERS, penaltyLadder: [...DEFAULT_PARAMETERS.penaltyLadder] },
    };
    expect(diffVersions(a, b).parameters).toEqual([]);
  });

  it('judges two JSON values equal exactly when node does (key order aside)', () => {
    const json = fc.jsonValue({ maxDepth: 3 });
    fc.assert(fc.property(json, json, (a, b) => sameValue(a, b) === isDeepStrictEqual(a, b)));
    fc.assert(
      fc.property(fc.dictionary(fc.string(), json), (a) => {
        const reversed = Object.fromEntries(Object.entries(a).reverse());
        return sameValue(a, reversed) && sameValue(a, structuredClone(a));
      }),
    );
  });
});
