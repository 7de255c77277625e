import { registerAs } from '@nestjs/config';
import { intFromEnv } from './app.config';

export interface DatabaseConfig {
  /** Empty when the service should start its own embedded PostgreSQL. */
  url: string;
  embeddedDataDir: string;
  embeddedPort: number;
  poolSize: number;
  /** How long a request waits for a new connection before it is answered 503. */
  connectTimeoutMs: number;
}

export const databaseConfig = registerAs('database', (): DatabaseConfig => ({
  url: process.env.DATABASE_URL ?? '',
  embeddedDataDir: process.env.EMBEDDED_PG_DIR ?? '.data/pg',
  embeddedPort: intFromEnv('EMBEDDED_PG_PORT', 0),
  poolSize: intFromEnv('DATABASE_POOL_SIZE', 10),
  connectTimeoutMs: intFromEnv('DATABASE_CONNECT_TIMEOUT_MS', 5000),
}));
