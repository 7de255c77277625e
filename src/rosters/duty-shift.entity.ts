import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ShiftKind } from './generation';

/** One occurrence of duty: from when to when, how many people it needs. */
@Entity('duty_shift')
export class DutyShift {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'association_id', type: 'uuid' }) associationId!: string;
  @Column({ name: 'template_id', type: 'uuid', nullable: true }) templateId!: string | null;
  @Column({ type: 'text' }) kind!: ShiftKind;
  @Column() name!: string;
  @Column({ name: 'starts_at', type: 'timestamptz' }) startsAt!: Date;
  @Column({ name: 'ends_at', type: 'timestamptz' }) endsAt!: Date;
  @Column({ name: 'min_on_duty', type: 'integer' }) minOnDuty!: number;
  @Column({ name: 'lane_ids', type: 'uuid', array: true }) laneIds!: string[];
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
