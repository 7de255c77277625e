import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Tx } from '../database/transactions';
import type { CalendarDayKind } from './offer-windows';

export interface CalendarDay {
  date: string;
  kind: CalendarDayKind;
  name: string;
}

/** The holiday_calendar_day table: China's official days off and make-up working days. */
@Injectable()
export class HolidayCalendarRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  between(from: string, to: string, tx: Tx = this.dataSource.manager): Promise<CalendarDay[]> {
    return tx.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS date, kind, name FROM holiday_calendar_day
        WHERE day BETWEEN $1 AND $2 ORDER BY day`,
      [from, to],
    );
  }

  /** Replaces the days from–to with `days`. */
  async replace(tx: Tx, from: string, to: string, days: CalendarDay[]): Promise<void> {
    await tx.query(`DELETE FROM holiday_calendar_day WHERE day BETWEEN $1 AND $2`, [from, to]);
    await tx.query(
      `INSERT INTO holiday_calendar_day (day, kind, name)
       SELECT * FROM unnest($1::date[], $2::text[], $3::text[])`,
      [days.map((d) => d.date), days.map((d) => d.kind), days.map((d) => d.name)],
    );
  }
}
