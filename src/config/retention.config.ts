import { registerAs } from '@nestjs/config';
import { intFromEnv } from './app.config';

export interface RetentionConfig {
  /** How often an instance runs the retention pass (one instance at a time); 0 turns it off. */
  everyMinutes: number;
  /** Rows removed per table per pass, so a pass stays short; the rest go in the next pass. */
  batch: number;
}

export const retentionConfig = registerAs('retention', (): RetentionConfig => ({
  everyMinutes: intFromEnv('RETENTION_EVERY_MINUTES', 60),
  batch: intFromEnv('RETENTION_BATCH', 20_000),
}));
