import { DomainError } from '../common/domain-error';
import type { Interval } from './coverage';
import { DAY_MS, parseInstant } from '../common/shanghai-time';

/** A roster period from query text, refused clearly when it is not a sensible one. */
export function periodOf(from: string, to: string, maxDays = 93): Interval {
  const start = parseInstant(from);
  const end = parseInstant(to);
  if (!start || !end) {
    throw DomainError.invalid(`日期无效 / not a valid date: ${start ? to : from}`);
  }
  if (end <= start) throw DomainError.invalid('结束须晚于开始 / "to" must be after "from"');
  if (end.getTime() - start.getTime() > maxDays * DAY_MS) {
    throw DomainError.invalid(`时段过长 / a period may span at most ${maxDays} days`);
  }
  return { from: start, to: end };
}
