import { Inject, Injectable } from '@nestjs/common';
import type { Namespace } from 'socket.io';
import { DomainError } from '../common/domain-error';
import { liveConfig, type LiveConfig } from '../config';
import type { LiveEnded, LiveEndReason } from '../shared/live/sessions';
import type { LiveSocket, SocketData } from './live-socket';
import { TokenBucket } from './token-bucket';

const MINUTE_MS = 60_000;
/** The server-side event that carries a member's access change to the other instances. */
const END_MEMBER = 'live:end-member';
/** setTimeout takes at most 2^31-1 ms; a token valid longer is re-checked when the timer fires. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

interface MemberSockets {
  /** Oldest first. */
  sockets: LiveSocket[];
  subscribes: TokenBucket;
  /** When the last socket closed: the budget outlives it a while, or reconnecting would reset it. */
  idleSince: number | null;
}

/**
 * The live connections of this instance, by member: a socket follows its member's access. It
 * ends when its access token expires, when the member's access changes (on every instance,
 * through the adapter), and when the member opens more sockets than allowed; `subscribe` is
 * rate-limited per socket and per member. The limits are per instance: each instance protects
 * its own event loop.
 */
@Injectable()
export class LiveSessions {
  private namespace?: Namespace;
  private readonly members = new Map<string, MemberSockets>();
  private sweptAt = Date.now();

  constructor(@Inject(liveConfig.KEY) private readonly config: LiveConfig) {}

  /** Called by the gateway once the namespace exists. */
  attach(namespace: Namespace): void {
    this.namespace = namespace;
    // Another instance saw a member's access change (serverSideEmit reaches all but the sender).
    namespace.on(END_MEMBER, (memberId: unknown) => {
      if (typeof memberId === 'string') this.endLocal(memberId);
    });
  }

  /** A socket passed the handshake: arm its expiry, count it against its member's sockets. */
  admit(socket: LiveSocket): void {
    const now = Date.now();
    socket.data.subscribes = new TokenBucket(
      this.config.subscribesPerSocketPerMinute,
      MINUTE_MS,
      now,
    );
    this.forgetIdleMembers(now);
    const memberId = socket.data.actor.memberId;
    const entry = this.members.get(memberId) ?? {
      sockets: [],
      subscribes: new TokenBucket(this.config.subscribesPerMemberPerMinute, MINUTE_MS, now),
      idleSince: null,
    };
    this.members.set(memberId, entry);
    entry.sockets.push(socket);
    entry.idleSince = null;
    // The newest connection is the screen in the person's hand: the oldest gives way.
    while (entry.sockets.length > this.config.socketsPerMember) {
      const oldest = entry.sockets.shift()!;
      this.end(oldest, 'live.too_many_sockets', { limit: this.config.socketsPerMember });
    }
    this.armExpiry(socket);
  }

  /** The socket is gone: forget it and its timer. */
  release(socket: LiveSocket): void {
    clearTimeout(socket.data.expiry);
    // A socket refused at the handshake never had an actor.
    const memberId = (socket.data.actor as SocketData['actor'] | undefined)?.memberId;
    const entry = memberId ? this.members.get(memberId) : undefined;
    if (!memberId || !entry) return;
    entry.sockets = entry.sockets.filter((s) => s !== socket);
    if (entry.sockets.length === 0) entry.idleSince = Date.now();
  }

  /** One `subscribe` or `unsubscribe`; refused with `live.too_many_subscribes` past the limits. */
  takeSubscribe(socket: LiveSocket): void {
    const now = Date.now();
    const own = socket.data.subscribes.take(now);
    if (!own.ok) throw tooMany(own.retryInMs);
    const member = this.members.get(socket.data.actor.memberId)?.subscribes.take(now);
    if (member && !member.ok) {
      socket.data.subscribes.refund();
      throw tooMany(member.retryInMs);
    }
  }

  /**
   * The member's access changed (logged out, deactivated, role or password changed): every
   * socket of theirs, on every instance, is told and closed. The client reconnects, and the
   * handshake decides anew from the database and the token it then presents.
   */
  endMember(memberId: string): void {
    if (!this.namespace) return;
    // One message to the other instances, each then tells and closes its own sockets in order.
    this.namespace.serverSideEmit(END_MEMBER, memberId);
    this.endLocal(memberId);
  }

  private endLocal(memberId: string): void {
    for (const socket of this.members.get(memberId)?.sockets ?? []) {
      this.end(socket, 'live.access_changed');
    }
  }

  /** Once a minute: members without sockets for a minute, whose budget has refilled. */
  private forgetIdleMembers(now: number): void {
    if (now - this.sweptAt < MINUTE_MS) return;
    this.sweptAt = now;
    for (const [memberId, entry] of this.members) {
      if (entry.idleSince !== null && now - entry.idleSince >= MINUTE_MS) {
        this.members.delete(memberId);
      }
    }
  }

  private armExpiry(socket: LiveSocket): void {
    if (socket.disconnected) return;
    const left = socket.data.expiresAt - Date.now();
    if (left <= 0) return this.end(socket, 'auth.session_expired');
    socket.data.expiry = setTimeout(() => this.armExpiry(socket), Math.min(left, LONGEST_TIMER_MS));
    socket.data.expiry.unref();
  }

  private end(socket: LiveSocket, reason: LiveEndReason, params?: LiveEnded['params']): void {
    socket.emit('live.ended', params ? { reason, params } : { reason });
    socket.disconnect();
  }
}

function tooMany(retryInMs: number): DomainError {
  return new DomainError('live.too_many_subscribes', {
    seconds: Math.max(1, Math.ceil(retryInMs / 1000)),
  });
}
