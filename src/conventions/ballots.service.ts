import { createHmac, randomBytes } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HouseholdsService } from '../associations/households.service';
import { MembersService } from '../associations/members.service';
import type { Actor } from '../auth/actor';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { DomainEvents } from '../common/domain-events';
import { DAY_MS, shanghaiDateTime } from '../common/shanghai-time';
import { Transactions, type Tx } from '../database/transactions';
import { constraintOf } from './constraint';
import type { ConventionVersion, VoteChoice, VotingUnit } from './convention-version';
import { ConventionVersionRepository } from './convention-version.repository';
import { ConventionVoteRepository } from './convention-vote.repository';
import { toResultView } from './convention-views';
import { ConventionVoteCounted, ConventionVoteOpened } from './conventions.events';
import { canVote } from './conventions.policy';
import type { MyVote, VoteResult } from '../shared/api/conventions';
import { countBallots, tally } from './tally';
import { councilVersion, readableVersion } from './version-access';

export interface VoteReceipt {
  choice: VoteChoice;
  receipt: string;
  castAt: Date;
}

/**
 * The secret ballot. Nobody, the council included, reads who voted how: counts leave this
 * service, and each household gets a receipt code (an HMAC of its ballot's id) that the
 * published result lists, so it can check its own vote was counted. Every step follows the
 * version's `ballot` rules: those in force when it was opened, not the ones it proposes.
 */
@Injectable()
export class BallotsService implements OnModuleInit {
  private secret = '';

  constructor(
    private readonly versions: ConventionVersionRepository,
    private readonly votes: ConventionVoteRepository,
    private readonly households: HouseholdsService,
    private readonly members: MembersService,
    private readonly transactions: Transactions,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  async onModuleInit(): Promise<void> {
    // One key for every instance on the database, created by whichever starts first.
    this.secret = await this.votes.receiptKey(randomBytes(32).toString('base64url'));
  }

  receiptOf(voteId: string): string {
    const hex = createHmac('sha256', this.secret).update(voteId).digest('hex').toUpperCase();
    return `${hex.slice(0, 4)}-${hex.slice(4, 8)}-${hex.slice(8, 12)}`;
  }

  /** Closes comments and opens the vote; the electorate is counted now, car-free households too. */
  async openVote(actor: Actor, id: string): Promise<void> {
    const now = this.clock.now();
    await this.transactions.run(async (tx) => {
      const v = await councilVersion(this.versions, actor, id, tx);
      if (v.status !== 'comment') {
        throw new DomainError('vote.not_after_comments', { number: v.number });
      }
      if (v.commentsCloseAt && now < v.commentsCloseAt) {
        throw new DomainError('vote.comments_running', {
          number: v.number,
          until: shanghaiDateTime(v.commentsCloseAt),
        });
      }
      const votingCloseAt = new Date(now.getTime() + v.ballot.votingDays * DAY_MS);
      await this.versions.update(
        {
          ...v,
          status: 'voting',
          votingOpenAt: now,
          votingCloseAt,
          eligibleVoters: await this.electorate(v.associationId, v.ballot.votingUnit, tx),
        },
        tx,
      );
      this.events.publish(
        tx,
        new ConventionVoteOpened(v.associationId, v.id, v.number, votingCloseAt),
      );
    });
  }

  /** One ballot per household (or member): the unique key refuses a second, even a concurrent one. */
  async vote(actor: Actor, id: string, choice: VoteChoice): Promise<VoteReceipt> {
    const now = this.clock.now();
    let unit: VotingUnit = 'household';
    try {
      const ballot = await this.transactions.run(async (tx) => {
        // A shared lock: ballots go in side by side, but never while the vote is being closed.
        const v = await readableVersion(this.versions, actor, id, tx, 'share');
        unit = v.ballot.votingUnit;
        if (v.status !== 'voting' || (v.votingCloseAt && now >= v.votingCloseAt)) {
          throw new DomainError('vote.not_open', { number: v.number });
        }
        if (!canVote(actor, v) || !actor.householdId) throw new DomainError('vote.households_only');
        return this.votes.cast(
          {
            versionId: v.id,
            voter: unit === 'household' ? actor.householdId : actor.memberId,
            householdId: actor.householdId,
            castBy: actor.memberId,
            choice,
            castAt: now,
          },
          tx,
        );
      });
      return { choice: ballot.choice, receipt: this.receiptOf(ballot.id), castAt: ballot.castAt };
    } catch (error) {
      if (constraintOf(error) === 'convention_vote_once_key') {
        throw new DomainError(unit === 'household' ? 'vote.household_voted' : 'vote.member_voted');
      }
      throw error;
    }
  }

  /** What this household (or member) voted, its receipt, and whether the count includes it. */
  async myVote(actor: Actor, id: string): Promise<MyVote> {
    const v = await readableVersion(this.versions, actor, id);
    const voter = v.ballot.votingUnit === 'household' ? actor.householdId : actor.memberId;
    const ballot = voter ? await this.votes.ofVoter(v.id, voter) : null;
    if (!ballot) return { voted: false, choice: null, receipt: null, castAt: null, counted: false };
    return {
      voted: true,
      choice: ballot.choice,
      receipt: this.receiptOf(ballot.id),
      castAt: ballot.castAt,
      counted: v.status === 'adopted' || v.status === 'rejected',
    };
  }

  /** Counts the ballots once the vote has run its days (or everyone has voted). */
  async closeVote(actor: Actor, id: string): Promise<VoteResult> {
    const now = this.clock.now();
    const counted = await this.transactions.run(async (tx) => {
      const v = await councilVersion(this.versions, actor, id, tx);
      if (v.status !== 'voting') throw new DomainError('vote.not_open', { number: v.number });
      const choices = await this.votes.choicesOf(v.id, tx);
      const eligible = v.eligibleVoters ?? 0;
      if (v.votingCloseAt && now < v.votingCloseAt && choices.length < eligible) {
        throw new DomainError('vote.still_running', {
          number: v.number,
          until: shanghaiDateTime(v.votingCloseAt),
          missing: eligible - choices.length,
        });
      }
      const result = tally(countBallots(choices), { eligible, ...v.ballot });
      // 公示: the result is posted for the notice period; an adopted text binds only after it.
      const noticeUntil = new Date(now.getTime() + v.ballot.noticeDays * DAY_MS);
      const proposed = v.proposedEffectiveFrom;
      const decided: ConventionVersion = {
        ...v,
        votesYes: result.yes,
        votesNo: result.no,
        votesAbstain: result.abstain,
        quorumMet: result.quorumMet,
        thresholdMet: result.thresholdMet,
        status: result.adopted ? 'adopted' : 'rejected',
        resultAt: now,
        noticeUntil,
        effectiveFrom: result.adopted
          ? proposed && proposed > noticeUntil
            ? proposed
            : noticeUntil
          : null,
      };
      await this.versions.update(decided, tx);
      this.events.publish(
        tx,
        new ConventionVoteCounted(
          v.associationId,
          v.id,
          v.number,
          result,
          now,
          noticeUntil,
          decided.effectiveFrom,
        ),
      );
      return decided;
    });
    return toResultView(counted)!;
  }

  /** Receipt codes of every counted ballot, published with the result (none before it). */
  async publishedReceipts(version: ConventionVersion): Promise<string[]> {
    if (version.status !== 'adopted' && version.status !== 'rejected') return [];
    const ids = await this.votes.idsOf(version.id);
    return ids.map((id) => this.receiptOf(id)).sort();
  }

  /** Who may vote: every household (car-free ones too), or every member of one. */
  private electorate(associationId: string, unit: VotingUnit, tx: Tx): Promise<number> {
    return unit === 'household'
      ? this.households.countIn(associationId, tx)
      : this.members.countInHouseholds(associationId, tx);
  }
}
