import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const RESIDENT_UNIT_KINDS = ['office', 'company', 'school', 'hospital', 'other'] as const;
export type ResidentUnitKind = (typeof RESIDENT_UNIT_KINDS)[number];

/** 驻区单位: an office, company, school or hospital in the association's area. */
@Entity('resident_unit')
export class ResidentUnit {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'association_id', type: 'uuid' }) associationId!: string;
  @Column() name!: string;
  @Column({ type: 'text' }) kind!: ResidentUnitKind;
  @Column() address!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
