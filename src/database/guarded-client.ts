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
  }
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
