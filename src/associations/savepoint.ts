import type { Tx } from '../database/transactions';

/**
 * Runs `work` inside a savepoint of `tx`: when it fails, only its own changes are undone and the
 * transaction goes on (one bad row of an import does not lose the good ones).
 */
export async function withSavepoint<T>(tx: Tx, name: string, work: () => Promise<T>): Promise<T> {
  if (!/^\w+$/.test(name)) throw new Error(`bad savepoint name ${name}`);
  await tx.query(`SAVEPOINT ${name}`);
  try {
    const result = await work();
    await tx.query(`RELEASE SAVEPOINT ${name}`);
    return result;
  } catch (error) {
    await tx.query(`ROLLBACK TO SAVEPOINT ${name}`);
    throw error;
  }
}
