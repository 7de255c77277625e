import { Injectable } from '@nestjs/common';
import { DomainError } from '../common/domain-error';
import { commonPasswords } from './common-passwords';
import { LoginLimiter } from './login-limiter';
import { hashPassword, verifyPassword } from './password';
import { passwordProblem } from './password-rules';

/** Wherever a password is set or proved: the rules of a new one, and proving the current one. */
@Injectable()
export class PasswordRules {
  constructor(private readonly limiter: LoginLimiter) {}

  /** Refuses a password under 10 characters, a common one, or one holding the phone number. */
  assertAcceptable(password: string, phone?: string): void {
    const problem = passwordProblem(password, commonPasswords(), phone);
    if (problem) throw new DomainError(problem.reason, problem.params);
  }

  hash(password: string): Promise<string> {
    return hashPassword(password);
  }

  /**
   * Proves the member's current password before they change it. Guesses count against the
   * account like failed logins, so a borrowed phone with an open session cannot try them all.
   */
  async assertCurrent(
    phone: string,
    current: string | undefined,
    storedHash: string | null,
  ): Promise<void> {
    if (!current) throw new DomainError('password.current_required');
    const subject = { phone };
    await this.limiter.assertOpen(subject);
    if (!storedHash || !(await verifyPassword(current, storedHash))) {
      await this.limiter.recordFailure(subject);
      throw new DomainError('password.current_wrong');
    }
  }
}
