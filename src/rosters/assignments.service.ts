import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { canReadAssociation, isCouncil } from '../auth/actor';
import { assertCouncilOf } from '../associations/scope';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { LIVE_PUSH, type LivePush, rooms } from '../live/live-events';
import type { ShiftView } from './dto/roster.view';
import type { ShiftKind } from './generation';
import { changedRows } from './changed-rows';
import { withRosterConstraints } from './roster-errors';
import { toGapView } from './roster-views';
import { RostersService } from './rosters.service';

export interface AssignmentFacts {
  id: string;
  association_id: string;
  shift_id: string;
  member_id: string;
  signed_in_at: Date | null;
  kind: ShiftKind;
  shift_name: string;
  starts_at: Date;
  ends_at: Date;
}

/** The council puts people on shifts and moves them; anyone may drop their own shift. */
@Injectable()
export class AssignmentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly rosters: RostersService,
    private readonly events: EventEmitter2,
    private readonly clock: Clock,
  ) {}

  async assign(actor: Actor, shiftId: string, memberId: string): Promise<ShiftView> {
    const shift = await this.rosters.readableShift(actor, shiftId);
    assertCouncilOf(actor, shift.associationId);
    await this.assertMayServe(shift.associationId, shift.kind, memberId);
    await withRosterConstraints(() =>
      this.db.query(
        `INSERT INTO shift_assignment (association_id, shift_id, member_id) VALUES ($1, $2, $3)`,
        [shift.associationId, shift.id, memberId],
      ),
    );
    return this.rosters.shiftView(shift.id);
  }

  /** Moves a shift to another person (the council's "pick to reassign"). */
  async reassign(actor: Actor, assignmentId: string, memberId: string): Promise<ShiftView> {
    const assignment = await this.readableAssignment(actor, assignmentId);
    assertCouncilOf(actor, assignment.association_id);
    this.assertNotStarted(assignment);
    await this.assertMayServe(assignment.association_id, assignment.kind, memberId);
    const moved = await withRosterConstraints(() =>
      changedRows(
        this.db,
        `UPDATE shift_assignment SET member_id = $2
          WHERE id = $1 AND signed_in_at IS NULL RETURNING id`,
        [assignmentId, memberId],
      ),
    );
    if (moved.length === 0) {
      throw DomainError.conflict(
        '班次已签到, 不能更改 / this shift was signed in; it can no longer change hands',
      );
    }
    return this.rosters.shiftView(assignment.shift_id);
  }

  /** Takes someone off a shift; a gap this opens is pushed to the council at once. */
  async drop(actor: Actor, assignmentId: string): Promise<void> {
    const assignment = await this.readableAssignment(actor, assignmentId);
    const own = assignment.member_id === actor.memberId;
    const council = isCouncil(actor) && actor.associationId === assignment.association_id;
    if (!own && !council) {
      throw DomainError.forbidden('只能放弃自己的班次 / you may drop only your own shift');
    }
    this.assertNotStarted(assignment);
    const deleted = await changedRows(
      this.db,
      `DELETE FROM shift_assignment WHERE id = $1 AND signed_in_at IS NULL RETURNING id`,
      [assignmentId],
    );
    if (deleted.length === 0) {
      throw DomainError.conflict(
        '班次已签到, 不能放弃 / this shift was signed in; it can no longer be dropped',
      );
    }
    await this.pushGaps(assignment.association_id, assignment.shift_id, {
      from: assignment.starts_at,
      to: assignment.ends_at,
    });
  }

  /** After a change has committed: if the shift's time now has a gap, tell the council. */
  async pushGaps(associationId: string, shiftId: string, period: { from: Date; to: Date }) {
    const gaps = await this.rosters.gapsIn(this.db.manager, associationId, period);
    if (gaps.length === 0) return;
    const push: LivePush = {
      room: rooms.council(associationId),
      event: 'roster.gap',
      payload: { associationId, shiftId, gaps: gaps.map(toGapView) },
    };
    this.events.emit(LIVE_PUSH, push);
  }

  async readableAssignment(actor: Actor, id: string): Promise<AssignmentFacts> {
    const rows: AssignmentFacts[] = await this.db.query(
      `SELECT a.id, a.association_id, a.shift_id, a.member_id, a.signed_in_at,
              s.kind, s.name AS shift_name, s.starts_at, s.ends_at
         FROM shift_assignment a JOIN duty_shift s ON s.id = a.shift_id
        WHERE a.id = $1`,
      [id],
    );
    const row = rows[0];
    if (!row || !canReadAssociation(actor, row.association_id)) {
      throw DomainError.notFound('shift assignment', id);
    }
    return row;
  }

  /** Warden shifts need a hired warden (or the council); patrols take volunteers too. */
  async assertMayServe(associationId: string, kind: ShiftKind, memberId: string): Promise<void> {
    const rows: { role: string; volunteer: boolean }[] = await this.db.query(
      `SELECT role, volunteer FROM member WHERE id = $1 AND association_id = $2 AND active`,
      [memberId, associationId],
    );
    const member = rows[0];
    if (!member) throw DomainError.notFound('member', memberId);
    const staff = member.role === 'warden' || member.role === 'admin';
    if (kind === 'warden' ? !staff : !staff && !member.volunteer) {
      throw DomainError.invalid(
        kind === 'warden'
          ? '此班次须由管理员(红袖标)值守 / a warden shift needs a warden'
          : '巡逻须由志愿者或管理员值守 / a patrol needs a volunteer or a warden',
      );
    }
  }

  private assertNotStarted(assignment: AssignmentFacts): void {
    if (assignment.signed_in_at) {
      throw DomainError.conflict(
        '班次已签到, 不能更改 / this shift was signed in; it can no longer change hands',
      );
    }
    if (assignment.ends_at <= this.clock.now()) {
      throw DomainError.conflict('班次已结束 / this shift is over');
    }
  }
}
