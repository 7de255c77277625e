import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { DomainEvents } from '../common/domain-events';
import { HOUR_MS, shanghaiDateTime } from '../common/shanghai-time';
import { type Tx, Transactions } from '../database/transactions';
import { isLate, signInOpensAt } from './attendance';
import type { DutyShift } from './duty-shift.repository';
import { DutyShiftRepository } from './duty-shift.repository';
import type { SignInView } from './dto/roster.view';
import { HandoverNoteRepository } from './handover-note.repository';
import { type ShiftRow, toAssignmentView, toNoteView } from './roster-views';
import { DutyChanged } from './rosters.events';
import { canReadHandoverNotes, canWriteHandoverNote } from './rosters.policy';
import { RostersService } from './rosters.service';
import { ShiftAssignmentRepository } from './shift-assignment.repository';
import type { AssignmentResponse, HandoverNoteResponse } from '../shared/api/rosters';

/** Notes from the shifts that handed over to this one: those written this long before it starts. */
const HANDOVER_LOOKBACK_MS = 24 * HOUR_MS;

/** On duty (值班): sign in, sign out, handover notes (交接班); "on duty now" goes to the live feed. */
@Injectable()
export class DutyService {
  constructor(
    private readonly transactions: Transactions,
    private readonly shifts: DutyShiftRepository,
    private readonly assignments: ShiftAssignmentRepository,
    private readonly notes: HandoverNoteRepository,
    private readonly rosters: RostersService,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  async signIn(actor: Actor, shiftId: string): Promise<SignInView> {
    return this.transactions.run(async (tx) => {
      const { shift, place } = await this.myPlace(actor, shiftId, tx);
      const now = this.clock.now();
      if (place.signed_in_at) throw new DomainError('duty.already_signed_in');
      if (now >= place.ends_at) throw new DomainError('duty.missed');
      const opens = signInOpensAt(place.starts_at);
      if (now < opens) {
        throw new DomainError('duty.too_early', { opensAt: shanghaiDateTime(opens) });
      }
      const late = isLate(place.starts_at, now);
      if (!(await this.assignments.signIn(tx, place.assignment_id!, now, late))) {
        throw new DomainError('duty.already_signed_in');
      }
      await this.announceOnDuty(tx, shift.associationId);
      return {
        assignment: await this.assignmentView(place.assignment_id!, tx),
        handoverNotes: await this.notesFor(shift, tx),
      };
    });
  }

  async signOut(actor: Actor, shiftId: string, handoverNote?: string): Promise<AssignmentResponse> {
    return this.transactions.run(async (tx) => {
      const { shift, place } = await this.myPlace(actor, shiftId, tx);
      if (!place.signed_in_at) throw new DomainError('duty.not_signed_in');
      if (place.signed_out_at) throw new DomainError('duty.already_signed_out');
      if (!(await this.assignments.signOut(tx, place.assignment_id!, this.clock.now()))) {
        throw new DomainError('duty.already_signed_out');
      }
      if (handoverNote) {
        await this.notes.insert(tx, {
          associationId: shift.associationId,
          shiftId,
          authorId: actor.memberId,
          body: handoverNote,
        });
      }
      await this.announceOnDuty(tx, shift.associationId);
      return this.assignmentView(place.assignment_id!, tx);
    });
  }

  /** A note for whoever comes next; written by someone on the shift, or the council. */
  async addNote(actor: Actor, shiftId: string, body: string): Promise<HandoverNoteResponse> {
    return this.transactions.run(async (tx) => {
      const shift = await this.rosters.readableShift(actor, shiftId, tx);
      const onIt = await this.shifts.rowOfMemberOnShift(shiftId, actor.memberId, tx);
      if (!canWriteHandoverNote(actor, shift.associationId, onIt !== null)) {
        throw new DomainError('shift.not_on_it');
      }
      const id = await this.notes.insert(tx, {
        associationId: shift.associationId,
        shiftId,
        authorId: actor.memberId,
        body,
      });
      return toNoteView(await this.notes.find(id, tx));
    });
  }

  /** The notes the people on a shift should read at its start. */
  async notesForShift(actor: Actor, shiftId: string): Promise<HandoverNoteResponse[]> {
    const shift = await this.rosters.readableShift(actor, shiftId);
    const onIt = await this.shifts.rowOfMemberOnShift(shiftId, actor.memberId);
    if (!canReadHandoverNotes(actor, shift.associationId, onIt !== null)) {
      throw new DomainError('shift.not_on_it');
    }
    return this.notesFor(shift);
  }

  private async notesFor(shift: DutyShift, tx?: Tx): Promise<HandoverNoteResponse[]> {
    const notes = await this.notes.writtenBetween(
      shift.associationId,
      new Date(shift.startsAt.getTime() - HANDOVER_LOOKBACK_MS),
      new Date(Math.max(shift.startsAt.getTime(), this.clock.now().getTime())),
      tx,
    );
    return notes.map(toNoteView);
  }

  /** The caller's own place on the shift: 404 for a shift they cannot see, 403 if not on it. */
  private async myPlace(
    actor: Actor,
    shiftId: string,
    tx: Tx,
  ): Promise<{ shift: DutyShift; place: ShiftRow }> {
    const shift = await this.rosters.readableShift(actor, shiftId, tx);
    const place = await this.shifts.rowOfMemberOnShift(shift.id, actor.memberId, tx);
    if (!place) throw new DomainError('shift.not_on_it');
    return { shift, place };
  }

  private async assignmentView(assignmentId: string, tx: Tx): Promise<AssignmentResponse> {
    return toAssignmentView(await this.shifts.rowOfAssignment(assignmentId, tx), this.clock.now());
  }

  /** Who is on duty once this change commits, for the whole association's live feed. */
  private async announceOnDuty(tx: Tx, associationId: string): Promise<void> {
    const onDuty = await this.rosters.onDutyAt(associationId, this.clock.now(), tx);
    this.events.publish(tx, new DutyChanged(associationId, onDuty));
  }
}
