import type { Tx } from './transactions';

/**
 * Takes the transaction-level advisory lock `key` if nobody holds it (released at commit or
 * rollback); false when another transaction, perhaps of another instance, has it.
 */
export async function tryTransactionLock(tx: Tx, key: number): Promise<boolean> {
  const [lock] = await tx.query<{ got: boolean }[]>('SELECT pg_try_advisory_xact_lock($1) AS got', [
    key,
  ]);
  return lock?.got === true;
}
