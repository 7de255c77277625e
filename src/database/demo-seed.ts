import { Injectable, type Provider } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { SCHEMA_LOCK_KEY } from './migrate';
import { Transactions, type Tx } from './transactions';

// The demo lane (下岗胡同, 4143车友会) is loaded into an empty database when SEED_DEMO is on. Each
// feature contributes its part through this registry: its module lists a `DemoSeed.provider`,
// and the seeder runs them all, in order, in one transaction. Nothing here knows the features.

/** Something one feature's seed makes that later ones build on (e.g. the demo lane's ids). */
export class DemoPart<T> {
  declare private readonly type: T;
  constructor(readonly name: string) {}
}

/** What each seed is handed: the one seeding transaction, the time, and earlier seeds' parts. */
export class DemoSeedContext {
  private readonly parts = new Map<DemoPart<unknown>, unknown>();

  constructor(
    readonly tx: Tx,
    readonly now: Date,
  ) {}

  provide<T>(part: DemoPart<T>, value: T): void {
    this.parts.set(part, value);
  }

  get<T>(part: DemoPart<T>): T {
    if (!this.parts.has(part)) {
      throw new Error(`The demo seed of ${part.name} has not run yet: give it a lower order`);
    }
    return this.parts.get(part) as T;
  }
}

export interface DemoSeedOptions {
  /** The feature this part belongs to, e.g. 'spaces'. */
  feature: string;
  /** Lower runs first; a seed that uses a part runs after the seed that provides it. */
  order: number;
  /**
   * Whether the database already holds data of this feature: when any seed says so, the demo
   * is not loaded (it is for empty databases only).
   */
  present?: (tx: Tx) => Promise<boolean>;
  seed: (context: DemoSeedContext) => Promise<unknown>;
}

/** One feature's part of the demo. */
export class DemoSeed {
  constructor(readonly options: DemoSeedOptions) {}

  /** The provider a feature module lists to contribute its part. */
  static provider(options: DemoSeedOptions): Provider {
    return { provide: `DemoSeed:${options.feature}`, useValue: new DemoSeed(options) };
  }
}

@Injectable()
export class DemoSeeder {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly transactions: Transactions,
  ) {}

  /** Every registered part, in the order they run. */
  seeds(): DemoSeed[] {
    return this.discovery
      .getProviders()
      .map((wrapper) => wrapper.instance as unknown)
      .filter((instance): instance is DemoSeed => instance instanceof DemoSeed)
      .sort(
        (a, b) =>
          a.options.order - b.options.order || a.options.feature.localeCompare(b.options.feature),
      );
  }

  /**
   * Loads the demo into an empty database; false when it was not empty. Under the lock that
   * migrations take, so instances starting at once on one database seed it once (issue 11:
   * the second one crashed on a duplicate key).
   */
  async seed(now: Date = new Date()): Promise<boolean> {
    const seeds = this.seeds();
    return this.transactions.run(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK_KEY]);
      for (const { options } of seeds) {
        if (options.present && (await options.present(tx))) return false;
      }
      const context = new DemoSeedContext(tx, now);
      for (const { options } of seeds) await options.seed(context);
      return true;
    });
  }
}
