// Facts of the convention, published after their transaction commits (DomainEvents.publish).
import type { DomainEvent } from '../common/domain-events';
import type { Tally } from './tally';

/** Comments are closed and the households may now vote, until `votingCloseAt`. */
export class ConventionVoteOpened implements DomainEvent {
  static readonly type = 'conventions.vote-opened';
  readonly type = ConventionVoteOpened.type;
  constructor(
    readonly associationId: string,
    readonly versionId: string,
    readonly number: number,
    readonly votingCloseAt: Date,
  ) {}
}

/** The ballots were counted; an adopted version binds from `effectiveFrom`, after its 公示. */
export class ConventionVoteCounted implements DomainEvent {
  static readonly type = 'conventions.vote-counted';
  readonly type = ConventionVoteCounted.type;
  constructor(
    readonly associationId: string,
    readonly versionId: string,
    readonly number: number,
    readonly tally: Tally,
    readonly resultAt: Date,
    readonly noticeUntil: Date,
    readonly effectiveFrom: Date | null,
  ) {}
}
