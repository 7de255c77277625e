import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { PlateColor } from './plate';

@Entity('vehicle')
export class Vehicle {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'association_id', type: 'uuid' }) associationId!: string;
  @Column({ name: 'household_id', type: 'uuid' }) householdId!: string;
  @Column({ name: 'owner_member_id', type: 'uuid', nullable: true }) ownerMemberId!: string | null;
  /** Normalised: no separators, upper case, e.g. "京A12345" or "京AD12345". */
  @Column() plate!: string;
  @Column({ name: 'plate_color', type: 'text' }) plateColor!: PlateColor;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
