import { registerAs } from '@nestjs/config';
import { intFromEnv } from './app.config';

export interface LiveConfig {
  /** When set, Socket.IO instances coordinate through Redis; otherwise through PostgreSQL. */
  redisUrl: string;
  /** Live connections one member keeps on one instance; a newer one drops the oldest. */
  socketsPerMember: number;
  /** `subscribe`/`unsubscribe` messages one socket may send per minute (and in one burst). */
  subscribesPerSocketPerMinute: number;
  /** The same for all of one member's sockets on one instance together. */
  subscribesPerMemberPerMinute: number;
}

export const liveConfig = registerAs('live', (): LiveConfig => ({
  redisUrl: process.env.REDIS_URL ?? '',
  socketsPerMember: intFromEnv('LIVE_SOCKETS_PER_MEMBER', 10),
  subscribesPerSocketPerMinute: intFromEnv('LIVE_SUBSCRIBES_PER_SOCKET_PER_MINUTE', 30),
  subscribesPerMemberPerMinute: intFromEnv('LIVE_SUBSCRIBES_PER_MEMBER_PER_MINUTE', 90),
}));
