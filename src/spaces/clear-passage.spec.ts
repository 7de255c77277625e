import { clearPassageShortfall } from './clear-passage';

const segment = { fromM: 0, toM: 100, widthM: 6.5, clearPassageM: 4 };
const space = (code: string, from: number, side: 1 | -1, depth = 2.2) => ({
  code,
  chainageFrom: from,
  chainageTo: from + 5.5,
  side,
  depth,
});

describe('fire-lane clear passage (消防通道)', () => {
  it('one side painted leaves 4.3 m of 6.5 m: enough', () => {
    expect(clearPassageShortfall([segment], [space('A', 0, -1), space('B', 6, -1)])).toBeNull();
  });

  it('facing spaces on both sides leave 2.1 m: refused, naming them', () => {
    const shortfall = clearPassageShortfall([segment], [space('A', 10, -1), space('B', 12, 1)]);
    expect(shortfall).toMatchObject({ leftM: 2.1, spaces: ['A', 'B'] });
  });

  it('staggered spaces on opposite sides that never face each other are fine', () => {
    expect(clearPassageShortfall([segment], [space('A', 10, -1), space('B', 16, 1)])).toBeNull();
  });

  it('a space outside the segment does not count against it', () => {
    expect(clearPassageShortfall([segment], [space('A', 120, -1), space('B', 120, 1)])).toBeNull();
  });
});
