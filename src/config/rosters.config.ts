import { registerAs } from '@nestjs/config';
import { intFromEnv } from './app.config';

export interface RostersConfig {
  /** How many days ahead the roster is kept generated (from the start of today, Beijing). */
  generateAheadDays: number;
  /** How often each association's roster is rolled on and its coming gaps pushed; 0 turns it off. */
  rolloverEveryMinutes: number;
}

export const rostersConfig = registerAs('rosters', (): RostersConfig => {
  const generateAheadDays = intFromEnv('ROSTER_GENERATE_AHEAD_DAYS', 28);
  if (generateAheadDays < 1 || generateAheadDays > 92) {
    throw new Error(
      `ROSTER_GENERATE_AHEAD_DAYS must be between 1 and 92, got ${generateAheadDays}`,
    );
  }
  return {
    generateAheadDays,
    rolloverEveryMinutes: intFromEnv('ROSTER_ROLLOVER_EVERY_MINUTES', 60),
  };
});
