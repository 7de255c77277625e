import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * A transaction handle. Services open one with `Transactions.run`, pass it to their repositories
 * and to other features' services, so a rule that spans features commits together or not at all.
 */
export type Tx = EntityManager;

/** Work to do once the transaction it was queued in has committed; dropped on rollback. */
const afterCommitQueues = new WeakMap<EntityManager, (() => void)[]>();

@Injectable()
export class Transactions {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Runs `work` in one transaction, or inside `outer` when the caller already holds one (then
   * the outer transaction decides when it commits). Callbacks queued with `afterCommit` run once
   * the outermost transaction has committed.
   */
  async run<T>(work: (tx: Tx) => Promise<T>, outer?: Tx): Promise<T> {
    if (outer?.queryRunner?.isTransactionActive) return work(outer);
    const queue: (() => void)[] = [];
    const result = await this.dataSource.transaction(async (tx) => {
      afterCommitQueues.set(tx, queue);
      try {
        return await work(tx);
      } finally {
        afterCommitQueues.delete(tx);
      }
    });
    for (const callback of queue) callback();
    return result;
  }

  /**
   * Runs `work` under a savepoint of `tx`: when it throws, its statements and the after-commit
   * callbacks it queued are undone, and the rest of the transaction goes on.
   */
  async savepoint<T>(tx: Tx, name: string, work: () => Promise<T>): Promise<T> {
    const queue = afterCommitQueues.get(tx);
    const queued = queue?.length ?? 0;
    await tx.query(`SAVEPOINT ${name}`);
    try {
      const result = await work();
      await tx.query(`RELEASE SAVEPOINT ${name}`);
      return result;
    } catch (error) {
      await tx.query(`ROLLBACK TO SAVEPOINT ${name}`);
      queue?.splice(queued);
      throw error;
    }
  }

  /** The handle for statements outside a transaction (each commits on its own). */
  get autocommit(): Tx {
    return this.dataSource.manager;
  }
}

/**
 * Runs `callback` after `tx` commits (at once when `tx` is not a transaction we opened): domain
 * events are published this way, so no listener ever sees a change that was rolled back.
 */
export function afterCommit(tx: Tx | undefined, callback: () => void): void {
  const queue = tx ? afterCommitQueues.get(tx) : undefined;
  if (queue) queue.push(callback);
  else callback();
}
