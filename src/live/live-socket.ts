import type { Socket } from 'socket.io';
import type { Actor } from '../auth/actor';
import type { Lang } from '../shared/i18n';
import type { ServerToClientEvents } from '../shared/live';
import type { TokenBucket } from './token-bucket';

/** What the gateway keeps on each socket of /live. */
export interface SocketData {
  /** Who it is, read afresh from the database at the handshake (not only from the token). */
  actor: Actor;
  /** The language acks are written in: `auth.lang`, else the handshake's Accept-Language. */
  lang: Lang;
  /** When the access token presented at the handshake expires (ms since the epoch). */
  expiresAt: number;
  /** `subscribe`/`unsubscribe` this socket may still send. */
  subscribes: TokenBucket;
  /** Disconnects the socket when its token expires. */
  expiry?: NodeJS.Timeout;
}

export type LiveSocket = Socket<
  Record<string, never>,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;
