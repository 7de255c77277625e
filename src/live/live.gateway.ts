import { Logger } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import jwt from 'jsonwebtoken';
import type { Namespace, Socket } from 'socket.io';
import type { Actor } from '../auth/actor';
import { isCouncil, isStaffOf } from '../auth/policy';
import { TokenService } from '../auth/token.service';
import { MembersService } from '../associations/members.service';
import { DomainError } from '../common/domain-error';
import type { ErrorBody } from '../common/error-body';
import { langOf, toErrorBody } from '../common/error.filter';
import { pickLang } from '../shared/i18n';
import { LiveEmitter } from './live-emitter';
import { rooms } from './live-events';
import { LiveSessions } from './live-sessions';
import type { LiveSocket, SocketData } from './live-socket';
import { type LiveTopic, LiveTopics } from './live-topics';

export type SubscribeAck =
  { ok: true; subscribed: { key: string; id: string }[] } | { ok: false; error: ErrorBody };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Namespace /live: authenticates at the handshake (JWT in `auth.token`, the member read afresh),
 * joins the member's standing rooms and serves `subscribe` (rate-limited first); the pushes
 * themselves come from the features' listeners (src/live/listeners). No business logic here: topics (live-topics.ts) decide who sees what, LiveSessions
 * how long a socket may stay.
 */
@WebSocketGateway({ namespace: '/live', cors: false })
export class LiveGateway
  implements
    OnGatewayInit<Namespace>,
    OnGatewayConnection<LiveSocket>,
    OnGatewayDisconnect<LiveSocket>
{
  private readonly logger = new Logger('LiveGateway');
  @WebSocketServer() private readonly namespace!: Namespace;

  constructor(
    private readonly tokens: TokenService,
    private readonly members: MembersService,
    private readonly topics: LiveTopics,
    private readonly emitter: LiveEmitter,
    private readonly sessions: LiveSessions,
  ) {}

  afterInit(namespace: Namespace): void {
    this.emitter.attach(namespace);
    this.sessions.attach(namespace);
    namespace.use((socket, next) => {
      const { token, lang } = socket.handshake.auth as { token?: unknown; lang?: unknown };
      const data = socket.data as SocketData;
      data.lang = pickLang(typeof lang === 'string' ? lang : langOf(socket.handshake));
      this.authenticate(token).then(
        ({ actor, expiresAt }) => {
          data.actor = actor;
          data.expiresAt = expiresAt;
          // Read once: the socket need not carry the token (a third of a KiB) for its life.
          delete (socket.handshake.auth as { token?: unknown }).token;
          next();
        },
        (error: unknown) => {
          const body = toErrorBody(error, data.lang);
          if (body.statusCode >= 500) this.logger.error(error);
          next(Object.assign(new Error(body.message), { data: body }));
        },
      );
    });
  }

  async handleConnection(socket: LiveSocket): Promise<void> {
    this.sessions.admit(socket);
    // Refused before anything else runs for it: a flood costs a counter and an ack each.
    socket.use((packet, next) => {
      const [event] = packet;
      if (event !== 'subscribe' && event !== 'unsubscribe') return next();
      try {
        this.sessions.takeSubscribe(socket);
        next();
      } catch (error) {
        const ack = packet[packet.length - 1] as unknown;
        const refusal: SubscribeAck = { ok: false, error: toErrorBody(error, socket.data.lang) };
        if (typeof ack === 'function') (ack as (answer: SubscribeAck) => void)(refusal);
      }
    });
    await socket.join(standingRooms(socket.data.actor));
  }

  handleDisconnect(socket: LiveSocket): void {
    this.sessions.release(socket);
  }

  @SubscribeMessage('subscribe')
  async subscribe(
    @ConnectedSocket() socket: LiveSocket,
    @MessageBody() body: unknown,
  ): Promise<SubscribeAck> {
    try {
      const targets = await this.targetsOf(socket.data.actor, body);
      for (const { topic, id } of targets) await topic.authorize(socket.data.actor, id);
      for (const { topic, id } of targets) {
        await socket.join(topic.rooms(socket.data.actor, id));
        const { event, payload } = await topic.snapshot(socket.data.actor, id);
        // A topic names its own snapshot event (e.g. `carpark.updated`); see LiveTopic.
        (socket as Socket).emit(event, payload);
      }
      return { ok: true, subscribed: targets.map(({ topic, id }) => ({ key: topic.key, id })) };
    } catch (error) {
      const body = toErrorBody(error, socket.data.lang);
      if (body.statusCode >= 500) this.logger.error(error);
      return { ok: false, error: body };
    }
  }

  @SubscribeMessage('unsubscribe')
  async unsubscribe(
    @ConnectedSocket() socket: LiveSocket,
    @MessageBody() body: unknown,
  ): Promise<SubscribeAck> {
    try {
      const targets = await this.targetsOf(socket.data.actor, body);
      for (const { topic, id } of targets) {
        for (const room of topic.rooms(socket.data.actor, id)) await socket.leave(room);
      }
      return { ok: true, subscribed: [] };
    } catch (error) {
      return { ok: false, error: toErrorBody(error, socket.data.lang) };
    }
  }

  /**
   * A valid token of ours, and a member who is still active: who they are now (role, household,
   * grants) is read from the database, so a socket opened after a change gets the rooms of the
   * member as they are, not as the token remembers them.
   */
  private async authenticate(token: unknown): Promise<{ actor: Actor; expiresAt: number }> {
    if (typeof token !== 'string' || !token) throw new DomainError('auth.login_required');
    // verifyCurrent refuses a token its member no longer holds (logged out, re-passworded, …).
    const claimed = await this.tokens.verifyCurrent(token);
    const actor = await this.members.actorFor(claimed.memberId);
    if (!actor) throw new DomainError('live.access_changed');
    const { exp } = jwt.decode(token) as { exp?: number };
    return {
      actor,
      expiresAt: exp ? exp * 1000 : Date.now() + this.tokens.accessTokenSeconds * 1000,
    };
  }

  private async targetsOf(
    actor: Actor,
    body: unknown,
  ): Promise<{ topic: LiveTopic; id: string }[]> {
    const payload = body ?? {};
    if (typeof payload !== 'object' || Array.isArray(payload)) throw invalidSubscribe(this.topics);
    const entries = Object.entries(payload as Record<string, unknown>);
    if (entries.length === 0) {
      const all = await Promise.all(
        this.topics
          .list()
          .map(async (topic) => ((await topic.all?.(actor)) ?? []).map((id) => ({ topic, id }))),
      );
      return all.flat();
    }
    const [key, id] = entries[0]!;
    const topic = this.topics.byKey(key);
    if (entries.length > 1 || !topic || typeof id !== 'string' || !UUID.test(id)) {
      throw invalidSubscribe(this.topics);
    }
    return [{ topic, id }];
  }
}

function invalidSubscribe(topics: LiveTopics): DomainError {
  const keys = topics.keys().map((key) => `{ ${key}: uuid }`);
  return new DomainError('live.subscribe_invalid', { keys: keys.join(', ') });
}

/** Rooms every socket of this member is in from the start (see live-events.ts). */
function standingRooms(actor: Actor): string[] {
  const joined = [rooms.member(actor.memberId), rooms.association(actor.associationId)];
  if (actor.householdId) joined.push(rooms.household(actor.householdId));
  if (actor.residentUnitId) joined.push(rooms.residentUnit(actor.residentUnitId));
  if (isCouncil(actor)) joined.push(rooms.council(actor.associationId));
  if (isStaffOf(actor, actor.associationId)) joined.push(rooms.staff(actor.associationId));
  return joined;
}
