// Pure: which passwords are refused, wherever a password is set.
import type { Reason } from '../shared/reasons';

export const MIN_PASSWORD_LENGTH = 10;

/**
 * Why `password` is refused, or null: shorter than 10 characters, one of the common passwords
 * attackers try first, or containing the member's phone number (the first guess of anyone who
 * knows them).
 */
export function passwordProblem(
  password: string,
  common: ReadonlySet<string>,
  phone?: string,
): { reason: Reason; params?: { min: number } } | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    return { reason: 'password.too_short', params: { min: MIN_PASSWORD_LENGTH } };
  }
  if (common.has(password.toLowerCase())) return { reason: 'password.too_common' };
  if (phone && password.includes(phone)) return { reason: 'password.contains_phone' };
  return null;
}
