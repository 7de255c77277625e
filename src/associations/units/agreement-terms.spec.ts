import { agreementDatesRefusal } from './agreement-terms';

describe('agreementDatesRefusal', () => {
  const ok = { termFrom: '2026-01-01', termTo: '2026-12-31', signedOn: '2025-12-20' };

  it('accepts a term signed before it starts, or on its first or last day', () => {
    expect(agreementDatesRefusal(ok)).toBeNull();
    expect(agreementDatesRefusal({ ...ok, signedOn: '2026-01-01' })).toBeNull();
    expect(agreementDatesRefusal({ ...ok, signedOn: '2026-12-31' })).toBeNull();
  });

  it('accepts a one-day term', () => {
    expect(agreementDatesRefusal({ ...ok, termTo: '2026-01-01' })).toBeNull();
  });

  it.each(['2026-02-30', '2026-13-01', '2025-02-29'])('refuses the date %s', (date) => {
    expect(agreementDatesRefusal({ ...ok, termTo: date })).toEqual({
      reason: 'agreement.date_invalid',
      params: { date },
    });
  });

  it('refuses a term that ends before it begins', () => {
    expect(agreementDatesRefusal({ ...ok, termTo: '2025-12-31' })).toEqual({
      reason: 'agreement.term_reversed',
      params: { termFrom: '2026-01-01', termTo: '2025-12-31' },
    });
  });

  it('refuses a signing date after the term ended', () => {
    expect(agreementDatesRefusal({ ...ok, signedOn: '2027-01-01' })).toEqual({
      reason: 'agreement.signed_after_term',
      params: { signedOn: '2027-01-01', termTo: '2026-12-31' },
    });
  });
});
