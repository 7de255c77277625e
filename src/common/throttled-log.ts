import type { Logger } from '@nestjs/common';

/**
 * For a dependency that reports every failed attempt while it is away (a Redis client
 * reconnecting with backoff): logs the first failure at once as a warning and then at most every
 * 10 s, with a count of the rest. An outage the service rides out is not an error.
 */
export function throttled(logger: Logger, what: string): (error: Error) => void {
  let last = 0;
  let skipped = 0;
  return (error) => {
    const now = Date.now();
    if (now - last < 10_000) {
      skipped += 1;
      return;
    }
    const more = skipped > 0 ? ` (${skipped} more since)` : '';
    logger.warn(`${what}: ${error.message}${more}`);
    last = now;
    skipped = 0;
  };
}
