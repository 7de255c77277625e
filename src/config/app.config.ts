import { registerAs } from '@nestjs/config';
import { parseTrustProxy, type TrustProxy } from './trust-proxy';

export interface AppConfig {
  port: number;
  host: string;
  logLevel: string;
  /** 'auto': readable lines on a terminal, JSON lines otherwise; or 'json' / 'pretty'. */
  logFormat: 'auto' | 'json' | 'pretty';
  seedDemo: boolean;
  bodyLimitBytes: number;
  publicUrl: string;
  /** Proxies whose X-Forwarded-For is believed (TRUST_PROXY); off by default. */
  trustProxy: TrustProxy;
  /** How long a creating request's Idempotency-Key (and its stored response) is kept. */
  idempotencyKeyHours: number;
}

export const appConfig = registerAs('app', (): AppConfig => ({
  port: intFromEnv('PORT', 3000),
  host: process.env.HOST ?? '0.0.0.0',
  logLevel: process.env.LOG_LEVEL ?? 'info',
  logFormat: logFormatFromEnv(),
  seedDemo: process.env.SEED_DEMO !== 'false',
  bodyLimitBytes: intFromEnv('BODY_LIMIT_BYTES', 256 * 1024),
  publicUrl: process.env.PUBLIC_URL ?? '',
  trustProxy: parseTrustProxy(process.env.TRUST_PROXY),
  idempotencyKeyHours: intFromEnv('IDEMPOTENCY_KEY_HOURS', 24),
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

function logFormatFromEnv(): AppConfig['logFormat'] {
  const raw = process.env.LOG_FORMAT ?? 'auto';
  if (raw === 'auto' || raw === 'json' || raw === 'pretty') return raw;
  throw new Error(`LOG_FORMAT must be auto, json or pretty, got "${raw}"`);
}
