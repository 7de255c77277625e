import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { outboxConfig, type OutboxConfig } from '../../config';
import { afterCommit, Transactions, type Tx } from '../../database/transactions';
import { OutboxRepository } from './outbox.repository';

/** Reacts to one topic inside the drain's transaction: its writes commit with the message's "done". */
export type OutboxHandler = (payload: unknown, tx: Tx) => Promise<void>;

const BATCH = 20;
const WEEK_MS = 7 * 86_400_000;

/**
 * The transactional outbox. A feature that must make another react writes
 * `outbox.enqueue(tx, 'sharing.overstay-flagged', payload)` in its own transaction; the reacting
 * feature registers `outbox.handle(topic, handler)` at start-up. After the writer commits, messages
 * are delivered at once (and by a poll, for crashes and other instances); a handler that throws is
 * retried with backoff until it succeeds. Handlers must be idempotent only across instances'
 * races, which SKIP LOCKED already prevents; each message is marked done in the handler's
 * transaction, so its effect happens exactly once.
 */
@Injectable()
export class OutboxService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Outbox');
  private readonly handlers = new Map<string, OutboxHandler>();
  private timer?: NodeJS.Timeout;
  private draining: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    private readonly messages: OutboxRepository,
    private readonly transactions: Transactions,
    @Inject(outboxConfig.KEY) private readonly config: OutboxConfig,
  ) {}

  handle(topic: string, handler: OutboxHandler): void {
    if (this.handlers.has(topic)) throw new Error(`outbox topic "${topic}" handled twice`);
    this.handlers.set(topic, handler);
  }

  /** Writes the message in `tx`; it is delivered once `tx` commits, never if it rolls back. */
  async enqueue(tx: Tx, topic: string, payload: unknown): Promise<void> {
    await this.messages.add(tx, topic, payload);
    afterCommit(tx, () => this.nudge());
  }

  onApplicationBootstrap(): void {
    if (this.config.pollSeconds > 0) {
      this.timer = setInterval(() => this.nudge(), this.config.pollSeconds * 1000);
      this.timer.unref();
    }
    this.nudge();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.draining;
  }

  /** Delivers everything due now; resolves when done (tests await it). */
  async drain(): Promise<void> {
    this.nudge();
    while (this.draining) await this.draining;
  }

  pending(topics?: string[]): Promise<number> {
    return this.messages.pendingCount(topics);
  }

  private nudge(): void {
    if (this.stopped || this.handlers.size === 0) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = this.drainLoop()
      .catch((error: unknown) => this.logger.warn(`outbox drain failed: ${String(error)}`))
      .finally(() => {
        this.draining = null;
        if (this.again && !this.stopped) {
          this.again = false;
          this.nudge();
        }
      });
  }

  private async drainLoop(): Promise<void> {
    for (;;) {
      const delivered = await this.transactions.run((tx) => this.deliverBatch(tx));
      if (delivered < BATCH) break;
    }
    await this.messages.removeDoneBefore(new Date(Date.now() - WEEK_MS));
  }

  private async deliverBatch(tx: Tx): Promise<number> {
    const topics = [...this.handlers.keys()];
    const due = await this.messages.lockDue(tx, topics, this.config.maxAttempts, BATCH);
    for (const message of due) {
      const handler = this.handlers.get(message.topic);
      if (!handler) continue;
      // A savepoint per message: one failing handler does not undo the others' work.
      try {
        await this.transactions.savepoint(tx, 'outbox_message', () => handler(message.payload, tx));
        await this.messages.markDone(tx, message.id);
      } catch (error) {
        await this.messages.markFailed(tx, message.id, String(error));
        this.logger.warn(
          `outbox ${message.topic} #${message.id} failed (attempt ${message.attempts + 1}): ${String(error)}`,
        );
      }
    }
    return due.length;
  }
}
