import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const SWAP_STATUSES = ['offered', 'taken', 'approved', 'declined', 'cancelled'] as const;
export type SwapStatus = (typeof SWAP_STATUSES)[number];

/** A shift offered by the member on it, taken by another, approved by the council. Never deleted: the history. */
@Entity('shift_swap')
export class ShiftSwap {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'association_id', type: 'uuid' }) associationId!: string;
  @Column({ name: 'shift_id', type: 'uuid' }) shiftId!: string;
  @Column({ name: 'offered_by', type: 'uuid' }) offeredBy!: string;
  @Column({ name: 'taken_by', type: 'uuid', nullable: true }) takenBy!: string | null;
  @Column({ name: 'decided_by', type: 'uuid', nullable: true }) decidedBy!: string | null;
  @Column({ type: 'text' }) status!: SwapStatus;
  @Column() note!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'taken_at', type: 'timestamptz', nullable: true }) takenAt!: Date | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt!: Date | null;
}
