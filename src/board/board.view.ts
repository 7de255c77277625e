import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ViolationStat } from '../shared/api/violations';
import { AdoptionRulesView, FractionView, VoteResultView } from '../conventions/dto/version.view';
import { FinanceSummaryView } from '../finance/dto/finance.dto';
import { BoardDrawView } from '../sharing/dto/draw.dto';
import { MonthlyPersuasionCount } from '../violations/persuasions/persuasion.dto';
import type {
  BoardArticle,
  BoardDuty,
  BoardInForce,
  BoardVersion,
  PublicBoard,
} from '../shared/api/board';
import type { VersionStatus, VotingUnit } from '../shared/api/conventions';

export class BoardArticleView implements BoardArticle {
  @ApiProperty() number!: number;
  @ApiProperty({ example: '第三条' }) label!: string;
  @ApiProperty() text!: string;
}

export class BoardVersionView implements BoardVersion {
  @ApiProperty() number!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['comment', 'voting', 'adopted', 'rejected'] })
  status!: VersionStatus;
  @ApiProperty() inForce!: boolean;
  @ApiProperty({
    enum: ['household', 'member'],
    description: 'The adoption rules the version sets for amending it (with quorum, threshold)',
  })
  votingUnit!: VotingUnit;
  @ApiProperty({ type: FractionView }) quorum!: FractionView;
  @ApiProperty({ type: FractionView }) threshold!: FractionView;
  @ApiProperty({
    type: AdoptionRulesView,
    description: 'The rules its own vote was held under (those in force at the time)',
  })
  ballot!: AdoptionRulesView;
  @ApiPropertyOptional({ type: String, nullable: true }) commentsCloseAt!: Date | null;
  @ApiPropertyOptional({ type: String, nullable: true }) votingCloseAt!: Date | null;
  @ApiPropertyOptional({ type: String, nullable: true }) noticeUntil!: Date | null;
  @ApiPropertyOptional({ type: String, nullable: true }) effectiveFrom!: Date | null;
  @ApiPropertyOptional({ type: VoteResultView, nullable: true }) result!: VoteResultView | null;
}

export class BoardInForceView implements BoardInForce {
  @ApiProperty() number!: number;
  @ApiProperty() title!: string;
  @ApiProperty() effectiveFrom!: Date;
  @ApiProperty({ type: [BoardArticleView] }) articles!: BoardArticleView[];
}

export class BoardDutyView implements BoardDuty {
  @ApiProperty() name!: string;
  @ApiProperty() shiftName!: string;
  @ApiProperty() since!: string;
  @ApiProperty() until!: string;
}

export class ViolationStatView implements ViolationStat {
  @ApiProperty({ example: '2026-03' }) month!: string;
  @ApiProperty() kind!: string;
  @ApiProperty() count!: number;
}

/** 公示: what anyone may read about an association's convention. No personal data. */
export class PublicBoardView implements PublicBoard {
  @ApiProperty() associationId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() community!: string;
  @ApiProperty() streetOffice!: string;
  @ApiProperty() generatedAt!: Date;
  @ApiPropertyOptional({ type: BoardInForceView, nullable: true })
  inForce!: BoardInForceView | null;
  @ApiProperty({
    type: [BoardVersionView],
    description: 'Every version past its draft, newest first',
  })
  versions!: BoardVersionView[];
  @ApiProperty({ type: [BoardVersionView], description: 'Results now in their notice period' })
  noticePeriod!: BoardVersionView[];
  @ApiProperty({ type: [BoardDutyView], description: 'Signed in on a shift now' })
  onDuty!: BoardDutyView[];
  @ApiProperty({
    type: [ViolationStatView],
    description: 'Last 12 months, by kind (Asia/Shanghai months)',
  })
  violationStats!: ViolationStatView[];
  @ApiProperty({
    type: FinanceSummaryView,
    description: '收支公示: income (permit fees paid plus recorded income) and spending by month',
  })
  finance!: FinanceSummaryView;
  @ApiProperty({
    type: [BoardDrawView],
    description:
      '公开抽签 of offers open to the association: seed hash, and once drawn the seed and order to recompute',
  })
  draws!: BoardDrawView[];
  @ApiProperty({
    type: [MonthlyPersuasionCount],
    description: 'Persuasion and guidance (劝导、引导) of the last 12 months, by outcome',
  })
  persuasionStats!: MonthlyPersuasionCount[];
}
