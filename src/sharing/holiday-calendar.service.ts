import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { DomainError } from '../common/domain-error';
import { isLocalDate } from '../common/shanghai-time';
import { Transactions, type Tx } from '../database/transactions';
import type { CalendarDayDto, CalendarDayView } from './dto/holiday.dto';
import { HolidayCalendarRepository } from './holiday-calendar.repository';
import type { HolidayCalendar } from './offer-windows';
import { canReplaceHolidayCalendar } from './sharing.policy';

/** The official holiday calendar as data: the council corrects it when the State Council publishes. */
@Injectable()
export class HolidayCalendarService {
  constructor(
    private readonly days: HolidayCalendarRepository,
    private readonly transactions: Transactions,
  ) {}

  /** The calendar covering the dates from–to, with a day's margin for nights crossing midnight. */
  async between(from: string, to: string, tx?: Tx): Promise<HolidayCalendar> {
    const rows = await this.days.between(from, to, tx);
    return new Map(rows.map((row) => [row.date, row.kind]));
  }

  year(year: number): Promise<CalendarDayView[]> {
    return this.days.between(`${checkedYear(year)}-01-01`, `${year}-12-31`);
  }

  /** Replaces one year's days in one transaction; windows follow at once. */
  async replaceYear(
    actor: Actor,
    year: number,
    days: CalendarDayDto[],
  ): Promise<CalendarDayView[]> {
    if (!canReplaceHolidayCalendar(actor)) throw new DomainError('council.only');
    checkedYear(year);
    const seen = new Set<string>();
    for (const day of days) {
      if (!isLocalDate(day.date) || !day.date.startsWith(`${year}-`))
        throw new DomainError('holiday.date_outside_year', { date: day.date, year });
      if (seen.has(day.date)) throw new DomainError('holiday.date_twice', { date: day.date });
      seen.add(day.date);
    }
    await this.transactions.run((tx) =>
      this.days.replace(tx, `${year}-01-01`, `${year}-12-31`, days),
    );
    return this.year(year);
  }
}

function checkedYear(year: number): number {
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw new DomainError('holiday.year_invalid');
  return year;
}
