/**
 * Whether `error` means PostgreSQL cannot be reached or is going away, rather than that a
 * statement was wrong: refused or reset connections, a server shutting down or starting up,
 * connections terminated by an administrator, a pool that cannot connect in time. The API answers
 * these with 503 `service.unavailable` (the caller should retry), never 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let cause = error, depth = 0; cause && depth < 5; depth += 1) {
    if (typeof cause !== 'object') return false;
    const { code, message, name } = cause as { code?: unknown; message?: unknown; name?: unknown };
    // TypeORM releases a transaction's connection when PostgreSQL ends it; the transaction's
    // next statement then fails with this instead of the connection error.
    if (typeof name === 'string' && RELEASED_RUNNER_ERRORS.has(name)) return true;
    if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
    if (typeof code === 'string' && code.startsWith('08')) return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((m) => message.includes(m))) {
      return true;
    }
    const next = cause as { driverError?: unknown; cause?: unknown };
    cause = next.driverError ?? next.cause;
  }
  return false;
}

const RELEASED_RUNNER_ERRORS = new Set([
  'QueryRunnerAlreadyReleasedError',
  'QueryRunnerProviderAlreadyReleasedError',
]);

const UNAVAILABLE_CODES = new Set([
  // Node's socket errors
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'EAI_AGAIN',
  // PostgreSQL: admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);

// pg reports these without a code.
const UNAVAILABLE_MESSAGES = [
  'Connection terminated',
  'terminating connection',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error and is not queryable',
  'Connection is not queryable',
  'the database system is',
];
