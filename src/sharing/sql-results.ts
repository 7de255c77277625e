import { QueryFailedError } from 'typeorm';

/** TypeORM's postgres driver answers UPDATE and DELETE … RETURNING with [rows, affectedCount]. */
export function returnedRows<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0])) {
    return result[0] as T[];
  }
  return result as T[];
}

/** The named constraint a statement broke, if any. */
export function constraintOf(error: unknown): string | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  return (error.driverError as { constraint?: string }).constraint;
}

/** The DETAIL a trigger raised with, read as JSON (our triggers put the refusal's params there). */
export function detailOf(error: unknown): Record<string, unknown> {
  if (!(error instanceof QueryFailedError)) return {};
  const detail = (error.driverError as { detail?: string }).detail;
  try {
    const parsed: unknown = detail ? JSON.parse(detail) : {};
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
