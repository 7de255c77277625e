import { Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import {
  ConnectedSocket,
  MessageBody,
  type OnGatewayConnection,
  type OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import type { Actor } from '../auth/actor';
import { TokenService } from '../auth/token.service';
import { DomainError } from '../common/domain-error';
import { langOf, toErrorBody } from '../common/error.filter';
import { type Lang, pickLang } from '../shared/i18n';
import type { ErrorBody } from '../common/error-body';
import { LiveEmitter } from './live-emitter';
import { LIVE_PUSH, type LivePush, rooms } from './live-events';
import { type LiveTopic, LiveTopics } from './live-topics';

/** Typed event map of the /live namespace (server → client). */
export interface LiveServerEvents {
  snapshot: (payload: unknown) => void;
  [event: string]: (payload: unknown) => void;
}

export type SubscribeAck =
  { ok: true; subscribed: { key: string; id: string }[] } | { ok: false; error: ErrorBody };

interface SocketData {
  actor: Actor;
  /** The language acks are written in: `auth.lang`, else the handshake's Accept-Language. */
  lang: Lang;
}
type LiveSocket = Socket<
  Record<string, never>,
  LiveServerEvents,
  Record<string, never>,
  SocketData
>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Namespace /live: authenticates at the handshake (JWT in `auth.token`), joins the member's
 * standing rooms, serves `subscribe`, and fans committed domain events (LIVE_PUSH) out to rooms
 * on every instance. No business logic here: topics (live-topics.ts) decide who sees what.
 */
@WebSocketGateway({ namespace: '/live', cors: false })
export class LiveGateway implements OnGatewayInit<Namespace>, OnGatewayConnection<LiveSocket> {
  private readonly logger = new Logger('LiveGateway');
  @WebSocketServer() private readonly namespace!: Namespace;

  constructor(
    private readonly tokens: TokenService,
    private readonly topics: LiveTopics,
    private readonly emitter: LiveEmitter,
  ) {}

  afterInit(namespace: Namespace): void {
    this.emitter.attach(namespace);
    namespace.use((socket, next) => {
      const { token, lang } = socket.handshake.auth as { token?: unknown; lang?: unknown };
      const data = socket.data as SocketData;
      data.lang = pickLang(typeof lang === 'string' ? lang : langOf(socket.handshake));
      try {
        if (typeof token !== 'string' || !token) {
          throw new DomainError('auth.login_required');
        }
        data.actor = this.tokens.verifyAccessToken(token);
        next();
      } catch (error) {
        const body = toErrorBody(error, data.lang);
        next(Object.assign(new Error(body.message), { data: body }));
      }
    });
  }

  async handleConnection(socket: LiveSocket): Promise<void> {
    const actor = socket.data.actor;
    await socket.join(standingRooms(actor));
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
        socket.emit(event, payload);
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

  @OnEvent(LIVE_PUSH)
  push(message: LivePush): void {
    let target = this.namespace.to(message.room);
    if (message.except?.length) target = target.except(message.except);
    target.emit(message.event, message.payload);
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
  if (actor.role === 'admin') joined.push(rooms.council(actor.associationId));
  if (actor.role === 'admin' || actor.role === 'warden')
    joined.push(rooms.staff(actor.associationId));
  return joined;
}
