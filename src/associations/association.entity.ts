import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('association')
export class Association {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column() name!: string;
  @Column() community!: string;
  @Column({ name: 'street_office' }) streetOffice!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
