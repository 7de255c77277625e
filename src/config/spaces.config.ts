import { registerAs } from '@nestjs/config';
import { intFromEnv } from './app.config';

export interface SpacesConfig {
  /** How often parked cars are checked for a restriction starting soon; 0 turns it off. */
  restrictionReminderIntervalSeconds: number;
  /** How long before a space's restriction starts its household is reminded. */
  restrictionReminderLeadMinutes: number;
}

export const spacesConfig = registerAs('spaces', (): SpacesConfig => ({
  restrictionReminderIntervalSeconds: intFromEnv('RESTRICTION_REMINDER_INTERVAL_SECONDS', 60),
  restrictionReminderLeadMinutes: intFromEnv('RESTRICTION_REMINDER_LEAD_MINUTES', 30),
}));
