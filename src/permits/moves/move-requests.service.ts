import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { DataSource, Repository } from 'typeorm';
import type { Actor } from '../../auth/actor';
import { formatPlate, normalisePlate } from '../../associations/plate';
import { VehiclesService } from '../../associations/vehicles.service';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import { maskPlate } from '../../common/masking';
import { LIVE_PUSH, type LivePush, rooms } from '../../live/live-events';
import { Permit } from '../permit.entity';
import { statusAt } from '../permit-status';
import type { MoveAnswer, MoveRequestView } from './move-request.dto';

interface MoveRow {
  id: string;
  plate: string;
  note: string;
  asked_by: string;
  holder_member_id: string;
  asked_at: Date;
  answer: MoveAnswer | null;
  answered_at: Date | null;
}

/** 挪车: ask the holder of a plate's permit to move, without ever learning who or how to call. */
@Injectable()
export class MoveRequestsService {
  constructor(
    @InjectRepository(Permit) private readonly permits: Repository<Permit>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly vehicles: VehiclesService,
    private readonly clock: Clock,
    private readonly events: EventEmitter2,
  ) {}

  async ask(actor: Actor, plateInput: string, note = ''): Promise<MoveRequestView> {
    const now = this.clock.now();
    const plate = normalisePlate(plateInput);
    const candidates = await this.permits.find({
      where: { associationId: actor.associationId, plate, status: 'active' },
      order: { validTo: 'DESC' },
    });
    const permit = candidates.find((p) => statusAt(p, now) !== 'expired');
    const holder = permit ? await this.holderOf(permit) : null;
    if (!permit || !holder) {
      throw DomainError.notFound('permit for plate', formatPlate(plate));
    }
    const rows: MoveRow[] = await this.dataSource.query(
      `INSERT INTO move_request (association_id, permit_id, asked_by, holder_member_id, note, asked_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       RETURNING id, $7::text AS plate, note, asked_by, holder_member_id, asked_at, answer, answered_at`,
      [actor.associationId, permit.id, actor.memberId, holder, note, now, plate],
    );
    const row = rows[0]!;
    this.push(rooms.member(holder), 'move.requested', toView(row, holder));
    return toView(row, actor.memberId);
  }

  async mine(actor: Actor): Promise<MoveRequestView[]> {
    const rows: MoveRow[] = await this.dataSource.query(
      `SELECT r.id, p.plate, r.note, r.asked_by, r.holder_member_id, r.asked_at, r.answer, r.answered_at
         FROM move_request r JOIN permit p ON p.id = r.permit_id
        WHERE r.holder_member_id = $1 OR r.asked_by = $1
        ORDER BY r.asked_at DESC LIMIT 50`,
      [actor.memberId],
    );
    return rows.map((r) => toView(r, actor.memberId));
  }

  async answer(actor: Actor, id: string, answer: MoveAnswer): Promise<MoveRequestView> {
    const rows: MoveRow[] = await this.dataSource.query(
      `WITH answered AS (
         UPDATE move_request r SET answer = $3, answered_at = $4
           FROM permit p
          WHERE r.id = $1 AND r.holder_member_id = $2 AND p.id = r.permit_id AND r.answer IS NULL
          RETURNING r.id, p.plate, r.note, r.asked_by, r.holder_member_id, r.asked_at, r.answer, r.answered_at)
       SELECT * FROM answered`,
      [id, actor.memberId, answer, this.clock.now()],
    );
    const row = rows[0];
    if (!row) {
      const exists: unknown[] = await this.dataSource.query(
        `SELECT 1 FROM move_request WHERE id = $1 AND holder_member_id = $2`,
        [id, actor.memberId],
      );
      if (exists.length === 0) throw DomainError.notFound('move request', id);
      throw DomainError.conflict('已答复过 / this request was already answered');
    }
    this.push(rooms.member(row.asked_by), 'move.answered', toView(row, row.asked_by));
    return toView(row, actor.memberId);
  }

  /** The vehicle's owner, else whoever applied for or issued the permit (a visitor pass). */
  private async holderOf(permit: Permit): Promise<string | null> {
    if (permit.vehicleId) {
      const vehicle = await this.vehicles.findById(permit.vehicleId);
      if (vehicle?.ownerMemberId) return vehicle.ownerMemberId;
    }
    return permit.appliedBy;
  }

  private push(room: string, event: string, payload: MoveRequestView): void {
    const push: LivePush = { room, event, payload };
    this.events.emit(LIVE_PUSH, push);
  }
}

function toView(row: MoveRow, viewerId: string): MoveRequestView {
  const holderView = row.holder_member_id === viewerId;
  return {
    id: row.id,
    plate: holderView ? formatPlate(row.plate) : maskPlate(row.plate),
    note: row.note,
    askedByMe: row.asked_by === viewerId,
    askedAt: row.asked_at,
    answer: row.answer,
    answeredAt: row.answered_at,
  };
}
