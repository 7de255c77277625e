import { renderReason } from './reasons';
import { formatPlate, inferPlateColor, normalisePlate, parsePlate } from './plate';

describe('plates', () => {
  it.each([
    ['京A12345', '京A12345', 'blue'],
    ['京a·12345', '京A12345', 'blue'],
    [' 京 A-1234 5 ', '京A12345', 'blue'],
    ['京AD12345', '京AD12345', 'green'],
    ['京AF1234O', '京AF12340', 'green'],
    ['粤B12345D', '粤B12345D', 'green'],
    ['京AO1I23', '京A01123', 'blue'],
    ['京A1234警', '京A1234警', 'white'],
    ['粤Z1234港', '粤Z1234港', 'black'],
    ['京A1234学', '京A1234学', 'yellow'],
  ])('accepts %s as %s (%s)', (input, plate, color) => {
    expect(parsePlate(input)).toEqual({ ok: true, plate, color });
  });

  it.each(['', '京A1234', '京AD123', '京A123456', 'XA12345', '京112345', '京A12345X'])(
    'rejects %s with a reason',
    (input) => {
      const result = parsePlate(input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(renderReason(result.reason, {}, 'zh-CN')).toContain('车牌');
    },
  );

  it('checks an explicit colour against the plate length', () => {
    expect(parsePlate('京AD12345', 'blue').ok).toBe(false);
    expect(parsePlate('京A12345', 'green').ok).toBe(false);
    expect(parsePlate('京A12345', 'yellow')).toEqual({
      ok: true,
      plate: '京A12345',
      color: 'yellow',
    });
  });

  it('resolves O and I only in the serial, never in the province or authority letter', () => {
    expect(normalisePlate('京ao1i23')).toBe('京A01123');
  });

  it('formats and infers colours', () => {
    expect(formatPlate('京AD12345')).toBe('京A·D12345');
    expect(formatPlate('京A·12345')).toBe('京A·12345');
    expect(inferPlateColor('京A12345')).toBe('blue');
  });
});
