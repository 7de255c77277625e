import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A resident unit's car park that it lends off-peak (a garage, a yard, a school playground). */
@Entity('car_park')
export class CarPark {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'association_id', type: 'uuid' }) associationId!: string;
  @Column({ name: 'resident_unit_id', type: 'uuid' }) residentUnitId!: string;
  @Column() name!: string;
  @Column() address!: string;
  @Column({ name: 'entrance_notes' }) entranceNotes!: string;
  @Column({ type: 'numeric', nullable: true }) latitude!: string | null;
  @Column({ type: 'numeric', nullable: true }) longitude!: string | null;
  @Column({ name: 'total_spaces', type: 'integer' }) totalSpaces!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
