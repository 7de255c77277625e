// What the public board (公示, GET /api/public/associations/:id/board) answers: anyone may read
// it, so it holds no personal data. The board screen reads it as `Wire<…>`
// (src/shared/api/wire.ts); the OpenAPI classes in src/board/board.view.ts implement these.
// Types only.
import type { VersionSummary } from './conventions';
import type { BoardDraw } from './sharing';
import type { MonthlyPersuasionCount, ViolationStat } from './violations';

export interface BoardArticle {
  number: number;
  /** "第三条" */
  label: string;
  text: string;
}

/** A version past its draft, as anyone may read it (never 'draft': a draft is not on the board). */
export type BoardVersion = Omit<VersionSummary, 'id' | 'abstentionsCountAsCast' | 'noticeDays'>;

export interface BoardInForce {
  number: number;
  title: string;
  effectiveFrom: Date;
  articles: BoardArticle[];
}

/** Who is signed in on a shift now: a name, no phone. */
export interface BoardDuty {
  name: string;
  shiftName: string;
  since: string;
  until: string;
}

export interface FinanceMonth {
  /** "2026-03" */
  month: string;
  /** Permit fees paid that month plus recorded income. */
  incomeCny: number;
  expenseCny: number;
}

/** 收支公示: the last 12 Beijing months, oldest first. */
export interface FinanceSummary {
  months: FinanceMonth[];
}

export interface PublicBoard {
  associationId: string;
  name: string;
  community: string;
  streetOffice: string;
  generatedAt: Date;
  inForce: BoardInForce | null;
  /** Every version past its draft, newest first. */
  versions: BoardVersion[];
  /** Results now in their notice period. */
  noticePeriod: BoardVersion[];
  /** Signed in on a shift now. */
  onDuty: BoardDuty[];
  /** Last 12 months, by kind (Asia/Shanghai months). */
  violationStats: ViolationStat[];
  finance: FinanceSummary;
  /** 公开抽签 of offers open to the association. */
  draws: BoardDraw[];
  /** Persuasion and guidance (劝导、引导) of the last 12 months, by outcome. */
  persuasionStats: MonthlyPersuasionCount[];
}
