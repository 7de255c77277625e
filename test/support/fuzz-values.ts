import fc from 'fast-check';

/** The broken values the fuzz puts in fields, parameters and bodies. */

// Past the body limit (256 KiB) once a body holds it; most stay under to reach validation.
const HUGE = 70_000;
const bidi = '\u202e';
const emoji = '🚗👨‍👩‍👧‍👦🏳️‍🌈';

/** Text a type check lets through but a database, a terminal or a reader may not. */
export const sneakyText = fc
  .oneof(
    fc.constantFrom(
      '\u0000',
      '\u0007',
      '\u001b[31m',
      '\u007f',
      bidi,
      '\u2066',
      '\u2069',
      '\ud800',
      '\udfff',
    ),
    fc.constantFrom('下岗胡同', '京A12345', '王秀兰', 'XG-07', '挡住了院门口', 'note', emoji),
  )
  .chain((poison) =>
    fc
      .constantFrom('下岗胡同', '京A12345', '王秀兰', 'XG-07', '')
      .map((text) => `${text}${poison}${text}`),
  );

export const extremeNumber = fc.constantFrom(
  0,
  -1,
  1.5,
  1e20,
  -1e20,
  2147483647,
  2147483648,
  -2147483649,
  Number.MAX_SAFE_INTEGER,
  1e308,
  5e-324,
);

export const hostileText = fc.oneof(
  { weight: 4, arbitrary: sneakyText },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      emoji,
      '\r\n\t',
      'not-a-uuid',
      '00000000-0000-0000-0000-000000000000',
      '2026-02-30',
      '2026-13-01T25:61:00Z',
      '0000-01-01T00:00:00Z',
      '9999-12-31T23:59:59+08:00',
      '275760-09-13T00:00:00Z',
      '2026-03-02T19:00:00+14:00',
      '25:00',
      '24:00',
      '-1',
      '1e309',
      'NaN',
      '99999999999999999999',
      "'; DROP TABLE member; --",
      '=HYPERLINK("http://x")',
      '<script>alert(1)</script>',
      '../../etc/passwd',
      '%00',
      '__proto__',
    ),
  },
  { weight: 1, arbitrary: fc.uuid() },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: HUGE }).map((n) => 'x'.repeat(n)) },
  { weight: 1, arbitrary: fc.integer({ min: 100, max: 10_000 }).map((n) => '长'.repeat(n)) },
  { weight: 1, arbitrary: fc.constant('x'.repeat(300_000)) },
);

const nested = (depth: number, leaf: unknown): unknown =>
  depth === 0 ? leaf : depth % 2 ? [nested(depth - 1, leaf)] : { a: nested(depth - 1, leaf) };

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileText },
  { weight: 2, arbitrary: fc.constant(null) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      true,
      false,
      0,
      -1,
      1.5,
      -0.0001,
      1e20,
      -1e20,
      2147483648,
      Number.MAX_SAFE_INTEGER,
      1e308,
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom([], {}, [null], [''], { a: 1 }) },
  { weight: 1, arbitrary: fc.integer({ min: 2, max: 30 }).map((d) => nested(d, 'x')) },
  { weight: 1, arbitrary: fc.integer({ min: 100, max: 12_000 }).map((n) => Array(n).fill(1)) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

/** Whole bodies that are not what any route reads. */
export const hostileBody: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    'null',
    '[]',
    '"x"',
    '42',
    '{',
    '{"a":1,}',
    '\ufeff{}',
    '{"__proto__":{"admin":true}}',
    '{"constructor":{"prototype":{"admin":true}}}',
  ),
  fc.integer({ min: 30, max: 6_000 }).map((d) => '['.repeat(d) + ']'.repeat(d)),
  fc.integer({ min: 30, max: 3_000 }).map((d) => '{"a":'.repeat(d) + '1' + '}'.repeat(d)),
  fc
    .integer({ min: 5_000, max: 20_000 })
    .map((n) => `{${Array.from({ length: n }, (_, i) => `"k${i}":1`).join(',')}}`),
  hostileValue.map((value) => JSON.stringify(value) ?? 'null'),
);

/** Percent-encodes as a browser would; a lone surrogate (which encodeURIComponent refuses) as U+FFFD. */
export function encode(text: string): string {
  return encodeURIComponent(
    text.replace(
      /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
      '\uFFFD',
    ),
  );
}

export function textOf(value: unknown): string {
  if (typeof value === 'string') return value.slice(0, 3000);
  const json = JSON.stringify(value) ?? 'null';
  return json.slice(0, 3000);
}
