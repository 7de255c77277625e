import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { Between, type DataSource, type Repository } from 'typeorm';
import type { Actor } from '../auth/actor';
import { DomainError } from '../common/domain-error';
import type { CalendarDayDto, CalendarDayView } from './dto/holiday.dto';
import { HolidayCalendarDay } from './holiday-calendar-day.entity';
import { isLocalDate } from '../common/shanghai-time';
import type { HolidayCalendar } from './offer-windows';

/** The official holiday calendar as data: the council corrects it when the State Council publishes. */
@Injectable()
export class HolidayCalendarService {
  constructor(
    @InjectRepository(HolidayCalendarDay) private readonly days: Repository<HolidayCalendarDay>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** The calendar covering the dates from–to, with a day's margin for nights crossing midnight. */
  async between(from: string, to: string): Promise<HolidayCalendar> {
    const rows = await this.days.find({ where: { day: Between(from, to) } });
    return new Map(rows.map((row) => [row.day, row.kind]));
  }

  async year(year: number): Promise<CalendarDayView[]> {
    const rows = await this.days.find({
      where: { day: Between(`${year}-01-01`, `${year}-12-31`) },
      order: { day: 'ASC' },
    });
    return rows.map((row) => ({ date: row.day, kind: row.kind, name: row.name }));
  }

  /** Replaces one year's days in one transaction; windows follow at once. */
  async replaceYear(
    actor: Actor,
    year: number,
    days: CalendarDayDto[],
  ): Promise<CalendarDayView[]> {
    if (actor.role !== 'admin') throw DomainError.forbidden();
    for (const day of days) {
      if (!isLocalDate(day.date) || !day.date.startsWith(`${year}-`)) {
        throw DomainError.invalid(`日期须在${year}年内 / ${day.date} is not a date in ${year}`);
      }
    }
    if (new Set(days.map((d) => d.date)).size !== days.length) {
      throw DomainError.invalid('日期重复 / a date appears twice');
    }
    await this.dataSource.transaction(async (em) => {
      await em.query(`DELETE FROM holiday_calendar_day WHERE day BETWEEN $1 AND $2`, [
        `${year}-01-01`,
        `${year}-12-31`,
      ]);
      for (const day of days) {
        await em.query(`INSERT INTO holiday_calendar_day (day, kind, name) VALUES ($1, $2, $3)`, [
          day.date,
          day.kind,
          day.name,
        ]);
      }
    });
    return this.year(year);
  }
}
