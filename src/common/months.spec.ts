import { lastTwelveMonths } from './months';

describe('lastTwelveMonths', () => {
  it('ends with the Beijing month of now, across a year', () => {
    const months = lastTwelveMonths(new Date('2026-02-10T00:00:00Z'));
    expect(months).toHaveLength(12);
    expect(months[0]).toBe('2025-03');
    expect(months[11]).toBe('2026-02');
  });

  it('counts the Beijing month, not the UTC one, on the last evening of a month', () => {
    // 2026-03-31 17:00 UTC is 1 April 01:00 in Beijing.
    expect(lastTwelveMonths(new Date('2026-03-31T17:00:00Z'))[11]).toBe('2026-04');
  });
});
