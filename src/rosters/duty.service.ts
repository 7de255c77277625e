import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { isCouncil } from '../auth/actor';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { LIVE_PUSH, type LivePush, rooms } from '../live/live-events';
import { isLate, signInOpensAt } from './attendance';
import type { AssignmentView, HandoverNoteView, SignInView } from './dto/roster.view';
import { changedRows } from './changed-rows';
import { SHIFT_ROWS_SQL, type ShiftRow, toAssignmentView } from './roster-views';
import { RostersService } from './rosters.service';
import { HOUR_MS, shanghaiDateTime } from '../common/shanghai-time';

/** Notes from the shifts that handed over to this one: those written this long before it starts. */
const HANDOVER_LOOKBACK_MS = 24 * HOUR_MS;

/** On duty (值班): sign in, sign out, handover notes (交接班); "on duty now" goes to the live feed. */
@Injectable()
export class DutyService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly rosters: RostersService,
    private readonly events: EventEmitter2,
    private readonly clock: Clock,
  ) {}

  async signIn(actor: Actor, shiftId: string): Promise<SignInView> {
    const row = await this.myPlace(actor, shiftId);
    const now = this.clock.now();
    if (row.signed_in_at) throw DomainError.conflict('已签到 / you have already signed in');
    if (now >= row.ends_at) {
      throw DomainError.conflict('班次已结束, 记为缺勤 / this shift is over and is marked missed');
    }
    const opens = signInOpensAt(row.starts_at);
    if (now < opens) {
      throw DomainError.conflict(
        `尚未到签到时间 / too early: sign in from ${shanghaiDateTime(opens)} (Beijing time)`,
      );
    }
    // The condition on signed_in_at makes a double tap sign in once.
    const updated = await changedRows(
      this.db,
      `UPDATE shift_assignment SET signed_in_at = $2, late = $3
        WHERE id = $1 AND signed_in_at IS NULL RETURNING id`,
      [row.assignment_id, now, isLate(row.starts_at, now)],
    );
    if (updated.length === 0) throw DomainError.conflict('已签到 / you have already signed in');
    await this.pushOnDuty(actor.associationId);
    return {
      assignment: await this.assignmentView(row.assignment_id!),
      handoverNotes: await this.notesFor(shiftId),
    };
  }

  async signOut(actor: Actor, shiftId: string, handoverNote?: string): Promise<AssignmentView> {
    const row = await this.myPlace(actor, shiftId);
    if (!row.signed_in_at) throw DomainError.conflict('尚未签到 / sign in first');
    if (row.signed_out_at) throw DomainError.conflict('已签退 / you have already signed out');
    const now = this.clock.now();
    await this.db.transaction(async (em) => {
      const updated = await changedRows(
        em,
        `UPDATE shift_assignment SET signed_out_at = $2
          WHERE id = $1 AND signed_out_at IS NULL RETURNING id`,
        [row.assignment_id, now],
      );
      if (updated.length === 0) throw DomainError.conflict('已签退 / you have already signed out');
      if (handoverNote) {
        await em.query(
          `INSERT INTO handover_note (association_id, shift_id, author_id, body) VALUES ($1, $2, $3, $4)`,
          [actor.associationId, shiftId, actor.memberId, handoverNote],
        );
      }
    });
    await this.pushOnDuty(actor.associationId);
    return this.assignmentView(row.assignment_id!);
  }

  /** A note for whoever comes next; written by someone on the shift, or the council. */
  async addNote(actor: Actor, shiftId: string, body: string): Promise<HandoverNoteView> {
    const shift = await this.rosters.readableShift(actor, shiftId);
    const council = isCouncil(actor) && actor.associationId === shift.associationId;
    if (!council) await this.myPlace(actor, shiftId);
    const rows: { id: string }[] = await this.db.query(
      `INSERT INTO handover_note (association_id, shift_id, author_id, body)
       VALUES ($1, $2, $3, $4) RETURNING id`,
      [shift.associationId, shiftId, actor.memberId, body],
    );
    return (await this.notesWhere(`n.id = $1`, [rows[0]!.id]))[0]!;
  }

  /** The notes the people on a shift should read at its start. */
  async notesForShift(actor: Actor, shiftId: string): Promise<HandoverNoteView[]> {
    const shift = await this.rosters.readableShift(actor, shiftId);
    const staff = actor.role === 'admin' || actor.role === 'warden';
    if (!staff || actor.associationId !== shift.associationId) await this.myPlace(actor, shiftId);
    return this.notesFor(shiftId);
  }

  private async notesFor(shiftId: string): Promise<HandoverNoteView[]> {
    const shift: { association_id: string; starts_at: Date }[] = await this.db.query(
      `SELECT association_id, starts_at FROM duty_shift WHERE id = $1`,
      [shiftId],
    );
    const { association_id, starts_at } = shift[0]!;
    return this.notesWhere(`n.association_id = $1 AND n.created_at >= $2 AND n.created_at <= $3`, [
      association_id,
      new Date(starts_at.getTime() - HANDOVER_LOOKBACK_MS),
      new Date(Math.max(starts_at.getTime(), this.clock.now().getTime())),
    ]);
  }

  private async notesWhere(where: string, params: unknown[]): Promise<HandoverNoteView[]> {
    const rows: {
      id: string;
      shift_id: string;
      shift_name: string;
      author_name: string;
      body: string;
      created_at: Date;
    }[] = await this.db.query(
      `SELECT n.id, n.shift_id, s.name AS shift_name, m.name AS author_name, n.body, n.created_at
           FROM handover_note n JOIN duty_shift s ON s.id = n.shift_id JOIN member m ON m.id = n.author_id
          WHERE ${where} ORDER BY n.created_at DESC LIMIT 50`,
      params,
    );
    return rows.map((r) => ({
      id: r.id,
      shiftId: r.shift_id,
      shiftName: r.shift_name,
      authorName: r.author_name,
      body: r.body,
      createdAt: r.created_at.toISOString(),
    }));
  }

  /** The caller's own place on the shift: 404 for a shift they cannot see, 403 if not on it. */
  private async myPlace(actor: Actor, shiftId: string): Promise<ShiftRow> {
    const shift = await this.rosters.readableShift(actor, shiftId);
    const rows: ShiftRow[] = await this.db.query(
      `${SHIFT_ROWS_SQL} WHERE s.id = $1 AND a.member_id = $2`,
      [shift.id, actor.memberId],
    );
    if (!rows[0]) throw DomainError.forbidden('你不在此班次 / you are not on this shift');
    return rows[0];
  }

  private async assignmentView(assignmentId: string): Promise<AssignmentView> {
    const rows: ShiftRow[] = await this.db.query(`${SHIFT_ROWS_SQL} WHERE a.id = $1`, [
      assignmentId,
    ]);
    return toAssignmentView(rows[0]!, this.clock.now());
  }

  private async pushOnDuty(associationId: string): Promise<void> {
    const push: LivePush = {
      room: rooms.association(associationId),
      event: 'duty.changed',
      payload: {
        associationId,
        onDuty: await this.rosters.onDutyAt(associationId, this.clock.now()),
      },
    };
    this.events.emit(LIVE_PUSH, push);
  }
}
