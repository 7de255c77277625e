// What the live connection itself tells a client, whatever feature it follows.

/** Why the server is about to close a socket; the client reconnects unless told not to. */
export type LiveEndReason =
  /** The access token ran out: reconnect with a fresh one. */
  | 'auth.session_expired'
  /** Logged out, deactivated, role or password changed: reconnect, the handshake decides anew. */
  | 'live.access_changed'
  /** The member opened more sockets than allowed: this, the oldest, is dropped; do not reconnect. */
  | 'live.too_many_sockets';

export interface LiveEnded {
  reason: LiveEndReason;
  params?: Record<string, string | number>;
}

export interface SessionLiveEvents {
  /** Sent just before the server disconnects the socket. */
  'live.ended': (payload: LiveEnded) => void;
}
