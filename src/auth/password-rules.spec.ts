import { commonPasswords, parseList } from './common-passwords';
import { MIN_PASSWORD_LENGTH, passwordProblem } from './password-rules';

describe('password rules', () => {
  const common = commonPasswords();

  it('ships a list of a few thousand common passwords, none shorter than the minimum', () => {
    expect(common.size).toBeGreaterThan(2000);
    for (const entry of common)
      expect([...entry].length).toBeGreaterThanOrEqual(MIN_PASSWORD_LENGTH);
    expect(common.has('hutong-4143')).toBe(false);
  });

  it.each([
    ['short', 'demo-4144', 'password.too_short'],
    ['common', '1234567890', 'password.too_common'],
    ['common in any case', 'QWERTYUIOP', 'password.too_common'],
    ['common in China', 'woaini1314', 'password.too_common'],
    ['the phone', 'x13800000010x', 'password.contains_phone'],
  ])('refuses a %s password', (_, password, reason) => {
    expect(passwordProblem(password, common, '13800000010')?.reason).toBe(reason);
  });

  it('accepts a long, uncommon one, counting characters not bytes', () => {
    expect(passwordProblem('hutong-4143', common, '13800000010')).toBeNull();
    expect(passwordProblem('下岗胡同四一四三号车友', common)).toBeNull();
    expect(passwordProblem('下岗胡同四一四三', common)?.reason).toBe('password.too_short');
  });

  it('reads comments and blank lines out of the list', () => {
    expect(parseList('# note\n\nAbc\n  x  \n')).toEqual(['abc', 'x']);
  });
});
