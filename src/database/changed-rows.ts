import type { Tx } from './transactions';

/**
 * Runs an UPDATE or DELETE ... RETURNING and gives back the returned rows. TypeORM's query()
 * answers `[rows, rowCount]` for those commands, so `.length` of its result is always 2.
 */
export async function changedRows<T = { id: string }>(
  tx: Tx,
  sql: string,
  params: unknown[],
): Promise<T[]> {
  const result: unknown = await tx.query(sql, params);
  return (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as T[];
}
