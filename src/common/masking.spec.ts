import { maskPhone, maskPlate } from './masking';

describe('masking', () => {
  it('masks plates keeping province, authority letter and the last two characters', () => {
    expect(maskPlate('京A12345')).toBe('京A·***45');
    expect(maskPlate('京AD12345')).toBe('京A·***45');
  });
  it('masks phone numbers keeping the first three and last four digits', () => {
    expect(maskPhone('13800000001')).toBe('138****0001');
    expect(maskPhone('123')).toBe('****');
  });
});
