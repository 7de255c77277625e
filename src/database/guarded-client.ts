import { Logger } from '@nestjs/common';
import { Client, type ClientConfig } from 'pg';

const logger = new Logger('PostgreSQL');
const QUIET_MS = 10_000;
let lastReport = 0;
let unreported = 0;

/**
 * A pg Client that always listens for 'error'. PostgreSQL ending a connection (a restart,
 * `pg_terminate_backend`, a network cut) emits 'error' on its client, and an EventEmitter with
 * no listener turns that into an uncaught exception: with two instances, one
 * `pg_terminate_backend` took both down (issue 11). The query in flight rejects on its own and
 * the pool drops the dead client, so all that is left to do here is to say so, once in a while.
 *
 * Every pool of the service is built with it (`Client: GuardedClient` in the pool options).
 */
export class GuardedClient extends Client {
  constructor(config?: string | ClientConfig) {
    super(config);
    this.on('error', reportLostConnection);
    open.add(this);
    this.once('end', () => open.delete(this));
  }
}

/** Every client of the service whose connection has not ended yet. */
const open = new Set<GuardedClient>();

/**
 * Resolves once every connection of the service has ended, or after `timeoutMs`. A pool's
 * `end()` resolves as soon as its idle clients are told to end, not when their connections are
 * gone; stopping the embedded PostgreSQL before then ends them from its side, and they report it
 * as lost (a Ctrl-C that warns).
 */
export async function connectionsEnded(timeoutMs: number): Promise<void> {
  if (open.size === 0) return;
  let timer: NodeJS.Timeout | undefined;
  const ended = [...open].map((client) => new Promise((resolve) => client.once('end', resolve)));
  await Promise.race([
    Promise.all(ended),
    new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs))),
  ]);
  clearTimeout(timer);
}

function reportLostConnection(error: Error): void {
  const now = Date.now();
  if (now - lastReport < QUIET_MS) {
    unreported += 1;
    return;
  }
  const more = unreported > 0 ? ` (and ${unreported} more since the last report)` : '';
  logger.warn(`lost a database connection: ${error.message}${more}; requests use a new one`);
  lastReport = now;
  unreported = 0;
}
