// Facts of the violations feature, published after their transaction commits.
import type { DomainEvent } from '../common/domain-events';
import type { Violation } from './violation';

/** A violation was recorded at its ladder step (and its permit suspended, if the step says so). */
export class ViolationRecorded implements DomainEvent {
  static readonly type = 'violations.violation-recorded';
  readonly type = ViolationRecorded.type;
  constructor(readonly violation: Violation) {}
}

/** The council answered a household's appeal. */
export class AppealDecided implements DomainEvent {
  static readonly type = 'violations.appeal-decided';
  readonly type = AppealDecided.type;
  constructor(
    readonly associationId: string,
    readonly violationId: string,
    readonly householdId: string | null,
    readonly appealStatus: 'upheld' | 'overturned',
    readonly appealNote: string,
  ) {}
}
