import { DomainError } from '../common/domain-error';
import type { Interval } from './coverage';
import { DAY_MS, parseInstant } from '../common/shanghai-time';

/** A roster period from query text, refused clearly when it is not a sensible one. */
export function periodOf(from: string, to: string, maxDays = 93): Interval {
  const start = parseInstant(from);
  const end = parseInstant(to);
  if (!start || !end) {
    throw new DomainError('roster.period_date_invalid', { value: start ? to : from });
  }
  if (end <= start) throw new DomainError('roster.period_end_not_after_start');
  if (end.getTime() - start.getTime() > maxDays * DAY_MS) {
    throw new DomainError('roster.period_too_long', { days: maxDays });
  }
  return { from: start, to: end };
}
