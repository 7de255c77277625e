import { Column, Entity, PrimaryColumn } from 'typeorm';

/** 第N条 of a version, with the parameters it states (so a refusal can cite it). */
@Entity('convention_article')
export class ConventionArticle {
  @PrimaryColumn({ name: 'version_id', type: 'uuid' }) versionId!: string;
  @PrimaryColumn({ type: 'int' }) number!: number;
  @Column({ type: 'text' }) text!: string;
  @Column({ type: 'text', array: true }) parameters!: string[];
}
