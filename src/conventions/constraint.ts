import { QueryFailedError } from 'typeorm';

/** The named constraint a failed statement broke, to map it to a clear refusal. */
export function constraintOf(error: unknown): string | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  return (error.driverError as { constraint?: string }).constraint;
}
