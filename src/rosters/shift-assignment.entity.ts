import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A member on a shift. The shift's times are copied here by a database trigger so that an
 * exclusion constraint (shift_assignment_no_overlap) keeps anyone off two overlapping shifts.
 * Insert with SQL naming only association, shift and member; the trigger fills the times.
 */
@Entity('shift_assignment')
export class ShiftAssignment {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'association_id', type: 'uuid' }) associationId!: string;
  @Column({ name: 'shift_id', type: 'uuid' }) shiftId!: string;
  @Column({ name: 'member_id', type: 'uuid' }) memberId!: string;
  @Column({ name: 'starts_at', type: 'timestamptz', insert: false, update: false }) startsAt!: Date;
  @Column({ name: 'ends_at', type: 'timestamptz', insert: false, update: false }) endsAt!: Date;
  @Column({ name: 'signed_in_at', type: 'timestamptz', nullable: true }) signedInAt!: Date | null;
  @Column({ name: 'signed_out_at', type: 'timestamptz', nullable: true })
  signedOutAt!: Date | null;
  @Column() late!: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
