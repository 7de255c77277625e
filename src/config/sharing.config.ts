import { registerAs } from '@nestjs/config';
import { intFromEnv } from './app.config';

export interface SharingConfig {
  /** How often reminders and overstays are checked; 0 turns the job off (tests drive it). */
  reminderIntervalSeconds: number;
  /** How long before must-leave-by a resident still parked is reminded. */
  reminderLeadMinutes: number;
  /**
   * How often offers are checked for a rotation (轮换) due: a period ended publishes the redraw's
   * seed hash, the next check draws it. 0 turns the job off (tests drive it).
   */
  rotationIntervalSeconds: number;
}

export const sharingConfig = registerAs('sharing', (): SharingConfig => ({
  reminderIntervalSeconds: intFromEnv('SHARING_REMINDER_INTERVAL_SECONDS', 60),
  reminderLeadMinutes: intFromEnv('SHARING_REMINDER_LEAD_MINUTES', 30),
  rotationIntervalSeconds: intFromEnv('SHARING_ROTATION_INTERVAL_SECONDS', 3600),
}));
