import {
  Inject,
  Injectable,
  Logger,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { appConfig, type AppConfig } from '../../config';
import { DomainError } from '../domain-error';
import {
  type IdempotencyClaim,
  IdempotentRequestRepository,
} from './idempotent-request.repository';

/** How long a retry waits for the first request with its key to finish before it is told 409. */
const WAIT_FOR_FIRST_MS = 10_000;
/** A pending claim this old belongs to a request that died with its process: it is taken over. */
const STALE_AFTER_SECONDS = 30;
const PURGE_EVERY_MS = 60 * 60 * 1000;

/** The original response of a request, to send again. */
export interface Replay {
  statusCode: number;
  response: unknown;
}

/**
 * Creating requests sent with an `Idempotency-Key`: the first one with a key runs, and its
 * response is kept (per member, route and key, for IDEMPOTENCY_KEY_HOURS); a retry with the same
 * key and the same request gets that response again instead of creating twice (or a 409); the
 * same key with another request is refused (422). A request that fails gives its key back, since
 * its transaction changed nothing.
 */
@Injectable()
export class IdempotentRequests implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('IdempotentRequests');
  private purgeTimer?: NodeJS.Timeout;

  constructor(
    private readonly requests: IdempotentRequestRepository,
    @Inject(appConfig.KEY) private readonly config: AppConfig,
  ) {}

  /** Claims the key (undefined: go ahead, then `complete` or `release`) or returns the replay. */
  async claimOrReplay(claim: IdempotencyClaim, attempt: string): Promise<Replay | undefined> {
    const deadline = Date.now() + WAIT_FOR_FIRST_MS;
    for (;;) {
      const hours = this.config.idempotencyKeyHours;
      if (await this.requests.claim(claim, attempt, hours, STALE_AFTER_SECONDS)) return undefined;
      const earlier = await this.requests.find(claim);
      if (!earlier) continue;
      if (earlier.fingerprint !== claim.fingerprint)
        throw new DomainError('idempotency.key_reused');
      if (earlier.statusCode !== null) {
        return { statusCode: earlier.statusCode, response: earlier.response };
      }
      if (Date.now() > deadline) throw new DomainError('idempotency.in_progress');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /**
   * Keeps the response for retries. The request has committed and its answer is ready, so a
   * failure to keep it (the database just went away) is logged, not turned into an error.
   */
  async complete(
    claim: IdempotencyClaim,
    attempt: string,
    statusCode: number,
    response: unknown,
  ): Promise<void> {
    try {
      await this.requests.complete(claim, attempt, statusCode, response);
    } catch (error) {
      this.logger.warn(`could not keep the response for a retry: ${(error as Error).message}`);
    }
  }

  /** Gives the key back after a failure (if the database allows; else it goes stale). */
  async release(claim: IdempotencyClaim, attempt: string): Promise<void> {
    await this.requests.release(claim, attempt).catch(() => undefined);
  }

  onModuleInit(): void {
    this.purgeTimer = setInterval(() => void this.purge(), PURGE_EVERY_MS);
    this.purgeTimer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.purgeTimer);
  }

  private async purge(): Promise<void> {
    try {
      const removed = await this.requests.deleteExpired();
      if (removed > 0) this.logger.debug(`removed ${removed} expired idempotency keys`);
    } catch {
      // The next round tries again; expired keys are ignored meanwhile.
    }
  }
}
