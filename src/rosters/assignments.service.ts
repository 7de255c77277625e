import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { canReadAssociation } from '../auth/policy';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { DomainEvents } from '../common/domain-events';
import { type Tx, Transactions } from '../database/transactions';
import { DutyPeopleRepository } from './duty-people.repository';
import type { ShiftKind } from './generation';
import { toGapView } from './roster-views';
import { RosterGapOpened } from './rosters.events';
import { assertCanManageRoster, canDropAssignment, canServe } from './rosters.policy';
import { RostersService } from './rosters.service';
import { type ShiftAssignment, ShiftAssignmentRepository } from './shift-assignment.repository';
import type { ShiftResponse } from '../shared/api/rosters';

/** The council puts people on shifts and moves them; anyone may drop their own shift. */
@Injectable()
export class AssignmentsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly assignments: ShiftAssignmentRepository,
    private readonly people: DutyPeopleRepository,
    private readonly rosters: RostersService,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  async assign(actor: Actor, shiftId: string, memberId: string): Promise<ShiftResponse> {
    return this.transactions.run(async (tx) => {
      const shift = await this.rosters.readableShift(actor, shiftId, tx);
      assertCanManageRoster(actor, shift.associationId);
      await this.assertMayServe(shift.associationId, shift.kind, memberId, tx);
      // A member on an overlapping shift breaks shift_assignment_no_overlap: 'shift.member_overlapping'.
      await this.assignments.insert(tx, shift.associationId, shift.id, memberId);
      return this.rosters.shiftView(shift.id, tx);
    });
  }

  /** Moves a shift to another person (the council's "pick to reassign"). */
  async reassign(actor: Actor, assignmentId: string, memberId: string): Promise<ShiftResponse> {
    return this.transactions.run(async (tx) => {
      const assignment = await this.readableAssignment(actor, assignmentId, tx);
      assertCanManageRoster(actor, assignment.associationId);
      this.assertNotStarted(assignment);
      await this.assertMayServe(assignment.associationId, assignment.kind, memberId, tx);
      if (!(await this.assignments.reassign(tx, assignmentId, memberId))) {
        throw new DomainError('shift.signed_in');
      }
      return this.rosters.shiftView(assignment.shiftId, tx);
    });
  }

  /** Takes someone off a shift; a gap this opens is pushed to the council once committed. */
  async drop(actor: Actor, assignmentId: string): Promise<void> {
    await this.transactions.run(async (tx) => {
      const assignment = await this.readableAssignment(actor, assignmentId, tx);
      if (!canDropAssignment(actor, assignment)) throw new DomainError('shift.drop_not_yours');
      this.assertNotStarted(assignment);
      if (!(await this.assignments.deleteUnsigned(tx, assignmentId))) {
        throw new DomainError('shift.signed_in');
      }
      const gaps = await this.rosters.gapsIn(
        assignment.associationId,
        { from: assignment.startsAt, to: assignment.endsAt },
        tx,
      );
      if (gaps.length > 0) {
        this.events.publish(
          tx,
          new RosterGapOpened(assignment.associationId, assignment.shiftId, gaps.map(toGapView)),
        );
      }
    });
  }

  async readableAssignment(actor: Actor, id: string, tx?: Tx): Promise<ShiftAssignment> {
    const assignment = await this.assignments.find(id, tx);
    if (!assignment || !canReadAssociation(actor, assignment.associationId)) {
      throw DomainError.notFound('shift assignment', id);
    }
    return assignment;
  }

  /** Warden shifts need a hired warden (or the council); patrols take volunteers too. */
  async assertMayServe(
    associationId: string,
    kind: ShiftKind,
    memberId: string,
    tx?: Tx,
  ): Promise<void> {
    const person = await this.people.activeMember(associationId, memberId, tx);
    if (!person) throw DomainError.notFound('member', memberId);
    if (!canServe(person, kind)) {
      throw new DomainError(kind === 'warden' ? 'shift.needs_warden' : 'shift.needs_volunteer');
    }
  }

  private assertNotStarted(assignment: ShiftAssignment): void {
    if (assignment.signedInAt) throw new DomainError('shift.signed_in');
    if (assignment.endsAt <= this.clock.now()) throw new DomainError('shift.over');
  }
}
