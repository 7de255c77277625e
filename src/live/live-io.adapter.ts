import type { INestApplicationContext } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter as createPostgresAdapter } from '@socket.io/postgres-adapter';
import { Pool, type PoolClient } from 'pg';
import type { createAdapter as createRedisAdapterType } from '@socket.io/redis-adapter';
import type { createClient } from 'redis';
import { throttled } from '../common/throttled-log';
import type { MessageMappingProperties } from '@nestjs/websockets';
import type { Observable } from 'rxjs';
import type { Server, ServerOptions } from 'socket.io';
import { GuardedClient } from '../database/guarded-client';

type AdapterFactory = ReturnType<typeof createPostgresAdapter>;

/**
 * Socket.IO across instances: every broadcast reaches the sockets of every instance. PostgreSQL
 * (LISTEN/NOTIFY, on the service's own database) by default, so nothing new has to be run;
 * Redis pub/sub when REDIS_URL is set, for larger deployments.
 *
 * Connections open only when the Socket.IO server is created (app.init/listen), so an app that
 * is built and closed without listening (the demo seed) leaves nothing behind; dispose() closes
 * them with the app. Losing the database or Redis never ends the process: pushes between
 * instances pause and resume when the connection is back.
 */
export class LiveIoAdapter extends IoAdapter {
  private readonly logger = new Logger('LiveIoAdapter');
  private readonly servers: Server[] = [];
  private readonly closers: (() => Promise<unknown>)[] = [];

  constructor(
    app: INestApplicationContext,
    private readonly options: { databaseUrl: string; redisUrl: string },
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, options) as Server;
    server.adapter(this.options.redisUrl ? this.redisAdapter() : this.postgresAdapter());
    this.servers.push(server);
    return server;
  }

  /**
   * Nest binds each message handler of each socket as an rxjs pipeline (fromEvent, mergeMap,
   * takeUntil a shared disconnect$): a dozen subscribers and their closures, kept for the life
   * of every connected socket: nearly half of what a socket cost the service (about 11 of
   * 25 KiB of heap; test/bench/live-memory.mjs). Here each handler is one plain listener; a
   * message still goes through Nest's `callback` (guards, pipes, exception filters) and
   * `transform`, and an answer is acked or emitted exactly as Nest does, and dropped once the
   * socket has gone (as takeUntil did). See docs/benchmarks.md.
   */
  override bindMessageHandlers(
    // Nest's own copy of socket.io's Socket type.
    socket: Parameters<IoAdapter['bindMessageHandlers']>[0],
    handlers: MessageMappingProperties[],
    transform: (data: unknown) => Observable<unknown>,
  ): void {
    for (const { message, callback, isAckHandledManually } of handlers) {
      socket.on(message as string, (...args: unknown[]) => {
        // What rxjs's fromEvent passed on: the one argument, or all of them as an array.
        const { data, ack } = this.mapPayload(args.length === 1 ? args[0] : args) as {
          data: unknown;
          ack?: (response: unknown) => void;
        };
        transform(callback(data, ack)).subscribe({
          next: (response) => {
            if (response === null || response === undefined || socket.disconnected) return;
            const { event, data: eventData } = response as { event?: string; data?: unknown };
            if (event) return void socket.emit(event, eventData);
            if (!isAckHandledManually && typeof ack === 'function') ack(response);
          },
          error: (error: unknown) => this.logger.error(error),
        });
      });
    }
  }

  override async dispose(): Promise<void> {
    await super.dispose();
    for (const server of this.servers.splice(0)) {
      server.engine.close();
      for (const namespace of server._nsps.values()) await namespace.adapter.close();
    }
    for (const close of this.closers.splice(0)) await close();
  }

  private postgresAdapter(): AdapterFactory {
    // NOTIFY goes through this small pool, kept apart from the request pool so a busy API never
    // delays a push; the LISTEN connection is its own (ListenConnection), outside any pool.
    const pool = new Pool({
      connectionString: this.options.databaseUrl,
      max: 2,
      application_name: 'hutong-parking live',
      connectionTimeoutMillis: 5000,
      Client: GuardedClient,
    });
    const report = throttled(this.logger, 'live pushes to other instances failed');
    pool.on('error', report);
    const listener = new ListenConnection(this.options.databaseUrl, this.logger);
    this.closers.push(async () => {
      await listener.close();
      await settled(pool);
      await pool.end();
    });
    return withoutWaitingForNotify(
      createPostgresAdapter(listener.besides(pool), { errorHandler: report }),
    );
  }

  private redisAdapter(): AdapterFactory {
    // Loaded only with REDIS_URL: most installations never use it, and loading it costs a
    // tenth of the start-up time.
    /* eslint-disable @typescript-eslint/no-require-imports */
    const redis = require('redis') as { createClient: typeof createClient };
    const { createAdapter: createRedisAdapter } = require('@socket.io/redis-adapter') as {
      createAdapter: typeof createRedisAdapterType;
    };
    /* eslint-enable @typescript-eslint/no-require-imports */
    const pub = redis.createClient({ url: this.options.redisUrl });
    const sub = pub.duplicate();
    // node-redis reconnects by itself (with backoff) and subscribes again; while Redis is away
    // it reports every attempt, so say it once in a while.
    const report = throttled(this.logger, 'Redis for live pushes');
    let away = false;
    for (const client of [pub, sub]) {
      client.on('error', (error: Error) => {
        away = true;
        report(error);
      });
      client.on('ready', () => {
        if (away) this.logger.log('Redis for live pushes is back');
        away = false;
      });
    }
    // The adapter publishes without awaiting: a publish in flight when Redis goes away must not
    // become an unhandled rejection, which would end the process.
    const publish = pub.publish.bind(pub);
    (pub as { publish: typeof publish }).publish = (...args) =>
      publish(...args).catch((error: Error) => {
        report(error);
        return 0;
      });
    const connected = Promise.all([pub.connect(), sub.connect()]);
    this.closers.push(async () => {
      // A Redis that never answered leaves its clients retrying in the background: stop those
      // too, or the process never exits.
      await withinMs(
        connected.catch(() => undefined),
        2000,
      );
      await Promise.all([pub, sub].map(closeRedis));
    });
    return createRedisAdapter(pub, sub) as unknown as AdapterFactory;
  }
}

/**
 * The PostgreSQL adapter's LISTEN connection. The adapter takes it with `pool.connect()` and keeps
 * it: from a pool, a connection PostgreSQL ended would stay counted as checked out (after three
 * the pool is empty and pushes stop for good) and it had no 'error' listener (an uncaught
 * exception that ended the process). So the adapter is handed a pool whose `connect()` opens a
 * connection of its own here, guarded, with a growing pause after failures; when it ends, the
 * adapter asks again and LISTENs anew, so pushes from other instances resume by themselves.
 */
class ListenConnection {
  private failures = 0;
  private lost = false;
  private closed = false;
  private readonly clients = new Set<GuardedClient>();
  /** Released connections still saying goodbye: the database must not stop under them. */
  private readonly ending = new Set<Promise<void>>();

  constructor(
    private readonly url: string,
    private readonly logger: Logger,
  ) {}

  /** A stand-in for `pool` that the adapter uses: its queries go to `pool`, its LISTEN here. */
  besides(pool: Pool): Pool {
    return { query: pool.query.bind(pool), connect: () => this.connect() } as unknown as Pool;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const client of this.clients) this.end(client);
    this.clients.clear();
    // A connection still being opened is ended as soon as it is open (see connect): wait for it.
    while (this.ending.size > 0) await Promise.all(this.ending);
  }

  private end(client: GuardedClient): void {
    this.track(client.end());
  }

  private track(promise: Promise<unknown>): void {
    const settled = promise.then(
      () => undefined,
      () => undefined,
    );
    this.ending.add(settled);
    void settled.then(() => this.ending.delete(settled));
  }

  private async connect(): Promise<PoolClient> {
    // The adapter itself waits 1-3 s before asking again; this adds up to 30 s as failures grow.
    if (this.failures > 0) {
      const pause = Math.min(30_000, 250 * 2 ** Math.min(this.failures, 7));
      // unref: a pause must not keep a closing process alive.
      await new Promise((resolve) => setTimeout(resolve, pause).unref());
    }
    if (this.closed) return never();
    const client = new GuardedClient({
      connectionString: this.url,
      application_name: 'hutong-parking live',
      connectionTimeoutMillis: 5000,
    });
    const connecting = client.connect();
    // Closed while it was being opened: it ends once open, and close() waits for that.
    this.track(connecting.then(() => (this.closed ? client.end() : undefined)));
    try {
      await connecting;
    } catch (error) {
      this.failures += 1;
      if (this.failures === 1) {
        this.logger.warn(`live pushes: cannot LISTEN (${(error as Error).message}); retrying`);
      }
      throw error;
    }
    if (this.closed) return never();
    if (this.lost) this.logger.log('live pushes: the LISTEN connection is back');
    this.failures = 0;
    this.lost = false;
    this.clients.add(client);
    client.once('end', () => {
      // Not in the set any more: the adapter released it (it is closing).
      if (!this.clients.delete(client) || this.closed) return;
      this.lost = true;
      this.logger.warn('live pushes: the LISTEN connection was lost; reconnecting');
    });
    const release = () => {
      this.clients.delete(client);
      this.end(client);
    };
    return Object.assign(client, { release });
  }
}

/** A promise that never settles (and holds nothing open): the answer after close. */
function never<T>(): Promise<T> {
  return new Promise<T>(() => undefined);
}

/** The part of the PostgreSQL adapter that withoutWaitingForNotify replaces (protected there). */
interface NotifyPublisher {
  doPublish(message: unknown): Promise<string>;
}

/**
 * The PostgreSQL adapter (a socket.io-adapter ClusterAdapter) holds every broadcast until its
 * `pg_notify` has been answered, and only then writes to this instance's own sockets: each push
 * waited on a database round trip (several when the push emits to several rooms, over the
 * adapter's two publishing connections), which on a busy machine is where the p99 went (see
 * docs/benchmarks.md). The wait buys nothing: the adapter ignores a failed publish (it only
 * logs it) and returns no offset (no connection state recovery), so we send the NOTIFY in the
 * same order as before and let the local delivery go ahead at once. Other instances still
 * receive every broadcast through NOTIFY, as before.
 */
function withoutWaitingForNotify(createAdapter: AdapterFactory): AdapterFactory {
  // Socket.IO calls the factory with `new`: a function, not an arrow.
  return function (namespace) {
    const adapter = createAdapter(namespace);
    const publisher = adapter as unknown as NotifyPublisher;
    const notify = publisher.doPublish.bind(adapter);
    publisher.doPublish = (message) => {
      // The adapter's client reports a failed NOTIFY to errorHandler itself; never rejects.
      notify(message).catch(() => undefined);
      return Promise.resolve('');
    };
    return adapter;
  };
}

async function withinMs(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([promise, new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}

/** Quits cleanly (after the adapter's last UNSUBSCRIBE) when connected, else drops the socket. */
async function closeRedis(client: ReturnType<typeof createClient>): Promise<void> {
  if (client.isReady) await withinMs(client.close(), 2000);
  if (client.isOpen) client.destroy();
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Closing an adapter publishes a last message and releases the LISTEN connection without
 * waiting; pool.end() would strand those queries, so let them finish first (bounded).
 */
async function settled(pool: Pool, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((pool.waitingCount > 0 || pool.idleCount < pool.totalCount) && Date.now() < deadline) {
    await delay(10);
  }
}
