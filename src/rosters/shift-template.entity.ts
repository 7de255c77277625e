import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ShiftKind } from './generation';

/** A recurring shift the association staffs, e.g. 晚班 16:00–24:00 daily, one warden. */
@Entity('shift_template')
export class ShiftTemplate {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'association_id', type: 'uuid' }) associationId!: string;
  @Column() name!: string;
  @Column({ type: 'text' }) kind!: ShiftKind;
  /** Minutes after Beijing midnight. */
  @Column({ name: 'start_minute', type: 'integer' }) startMinute!: number;
  @Column({ name: 'duration_minutes', type: 'integer' }) durationMinutes!: number;
  @Column({ type: 'integer', array: true }) weekdays!: number[];
  @Column({ name: 'min_on_duty', type: 'integer' }) minOnDuty!: number;
  @Column({ name: 'lane_ids', type: 'uuid', array: true }) laneIds!: string[];
  @Column() active!: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
