import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** 交接班: what the outgoing warden tells the incoming one (a car to watch, a blocked space). */
@Entity('handover_note')
export class HandoverNote {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'association_id', type: 'uuid' }) associationId!: string;
  @Column({ name: 'shift_id', type: 'uuid' }) shiftId!: string;
  @Column({ name: 'author_id', type: 'uuid' }) authorId!: string;
  @Column() body!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
