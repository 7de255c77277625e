import { registerAs } from '@nestjs/config';

export interface LiveConfig {
  /** When set, Socket.IO instances coordinate through Redis; otherwise through PostgreSQL. */
  redisUrl: string;
}

export const liveConfig = registerAs('live', (): LiveConfig => ({
  redisUrl: process.env.REDIS_URL ?? '',
}));
