import { Logger } from '@nestjs/common';

/**
 * A pass of background work on a timer, one at a time on this instance: a tick while the last
 * pass still runs is skipped, a failed pass is logged and the next tick tries again, and stopping
 * waits for the pass in progress. Which instance does the work (when several run) is each job's
 * own concern: a row claimed in the database or an advisory lock.
 */
export class PeriodicJob<T> {
  private readonly logger: Logger;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    name: string,
    private readonly pass: () => Promise<T>,
    private readonly after: (result: T) => void = () => undefined,
  ) {
    this.logger = new Logger(name);
  }

  /** Runs a pass every `everyMs` (none when 0); `now` also runs one at once. */
  start(everyMs: number, options: { now?: boolean } = {}): void {
    if (everyMs <= 0) return;
    if (options.now) this.kick();
    this.timer = setInterval(() => this.kick(), everyMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.settled();
  }

  /** Resolves once a pass in progress on this instance has finished. */
  async settled(): Promise<void> {
    await this.running;
  }

  private kick(): void {
    if (this.running) return;
    this.running = this.pass()
      .then((result) => this.after(result))
      .catch((error: unknown) => this.logger.error(error))
      .finally(() => (this.running = null));
  }
}
