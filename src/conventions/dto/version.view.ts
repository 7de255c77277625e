import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  Acknowledgements,
  AdoptionRules,
  Article,
  CommentReply,
  VersionComment,
  Fraction,
  MyVote,
  Version,
  VersionDiff,
  VersionStatus,
  VersionSummary,
  VoteChoice,
  VoteResult,
  VotingUnit,
} from '../../shared/api/conventions';
import type { ConventionParameters } from '../../shared/conventions/parameters';

// The OpenAPI description of the shapes in src/shared/api/conventions.ts, which the web client
// reads too: each class implements its shape, so the two cannot drift.

export class ArticleView implements Article {
  @ApiProperty() number!: number;
  @ApiProperty({ example: '第五条' }) label!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ type: [String] }) parameters!: string[];
}

export class FractionView implements Fraction {
  @ApiProperty() numerator!: number;
  @ApiProperty() denominator!: number;
}

/** Who votes, how many must take part and agree, how long each stage lasts. */
export class AdoptionRulesView implements AdoptionRules {
  @ApiProperty({ enum: ['household', 'member'] }) votingUnit!: VotingUnit;
  @ApiProperty({ type: FractionView }) quorum!: FractionView;
  @ApiProperty({ type: FractionView }) threshold!: FractionView;
  @ApiProperty() abstentionsCountAsCast!: boolean;
  @ApiProperty() commentDays!: number;
  @ApiProperty() votingDays!: number;
  @ApiProperty() noticeDays!: number;
}

/** The vote record of a closed vote: counts only, never who voted how. */
export class VoteResultView implements VoteResult {
  @ApiProperty() eligible!: number;
  @ApiProperty() yes!: number;
  @ApiProperty() no!: number;
  @ApiProperty() abstain!: number;
  @ApiProperty() turnout!: number;
  @ApiProperty() quorumMet!: boolean;
  @ApiProperty() thresholdMet!: boolean;
  @ApiProperty({ enum: ['adopted', 'rejected'] }) outcome!: 'adopted' | 'rejected';
  @ApiProperty() resultAt!: Date;
}

export class VersionSummaryView implements VersionSummary {
  @ApiProperty() id!: string;
  @ApiProperty() number!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['draft', 'comment', 'voting', 'adopted', 'rejected'] })
  status!: VersionStatus;
  @ApiProperty({ description: 'Adopted and effective now' }) inForce!: boolean;
  @ApiProperty({
    enum: ['household', 'member'],
    description: 'The adoption rules this version sets for amending it (also quorum … noticeDays)',
  })
  votingUnit!: VotingUnit;
  @ApiProperty({ type: FractionView }) quorum!: FractionView;
  @ApiProperty({ type: FractionView }) threshold!: FractionView;
  @ApiProperty() abstentionsCountAsCast!: boolean;
  @ApiProperty() noticeDays!: number;
  @ApiProperty({
    type: AdoptionRulesView,
    description: 'The rules this version’s own vote follows: those in force when it was opened',
  })
  ballot!: AdoptionRulesView;
  @ApiPropertyOptional({ type: String, nullable: true }) commentsCloseAt!: Date | null;
  @ApiPropertyOptional({ type: String, nullable: true }) votingCloseAt!: Date | null;
  @ApiPropertyOptional({ type: String, nullable: true }) noticeUntil!: Date | null;
  @ApiPropertyOptional({ type: String, nullable: true }) effectiveFrom!: Date | null;
  @ApiPropertyOptional({ type: VoteResultView, nullable: true }) result!: VoteResultView | null;
}

export class VersionView extends VersionSummaryView implements Version {
  @ApiPropertyOptional({ type: String, nullable: true }) amendsVersionId!: string | null;
  @ApiProperty() commentDays!: number;
  @ApiProperty() votingDays!: number;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'The article stating the adoption rules',
  })
  adoptionArticle!: number | null;
  @ApiPropertyOptional({ type: String, nullable: true }) proposedEffectiveFrom!: Date | null;
  @ApiPropertyOptional({ type: String, nullable: true }) commentsOpenAt!: Date | null;
  @ApiPropertyOptional({ type: String, nullable: true }) votingOpenAt!: Date | null;
  @ApiProperty({ type: [ArticleView] }) articles!: ArticleView[];
  @ApiProperty({ description: 'ConventionParameters' }) parameters!: ConventionParameters;
  @ApiProperty({
    type: [String],
    description: 'Receipt codes of every counted ballot, so each household can find its own',
  })
  receipts!: string[];
}

export class CommentReplyView implements CommentReply {
  @ApiProperty() text!: string;
  @ApiProperty({ description: 'The council member who answered' }) author!: string;
  @ApiProperty() repliedAt!: Date;
}

export class CommentView implements VersionComment {
  @ApiProperty() id!: string;
  @ApiPropertyOptional({ type: Number, nullable: true }) articleNumber!: number | null;
  @ApiProperty() text!: string;
  @ApiProperty({ description: 'The member’s name (comments are signed)' }) author!: string;
  @ApiProperty() createdAt!: Date;
  @ApiPropertyOptional({
    type: CommentReplyView,
    nullable: true,
    description: "The council's written answer, shown with the comment to every member",
  })
  reply!: CommentReplyView | null;
}

export class MyVoteView implements MyVote {
  @ApiProperty() voted!: boolean;
  @ApiPropertyOptional({ enum: ['yes', 'no', 'abstain'], nullable: true })
  choice!: VoteChoice | null;
  @ApiPropertyOptional({ type: String, nullable: true }) receipt!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) castAt!: Date | null;
  @ApiProperty({ description: 'The vote is closed and this receipt is among the counted ballots' })
  counted!: boolean;
}

export class AcknowledgementsView implements Acknowledgements {
  @ApiProperty() versionId!: string;
  @ApiProperty() versionNumber!: number;
  @ApiProperty() acknowledged!: number;
  @ApiProperty({ description: 'Members of households who have not signed yet' })
  pending!: { memberId: string; name: string; address: string | null }[];
}

export class VersionDiffView implements VersionDiff {
  @ApiProperty() from!: number;
  @ApiProperty() to!: number;
  @ApiProperty() articles!: VersionDiff['articles'];
  @ApiProperty() parameters!: VersionDiff['parameters'];
}
