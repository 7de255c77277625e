import { registerAs } from '@nestjs/config';
import { parseTrustProxy, type TrustProxy } from './trust-proxy';

export interface AppConfig {
  port: number;
  host: string;
  logLevel: string;
  seedDemo: boolean;
  bodyLimitBytes: number;
  publicUrl: string;
  /** Proxies whose X-Forwarded-For is believed (TRUST_PROXY); off by default. */
  trustProxy: TrustProxy;
}

export const appConfig = registerAs('app', (): AppConfig => ({
  port: intFromEnv('PORT', 3000),
  host: process.env.HOST ?? '0.0.0.0',
  logLevel: process.env.LOG_LEVEL ?? 'info',
  seedDemo: process.env.SEED_DEMO !== 'false',
  bodyLimitBytes: intFromEnv('BODY_LIMIT_BYTES', 256 * 1024),
  publicUrl: process.env.PUBLIC_URL ?? '',
  trustProxy: parseTrustProxy(process.env.TRUST_PROXY),
}));

export function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`Environment variable ${name} must be a non-negative integer, got "${raw}"`);
  }
  return value;
}
