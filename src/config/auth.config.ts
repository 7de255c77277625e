import { registerAs } from '@nestjs/config';
import { intFromEnv } from './app.config';

export interface LoginLimits {
  /** Failed logins of one account before it is locked for a window (stops guessing). */
  failuresPerAccount: number;
  accountWindowSeconds: number;
  /**
   * Failed logins from one client address before it is locked for a window: generous, since a
   * lane's residents may share one carrier NAT.
   */
  failuresPerAddress: number;
  addressWindowSeconds: number;
}

export interface AuthConfig {
  /** When empty, a secret is generated once and kept in the database (shared by all instances). */
  jwtSecret: string;
  accessTokenSeconds: number;
  refreshTokenDays: number;
  loginLimits: LoginLimits;
  /**
   * How long an instance may trust what it last read of a member's token version and status:
   * a logout, deactivation, role or password change reaches every instance within this time.
   */
  accessCheckSeconds: number;
}

export const authConfig = registerAs('auth', (): AuthConfig => ({
  jwtSecret: process.env.JWT_SECRET ?? '',
  accessTokenSeconds: intFromEnv('ACCESS_TOKEN_SECONDS', 15 * 60),
  refreshTokenDays: intFromEnv('REFRESH_TOKEN_DAYS', 30),
  loginLimits: {
    failuresPerAccount: intFromEnv('LOGIN_FAILURES_PER_ACCOUNT', 10),
    accountWindowSeconds: intFromEnv('LOGIN_ACCOUNT_WINDOW_SECONDS', 15 * 60),
    failuresPerAddress: intFromEnv('LOGIN_FAILURES_PER_ADDRESS', 300),
    addressWindowSeconds: intFromEnv('LOGIN_ADDRESS_WINDOW_SECONDS', 10 * 60),
  },
  accessCheckSeconds: intFromEnv('ACCESS_CHECK_SECONDS', 2),
}));
