import {
  Inject,
  Injectable,
  Logger,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { createClient } from 'redis';
import { Clock } from '../common/clock';
import { throttled } from '../common/throttled-log';
import { DomainError } from '../common/domain-error';
import { authConfig, type AuthConfig, liveConfig, type LiveConfig } from '../config';
import { LoginThrottleRepository } from './login-throttle.repository';

/** Who a login attempt is counted against. */
export interface LoginSubject {
  /** The phone the attempt names (known or not, so the answer reveals nothing). */
  phone: string;
  /** The client address as Fastify sees it: a forwarded one only from a trusted proxy. */
  address?: string;
}

/**
 * Brute force: failed logins counted per account (stops guessing one password, e.g. 10 per 15
 * minutes) and per client address (generous, e.g. 300 per 10 minutes, so a lane's residents
 * behind one carrier NAT at 19:00 still log in, while spraying many accounts from one address
 * stops). Counts live in PostgreSQL, or in Redis when REDIS_URL is set, so every instance
 * shares them. A refusal is `rate.limited {seconds}` (429 with Retry-After).
 */
@Injectable()
export class LoginLimiter implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('LoginLimiter');
  private redis: ReturnType<typeof createClient> | undefined;
  // While Redis is away the counts go to PostgreSQL: worth a warning now and then, not an error.
  private readonly report = throttled(
    this.logger,
    'Redis for login counts (counting in PostgreSQL)',
  );

  constructor(
    private readonly throttle: LoginThrottleRepository,
    private readonly clock: Clock,
    @Inject(authConfig.KEY) private readonly config: AuthConfig,
    // REDIS_URL is the live feature's setting; the limiter shares the same Redis.
    @Inject(liveConfig.KEY) private readonly live: LiveConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!this.live.redisUrl) return;
    const client = createClient({ url: this.live.redisUrl });
    let away = false;
    client.on('error', (error: Error) => {
      away = true;
      this.report(error);
    });
    client.on('ready', () => {
      if (away) this.logger.log('Redis for login counts is back');
      away = false;
    });
    this.redis = client;
    // Not awaited: while Redis is unreachable the limiter counts in PostgreSQL instead.
    client.connect().catch((error: Error) => this.report(error));
  }

  async onModuleDestroy(): Promise<void> {
    const client = this.redis;
    this.redis = undefined;
    if (client?.isReady) await client.close().catch(() => undefined);
    if (client?.isOpen) client.destroy();
  }

  /** Refuses (429) while the account or the address is locked out. */
  async assertOpen(subject: LoginSubject): Promise<void> {
    const seconds = await this.lockedSeconds(keysOf(subject));
    if (seconds > 0) throw new DomainError('rate.limited', { seconds });
  }

  async recordFailure(subject: LoginSubject): Promise<void> {
    const { failuresPerAccount, accountWindowSeconds } = this.config.loginLimits;
    const { failuresPerAddress, addressWindowSeconds } = this.config.loginLimits;
    await this.fail(accountKey(subject.phone), failuresPerAccount, accountWindowSeconds);
    if (subject.address) {
      await this.fail(addressKey(subject.address), failuresPerAddress, addressWindowSeconds);
    }
  }

  /** A successful login clears the account's count (not the address's: others share it). */
  async recordSuccess(subject: LoginSubject): Promise<void> {
    const key = accountKey(subject.phone);
    const redis = this.ready();
    if (redis) {
      try {
        await redis.del([`${key}:n`, `${key}:locked`]);
        return;
      } catch (error) {
        this.report(error as Error);
      }
    }
    await this.throttle.clear(key);
  }

  private async lockedSeconds(keys: string[]): Promise<number> {
    const redis = this.ready();
    if (redis) {
      try {
        const ttls = await Promise.all(keys.map((key) => redis.pTTL(`${key}:locked`)));
        return Math.ceil(Math.max(0, ...ttls) / 1000);
      } catch (error) {
        this.report(error as Error);
      }
    }
    return this.throttle.lockedSeconds(keys, this.clock.now());
  }

  private async fail(key: string, limit: number, windowSeconds: number): Promise<void> {
    const redis = this.ready();
    if (redis) {
      try {
        const [count] = (await redis
          .multi()
          .incr(`${key}:n`)
          .expire(`${key}:n`, windowSeconds, 'NX')
          .exec()) as unknown as [number];
        if (count >= limit) await redis.set(`${key}:locked`, '1', { EX: windowSeconds });
        return;
      } catch (error) {
        this.report(error as Error);
      }
    }
    await this.throttle.fail(key, limit, windowSeconds, this.clock.now());
  }

  private ready(): ReturnType<typeof createClient> | undefined {
    return this.redis?.isReady ? this.redis : undefined;
  }
}

function accountKey(phone: string): string {
  return `login:account:${phone}`;
}

function addressKey(address: string): string {
  return `login:address:${address}`;
}

function keysOf(subject: LoginSubject): string[] {
  return subject.address
    ? [accountKey(subject.phone), addressKey(subject.address)]
    : [accountKey(subject.phone)];
}
