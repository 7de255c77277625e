import { createHmac, randomBytes } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { LIVE_PUSH, type LivePush, rooms } from '../live/live-events';
import { ConventionVote, type VoteChoice } from './convention-ballot.entities';
import { ConventionVersion } from './convention-version.entity';
import { toResultView } from './convention-views';
import type { MyVoteView, VoteResultView } from './dto/version.view';
import { countBallots, tally } from './tally';
import { councilVersion, readableVersion } from './version-access';
import { constraintOf } from './constraint';

const DAY_MS = 86_400_000;

export interface VoteReceipt {
  choice: VoteChoice;
  receipt: string;
  castAt: Date;
}

/**
 * The secret ballot. Nobody, the council included, reads who voted how: counts leave this
 * service, and each household gets a receipt code (an HMAC of its ballot's id) that the
 * published result lists, so it can check its own vote was counted.
 */
@Injectable()
export class BallotsService implements OnModuleInit {
  private secret = '';

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly events: EventEmitter2,
  ) {}

  async onModuleInit(): Promise<void> {
    // One key for every instance on the database, created by whichever starts first.
    await this.dataSource.query(
      `INSERT INTO service_secret (name, value) VALUES ('ballot-receipts', $1) ON CONFLICT (name) DO NOTHING`,
      [randomBytes(32).toString('base64url')],
    );
    const rows: { value: string }[] = await this.dataSource.query(
      `SELECT value FROM service_secret WHERE name = 'ballot-receipts'`,
    );
    this.secret = rows[0]!.value;
  }

  receiptOf(voteId: string): string {
    const hex = createHmac('sha256', this.secret).update(voteId).digest('hex').toUpperCase();
    return `${hex.slice(0, 4)}-${hex.slice(4, 8)}-${hex.slice(8, 12)}`;
  }

  /** Closes comments and opens the vote; the electorate is counted now, car-free households too. */
  async openVote(actor: Actor, id: string): Promise<void> {
    const now = this.clock.now();
    const version = await this.dataSource.transaction(async (em) => {
      const v = await councilVersion(em, actor, id);
      if (v.status !== 'comment') {
        throw DomainError.conflict(
          '只有征求意见中的版本可以表决 / only a version open for comments can go to the vote',
        );
      }
      if (v.commentsCloseAt && now < v.commentsCloseAt) {
        throw DomainError.conflict(
          `征求意见期至 ${v.commentsCloseAt.toISOString()} 结束 / the comment period runs until ${v.commentsCloseAt.toISOString()}`,
        );
      }
      const electorate: { count: string }[] =
        v.votingUnit === 'household'
          ? await em.query(`SELECT count(*) FROM household WHERE association_id = $1`, [
              v.associationId,
            ])
          : await em.query(
              `SELECT count(*) FROM member WHERE association_id = $1 AND household_id IS NOT NULL AND active`,
              [v.associationId],
            );
      v.status = 'voting';
      v.votingOpenAt = now;
      v.votingCloseAt = new Date(now.getTime() + v.votingDays * DAY_MS);
      v.eligibleVoters = Number(electorate[0]!.count);
      return em.getRepository(ConventionVersion).save(v);
    });
    this.push(rooms.association(version.associationId), 'convention.voting', {
      versionId: version.id,
      number: version.number,
      votingCloseAt: version.votingCloseAt,
    });
  }

  /** One ballot per household (or member): the unique key refuses a second, even a concurrent one. */
  async vote(actor: Actor, id: string, choice: VoteChoice): Promise<VoteReceipt> {
    const now = this.clock.now();
    try {
      const vote = await this.dataSource.transaction(async (em) => {
        // A shared lock: ballots go in side by side, but never while the vote is being closed.
        const v = await readableVersion(em, actor, id, 'pessimistic_read');
        if (v.status !== 'voting' || (v.votingCloseAt && now >= v.votingCloseAt)) {
          throw DomainError.conflict(
            `第${v.number}版不在表决期 / version ${v.number} is not open for voting`,
          );
        }
        if (actor.associationId !== v.associationId || !actor.householdId) {
          throw DomainError.forbidden(
            '只有本会住户可以投票 / only households of the association vote',
          );
        }
        const voter = v.votingUnit === 'household' ? actor.householdId : actor.memberId;
        return em.getRepository(ConventionVote).save(
          em.getRepository(ConventionVote).create({
            versionId: v.id,
            voter,
            householdId: actor.householdId,
            castBy: actor.memberId,
            choice,
            castAt: now,
          }),
        );
      });
      return { choice: vote.choice, receipt: this.receiptOf(vote.id), castAt: vote.castAt };
    } catch (error) {
      if (constraintOf(error) === 'convention_vote_once_key') {
        throw DomainError.conflict(
          '本户已投票，每户一票 / your household has already voted: one vote each',
        );
      }
      throw error;
    }
  }

  /** What this household (or member) voted, its receipt, and whether the count includes it. */
  async myVote(actor: Actor, id: string): Promise<MyVoteView> {
    const v = await readableVersion(this.dataSource.manager, actor, id);
    const voter = v.votingUnit === 'household' ? actor.householdId : actor.memberId;
    const vote = voter
      ? await this.dataSource.getRepository(ConventionVote).findOneBy({ versionId: v.id, voter })
      : null;
    if (!vote) return { voted: false, choice: null, receipt: null, castAt: null, counted: false };
    return {
      voted: true,
      choice: vote.choice,
      receipt: this.receiptOf(vote.id),
      castAt: vote.castAt,
      counted: v.status === 'adopted' || v.status === 'rejected',
    };
  }

  /** Counts the ballots once the vote has run its days (or everyone has voted). */
  async closeVote(actor: Actor, id: string): Promise<VoteResultView> {
    const now = this.clock.now();
    const version = await this.dataSource.transaction(async (em) => {
      const v = await councilVersion(em, actor, id);
      if (v.status !== 'voting') {
        throw DomainError.conflict('该版本不在表决期 / this version is not being voted on');
      }
      const ballots: { choice: string }[] = await em.query(
        `SELECT choice FROM convention_vote WHERE version_id = $1`,
        [v.id],
      );
      const eligible = v.eligibleVoters ?? 0;
      if (v.votingCloseAt && now < v.votingCloseAt && ballots.length < eligible) {
        throw DomainError.conflict(
          `表决期至 ${v.votingCloseAt.toISOString()}，尚有${eligible - ballots.length}票未投 / the vote runs until ${v.votingCloseAt.toISOString()} and ${eligible - ballots.length} have not voted`,
        );
      }
      const result = tally(countBallots(ballots.map((b) => b.choice)), {
        eligible,
        quorum: { numerator: v.quorumNumerator, denominator: v.quorumDenominator },
        threshold: { numerator: v.thresholdNumerator, denominator: v.thresholdDenominator },
        abstentionsCountAsCast: v.abstentionsCountAsCast,
      });
      v.votesYes = result.yes;
      v.votesNo = result.no;
      v.votesAbstain = result.abstain;
      v.quorumMet = result.quorumMet;
      v.thresholdMet = result.thresholdMet;
      v.status = result.adopted ? 'adopted' : 'rejected';
      v.resultAt = now;
      // 公示: the result is posted for the notice period; an adopted text binds only after it.
      v.noticeUntil = new Date(now.getTime() + v.noticeDays * DAY_MS);
      if (result.adopted) {
        const proposed = v.proposedEffectiveFrom;
        v.effectiveFrom = proposed && proposed > v.noticeUntil ? proposed : v.noticeUntil;
      }
      return em.getRepository(ConventionVersion).save(v);
    });
    const view = toResultView(version)!;
    this.push(rooms.association(version.associationId), 'convention.result', {
      versionId: version.id,
      number: version.number,
      ...view,
      noticeUntil: version.noticeUntil,
      effectiveFrom: version.effectiveFrom,
    });
    return view;
  }

  /** Receipt codes of every counted ballot, published with the result (none before it). */
  async publishedReceipts(version: ConventionVersion): Promise<string[]> {
    if (version.status !== 'adopted' && version.status !== 'rejected') return [];
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM convention_vote WHERE version_id = $1`,
      [version.id],
    );
    return rows.map((r) => this.receiptOf(r.id)).sort();
  }

  private push(room: string, event: string, payload: unknown): void {
    const message: LivePush = { room, event, payload };
    this.events.emit(LIVE_PUSH, message);
  }
}
