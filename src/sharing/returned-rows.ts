/** TypeORM's postgres driver answers UPDATE and DELETE … RETURNING with [rows, affectedCount]. */
export function returnedRows<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0])) {
    return result[0] as T[];
  }
  return result as T[];
}
