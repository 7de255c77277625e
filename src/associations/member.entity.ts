import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '../auth/role';

@Entity('member')
export class Member {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'association_id', type: 'uuid' }) associationId!: string;
  @Column({ name: 'household_id', type: 'uuid', nullable: true }) householdId!: string | null;
  @Column({ name: 'resident_unit_id', type: 'uuid', nullable: true })
  residentUnitId!: string | null;
  @Column() name!: string;
  @Column() phone!: string;
  @Column({ name: 'password_hash', type: 'text', nullable: true, select: false })
  passwordHash!: string | null;
  @Column({ type: 'text' }) role!: Role;
  @Column({ name: 'party_member' }) partyMember!: boolean;
  @Column() volunteer!: boolean;
  @Column() active!: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
