import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { PenaltyAction } from '../conventions/convention-parameters';

export const VIOLATION_KINDS = [
  'no_permit',
  'wrong_space',
  'overstay',
  'blocking_passage',
  'no_parking_window',
] as const;
export type ViolationKind = (typeof VIOLATION_KINDS)[number];
export type AppealStatus = 'none' | 'pending' | 'upheld' | 'overturned';

/** A violation a warden recorded, the ladder step it reached, and its appeal. */
@Entity('violation')
export class Violation {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'association_id', type: 'uuid' }) associationId!: string;
  @Column({ name: 'version_id', type: 'uuid', nullable: true }) versionId!: string | null;
  @Column({ name: 'article_number', type: 'int', nullable: true }) articleNumber!: number | null;
  @Column({ type: 'text' }) kind!: ViolationKind;
  @Column() plate!: string;
  @Column({ name: 'vehicle_id', type: 'uuid', nullable: true }) vehicleId!: string | null;
  @Column({ name: 'household_id', type: 'uuid', nullable: true }) householdId!: string | null;
  @Column() place!: string;
  @Column({ name: 'occurred_at', type: 'timestamptz' }) occurredAt!: Date;
  @Column({ type: 'text', nullable: true, select: false }) photo!: string | null;
  @Column({ name: 'recorded_by', type: 'uuid', nullable: true }) recordedBy!: string | null;
  /** Whether the recording warden was signed in on a shift; null when no warden recorded it. */
  @Column({ name: 'recorder_on_duty', type: 'boolean', nullable: true })
  recorderOnDuty!: boolean | null;
  @Column({ type: 'int' }) step!: number;
  @Column({ type: 'text' }) action!: PenaltyAction;
  @Column({ name: 'suspended_until', type: 'timestamptz', nullable: true })
  suspendedUntil!: Date | null;
  @Column({ name: 'permit_id', type: 'uuid', nullable: true }) permitId!: string | null;
  @Column({ name: 'appeal_status', type: 'text' }) appealStatus!: AppealStatus;
  @Column({ name: 'appeal_reason', type: 'text', nullable: true }) appealReason!: string | null;
  @Column({ name: 'appeal_note', type: 'text', nullable: true }) appealNote!: string | null;
  @Column({ name: 'appeal_decided_by', type: 'uuid', nullable: true })
  appealDecidedBy!: string | null;
  @Column({ name: 'appeal_decided_at', type: 'timestamptz', nullable: true })
  appealDecidedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
