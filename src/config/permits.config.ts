import { registerAs } from '@nestjs/config';
import { intFromEnv } from './app.config';

export interface PermitsConfig {
  /**
   * Encrypts the permit signing keys stored in the database (AES-256-GCM, key derived with
   * scrypt). Empty in development: a local key is derived and a warning logged.
   */
  keySecret: string;
  /** Questions "is this plate allowed here?" a resident may ask per hour. */
  plateChecksPerHour: number;
}

export const permitsConfig = registerAs('permits', (): PermitsConfig => ({
  keySecret: process.env.PERMIT_KEY_SECRET ?? '',
  plateChecksPerHour: intFromEnv('PERMIT_PLATE_CHECKS_PER_HOUR', 30),
}));
