import type { DomainEvent } from '../common/domain-events';
import type { MoveAnswer } from '../shared/live/permits';
import type { PermitStatus } from './permit-status';

/** A permit took a lifecycle step (approved, suspended, revoked, …); published after commit. */
export class PermitChanged implements DomainEvent {
  static readonly type = 'permits.permit-changed';
  readonly type = PermitChanged.type;

  constructor(
    readonly permitId: string,
    readonly number: number,
    readonly associationId: string,
    readonly householdId: string | null,
    /** The status right after the step, by the server clock. */
    readonly status: PermitStatus,
  ) {}
}

/** A 挪车 request as recorded: who asked, whose car, the answer once given. */
export interface MoveRequestFacts {
  id: string;
  associationId: string;
  plate: string;
  note: string;
  askedBy: string;
  /** Null for a windscreen notice: nobody is known to relay it to. */
  holderMemberId: string | null;
  askedAt: Date;
  answer: MoveAnswer | null;
  answeredAt: Date | null;
  /** When the windscreen notice stops taking answers; null for a relayed request. */
  noticeExpiresAt: Date | null;
}

/** Someone asked the holder of a plate's permit to move; the holder hears at once. */
export class MoveRequested implements DomainEvent {
  static readonly type = 'permits.move-requested';
  readonly type = MoveRequested.type;

  constructor(readonly request: MoveRequestFacts) {}
}

/** The holder answered a 挪车 request; the asker hears at once. */
export class MoveAnswered implements DomainEvent {
  static readonly type = 'permits.move-answered';
  readonly type = MoveAnswered.type;

  constructor(readonly request: MoveRequestFacts) {}
}
