import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ConventionParameters } from './convention-parameters';

export type VersionStatus = 'draft' | 'comment' | 'voting' | 'adopted' | 'rejected';
export type VotingUnit = 'household' | 'member';

/** One text of the convention (自治公约), from draft through comments and the vote to force. */
@Entity('convention_version')
export class ConventionVersion {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'association_id', type: 'uuid' }) associationId!: string;
  @Column({ type: 'int' }) number!: number;
  @Column() title!: string;
  @Column({ type: 'text' }) status!: VersionStatus;
  @Column({ name: 'amends_version_id', type: 'uuid', nullable: true })
  amendsVersionId!: string | null;
  @Column({ type: 'jsonb' }) parameters!: ConventionParameters;
  @Column({ name: 'voting_unit', type: 'text' }) votingUnit!: VotingUnit;
  @Column({ name: 'quorum_numerator', type: 'int' }) quorumNumerator!: number;
  @Column({ name: 'quorum_denominator', type: 'int' }) quorumDenominator!: number;
  @Column({ name: 'threshold_numerator', type: 'int' }) thresholdNumerator!: number;
  @Column({ name: 'threshold_denominator', type: 'int' }) thresholdDenominator!: number;
  @Column({ name: 'abstentions_count_as_cast' }) abstentionsCountAsCast!: boolean;
  @Column({ name: 'comment_days', type: 'int' }) commentDays!: number;
  @Column({ name: 'voting_days', type: 'int' }) votingDays!: number;
  @Column({ name: 'notice_days', type: 'int' }) noticeDays!: number;
  @Column({ name: 'proposed_effective_from', type: 'timestamptz', nullable: true })
  proposedEffectiveFrom!: Date | null;
  @Column({ name: 'drafted_by', type: 'uuid', nullable: true }) draftedBy!: string | null;
  @Column({ name: 'comments_open_at', type: 'timestamptz', nullable: true })
  commentsOpenAt!: Date | null;
  @Column({ name: 'comments_close_at', type: 'timestamptz', nullable: true })
  commentsCloseAt!: Date | null;
  @Column({ name: 'voting_open_at', type: 'timestamptz', nullable: true })
  votingOpenAt!: Date | null;
  @Column({ name: 'voting_close_at', type: 'timestamptz', nullable: true })
  votingCloseAt!: Date | null;
  @Column({ name: 'eligible_voters', type: 'int', nullable: true }) eligibleVoters!: number | null;
  @Column({ name: 'votes_yes', type: 'int', nullable: true }) votesYes!: number | null;
  @Column({ name: 'votes_no', type: 'int', nullable: true }) votesNo!: number | null;
  @Column({ name: 'votes_abstain', type: 'int', nullable: true }) votesAbstain!: number | null;
  @Column({ name: 'quorum_met', type: 'boolean', nullable: true }) quorumMet!: boolean | null;
  @Column({ name: 'threshold_met', type: 'boolean', nullable: true })
  thresholdMet!: boolean | null;
  @Column({ name: 'result_at', type: 'timestamptz', nullable: true }) resultAt!: Date | null;
  @Column({ name: 'notice_until', type: 'timestamptz', nullable: true }) noticeUntil!: Date | null;
  @Column({ name: 'effective_from', type: 'timestamptz', nullable: true })
  effectiveFrom!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
