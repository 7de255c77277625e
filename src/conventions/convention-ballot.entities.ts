import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export type VoteChoice = 'yes' | 'no' | 'abstain';

/**
 * A ballot. `voter` is the household (or the member, when the draft votes per member): the
 * unique key (version, voter) is what makes "one household, one vote" hold.
 */
@Entity('convention_vote')
export class ConventionVote {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'version_id', type: 'uuid' }) versionId!: string;
  @Column({ type: 'uuid' }) voter!: string;
  @Column({ name: 'household_id', type: 'uuid', nullable: true }) householdId!: string | null;
  @Column({ name: 'cast_by', type: 'uuid', nullable: true }) castBy!: string | null;
  @Column({ type: 'text' }) choice!: VoteChoice;
  @Column({ name: 'cast_at', type: 'timestamptz' }) castAt!: Date;
}

/** A member's comment on a draft during its comment period. */
@Entity('convention_comment')
export class ConventionComment {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'version_id', type: 'uuid' }) versionId!: string;
  @Column({ name: 'member_id', type: 'uuid' }) memberId!: string;
  @Column({ name: 'article_number', type: 'int', nullable: true }) articleNumber!: number | null;
  @Column({ type: 'text' }) text!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/** A member's signature under the version in force. */
@Entity('convention_acknowledgement')
export class ConventionAcknowledgement {
  @PrimaryColumn({ name: 'version_id', type: 'uuid' }) versionId!: string;
  @PrimaryColumn({ name: 'member_id', type: 'uuid' }) memberId!: string;
  @Column({ name: 'acknowledged_at', type: 'timestamptz' }) acknowledgedAt!: Date;
}
