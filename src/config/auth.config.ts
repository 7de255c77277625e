import { registerAs } from '@nestjs/config';
import { intFromEnv } from './app.config';

export interface AuthConfig {
  /** When empty, a secret is generated once and kept in the database (shared by all instances). */
  jwtSecret: string;
  accessTokenSeconds: number;
  refreshTokenDays: number;
  loginAttemptsPerMinute: number;
}

export const authConfig = registerAs('auth', (): AuthConfig => ({
  jwtSecret: process.env.JWT_SECRET ?? '',
  accessTokenSeconds: intFromEnv('ACCESS_TOKEN_SECONDS', 15 * 60),
  refreshTokenDays: intFromEnv('REFRESH_TOKEN_DAYS', 30),
  loginAttemptsPerMinute: intFromEnv('LOGIN_ATTEMPTS_PER_MINUTE', 10),
}));
