import type { INestApplicationContext } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter as createPostgresAdapter } from '@socket.io/postgres-adapter';
import { createAdapter as createRedisAdapter } from '@socket.io/redis-adapter';
import { Pool } from 'pg';
import { createClient } from 'redis';
import type { Server, ServerOptions } from 'socket.io';

type AdapterFactory = ReturnType<typeof createPostgresAdapter>;

/**
 * Socket.IO across instances: every broadcast reaches the sockets of every instance. PostgreSQL
 * (LISTEN/NOTIFY, on the service's own database) by default, so nothing new has to be run;
 * Redis pub/sub when REDIS_URL is set, for larger deployments.
 *
 * Connections open only when the Socket.IO server is created (app.init/listen), so an app that
 * is built and closed without listening (the demo seed) leaves nothing behind; dispose() closes
 * them with the app.
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

  override async dispose(): Promise<void> {
    await super.dispose();
    for (const server of this.servers.splice(0)) {
      server.engine.close();
      for (const namespace of server._nsps.values()) await namespace.adapter.close();
    }
    for (const close of this.closers.splice(0)) await close();
  }

  private postgresAdapter(): AdapterFactory {
    // One connection LISTENs, the others NOTIFY; kept apart from the request pool so a busy
    // API never delays a push.
    const pool = new Pool({ connectionString: this.options.databaseUrl, max: 3 });
    pool.on('error', (error) => this.logger.error(error.message));
    // The adapter takes its LISTEN connection in the background; a close before it has it
    // would leave it open, so close waits for it.
    const listening = new Promise((resolve) => pool.once('acquire', resolve));
    this.closers.push(async () => {
      await withinMs(listening, 2000);
      await delay(0);
      await settled(pool);
      await pool.end();
    });
    return withoutWaitingForNotify(
      createPostgresAdapter(pool, {
        errorHandler: (error) => this.logger.error(error.message),
      }),
    );
  }

  private redisAdapter(): AdapterFactory {
    const pub = createClient({ url: this.options.redisUrl });
    const sub = pub.duplicate();
    for (const client of [pub, sub]) {
      client.on('error', (error: Error) => this.logger.error(error.message));
    }
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
