import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A point of the lane's schematic centre line, in metres from the lane's west entrance. */
export interface LanePoint {
  x: number;
  y: number;
}

@Entity('lane')
export class Lane {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'association_id', type: 'uuid' }) associationId!: string;
  @Column() name!: string;
  @Column({ type: 'jsonb' }) geometry!: LanePoint[];
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
