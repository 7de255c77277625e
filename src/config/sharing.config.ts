import { registerAs } from '@nestjs/config';
import { intFromEnv } from './app.config';

export interface SharingConfig {
  /** How often reminders and overstays are checked; 0 turns the job off (tests drive it). */
  reminderIntervalSeconds: number;
  /** How long before must-leave-by a resident still parked is reminded. */
  reminderLeadMinutes: number;
}

export const sharingConfig = registerAs('sharing', (): SharingConfig => ({
  reminderIntervalSeconds: intFromEnv('SHARING_REMINDER_INTERVAL_SECONDS', 60),
  reminderLeadMinutes: intFromEnv('SHARING_REMINDER_LEAD_MINUTES', 30),
}));
