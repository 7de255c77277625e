import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { PermitKind } from './permit-token';
import type { StoredStatus } from './permit-status';

/** 停车证: bound to one plate; its status at a moment is computed by statusAt(). */
@Entity('permit')
export class Permit {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** Printed on the card, carried in the QR, typed by hand by a warden. */
  @Column({ type: 'bigint', insert: false, transformer: { to: (v: unknown) => v, from: Number } })
  number!: number;
  @Column({ name: 'association_id', type: 'uuid' }) associationId!: string;
  @Column({ type: 'text' }) kind!: PermitKind;
  @Column({ name: 'vehicle_id', type: 'uuid', nullable: true }) vehicleId!: string | null;
  @Column({ name: 'household_id', type: 'uuid', nullable: true }) householdId!: string | null;
  @Column() plate!: string;
  @Column({ name: 'lane_id', type: 'uuid', nullable: true }) laneId!: string | null;
  /** A resident unit's car park (off-peak feature); no foreign key, see the migration. */
  @Column({ name: 'car_park_id', type: 'uuid', nullable: true }) carParkId!: string | null;
  @Column({ type: 'text' }) status!: StoredStatus;
  @Column({ name: 'valid_from', type: 'timestamptz' }) validFrom!: Date;
  @Column({ name: 'valid_to', type: 'timestamptz' }) validTo!: Date;
  @Column({ name: 'suspended_until', type: 'timestamptz', nullable: true })
  suspendedUntil!: Date | null;
  @Column({ name: 'suspension_reason', type: 'text', nullable: true })
  suspensionReason!: string | null;
  @Column({ name: 'fee_cny', type: 'int' }) feeCny!: number;
  @Column({ name: 'fee_paid_at', type: 'timestamptz', nullable: true }) feePaidAt!: Date | null;
  @Column({ type: 'text', nullable: true, select: false }) token!: string | null;
  @Column({ name: 'token_kid', type: 'text', nullable: true }) tokenKid!: string | null;
  @Column({ name: 'guest_token', type: 'text', nullable: true, select: false })
  guestToken!: string | null;
  @Column({ name: 'applied_by', type: 'uuid', nullable: true }) appliedBy!: string | null;
  @Column() note!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
