import { isYuan } from './yuan';

describe('a sum in yuan', () => {
  it.each([150, 0.01, 12.5, 999999.99, 5e-324])('%p counts to the fen', (value) => {
    expect(isYuan(value)).toBe(true);
  });
  it.each([0.001, 12.345, NaN, Infinity, '150', null])('%p does not', (value) => {
    expect(isYuan(value)).toBe(false);
  });
});
