/** HTTP statuses a refusal can carry. */
export type ReasonStatus =
  400 | 401 | 403 | 404 | 408 | 409 | 410 | 413 | 414 | 415 | 422 | 429 | 431 | 500 | 503;

/**
 * One refusal the service can give: its HTTP status and its message in each language. Messages
 * take `{param}` placeholders filled from the refusal's params; a param named `what` holds a noun
 * key (nouns.ts) and is translated before filling.
 */
export interface ReasonEntry {
  status: ReasonStatus;
  zh: string;
  en: string;
}

/** Declares a feature's reasons; the identity function keeps the literal keys for typing. */
export function defineReasons<const T extends Record<string, ReasonEntry>>(entries: T): T {
  return entries;
}

/**
 * Named database constraints and the reason a broken one means, so a 409 says what to do and
 * never names the constraint. Each feature declares those of its own tables.
 */
export function defineConstraints<const T extends Record<string, string>>(entries: T): T {
  return entries;
}
