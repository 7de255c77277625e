// Who must be on duty when, as the association declares it (值守要求): "one warden 24 hours a
// day" (the convention's article 5), "two volunteers on weekday evenings 18:00–21:00". A
// requirement is a daily window on some weekdays; it may run past midnight (22:00–06:00) or round
// the clock (00:00–24:00). Pure: expanded into the needs coverage.ts measures shifts against.

import { DAY_MS, MINUTE_MS, MINUTES_PER_DAY, shanghaiDays } from '../common/shanghai-time';
import { shanghaiWeekday } from '../common/shanghai-time';
import type { CoverageNeed, Interval } from './coverage';

export interface DutyRequirementRule {
  id: string;
  /** The line of duty: 'warden' (红袖标) or 'volunteer' (文明劝导). */
  kind: string;
  /** ISO weekdays 1 (Mon) … 7 (Sun) of the day the window starts. */
  weekdays: readonly number[];
  /** Minutes after Beijing midnight, 0 … 1439. */
  startMinute: number;
  /** 1 … 1440; at or before the start, the window ends the next day (22:00–06:00, 00:00–24:00). */
  endMinute: number;
  people: number;
  article: number | null;
}

/** How long one window lasts: 1 … 1440 minutes; equal start and end mean a whole day. */
export function windowMinutes(rule: Pick<DutyRequirementRule, 'startMinute' | 'endMinute'>) {
  const length = (rule.endMinute - rule.startMinute) % MINUTES_PER_DAY;
  return length <= 0 ? length + MINUTES_PER_DAY : length;
}

/**
 * Every window of the rules that overlaps the period, clipped to it. A window that started the
 * day before the period (and runs past midnight into it) is included.
 */
export function requirementNeeds(
  period: Interval,
  rules: readonly DutyRequirementRule[],
): CoverageNeed[] {
  if (period.to <= period.from || rules.length === 0) return [];
  const needs: CoverageNeed[] = [];
  const dayBefore = new Date(period.from.getTime() - DAY_MS);
  for (const day of shanghaiDays(dayBefore, period.to)) {
    const weekday = shanghaiWeekday(day);
    for (const rule of rules) {
      if (!rule.weekdays.includes(weekday)) continue;
      const opens = day.getTime() + rule.startMinute * MINUTE_MS;
      const closes = opens + windowMinutes(rule) * MINUTE_MS;
      const from = Math.max(opens, period.from.getTime());
      const to = Math.min(closes, period.to.getTime());
      if (to <= from) continue;
      needs.push({
        from: new Date(from),
        to: new Date(to),
        track: rule.kind,
        required: rule.people,
        requirementId: rule.id,
        article: rule.article,
      });
    }
  }
  return needs;
}
