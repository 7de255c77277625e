import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { CalendarDayKind } from './offer-windows';

/** China's official calendar: days off (放假) and make-up working days (调休上班). */
@Entity('holiday_calendar_day')
export class HolidayCalendarDay {
  @PrimaryColumn({ type: 'date' }) day!: string;
  @Column({ type: 'text' }) kind!: CalendarDayKind;
  @Column() name!: string;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
