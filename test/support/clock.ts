import type { INestApplication } from '@nestjs/common';
import { Clock } from '../../src/common/clock';
import { localTimeToday } from '../../src/spaces/time-windows';

/**
 * Moves the app's clock forward to the next `hhmm` in Beijing (e.g. '07:30', while the refuse
 * truck's window is in force, or '12:00', when no demo window is), after which it runs on in
 * real time: tests that depend on the time of day then do not depend on when they run.
 */
export function clockAtNext(app: INestApplication, hhmm: string): void {
  const clock = app.get(Clock);
  const real = Date.now();
  const offset = localTimeToday(hhmm, new Date(real), new Date(real)).getTime() - real;
  jest.spyOn(clock, 'now').mockImplementation(() => new Date(Date.now() + offset));
}
