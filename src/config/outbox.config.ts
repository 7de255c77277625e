import { registerAs } from '@nestjs/config';
import { intFromEnv } from './app.config';

export interface OutboxConfig {
  /** How often pending outbox messages are looked for besides the nudge after each commit; 0 turns polling off. */
  pollSeconds: number;
  /** How many times a message is tried before it waits for an operator (it is never dropped). */
  maxAttempts: number;
}

export const outboxConfig = registerAs('outbox', (): OutboxConfig => ({
  pollSeconds: intFromEnv('OUTBOX_POLL_SECONDS', 5),
  maxAttempts: intFromEnv('OUTBOX_MAX_ATTEMPTS', 20),
}));
