import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { DataSource, EntityManager, Repository } from 'typeorm';
import { type Actor, canReadAssociation } from '../auth/actor';
import { AssociationsService } from '../associations/associations.service';
import { formatPlate } from '../associations/plate';
import { assertCouncilOf, associationToRead } from '../associations/scope';
import { VehiclesService } from '../associations/vehicles.service';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { type Page, pageOf, skipOf } from '../common/pagination';
import { citeArticle } from '../conventions/convention-parameters';
import { ConventionRulesService } from '../conventions/convention-rules.service';
import { afterCommit, type Tx } from '../database/transactions';
import { LIVE_PUSH, type LivePush, rooms } from '../live/live-events';
import type {
  ApplyPermitDto,
  ApprovePermitDto,
  PermitQuery,
  RecordPaymentDto,
} from './dto/permit.dto';
import type { PermitView } from './dto/permit.view';
import { Permit } from './permit.entity';
import {
  mapActivePermitConflict,
  type PermitActor,
  type PermitEventType,
  recordPermitEvent,
} from './permit-events';
import { statusAt } from './permit-status';
import { assertValidity, maxDate, notInState, whereStatus } from './permit-rules';
import { toPermitView } from './views';

const DAY_MS = 86_400_000;
const DEFAULT_PERMIT_DAYS = 365;

export interface IssueSharedPermit {
  vehicleId: string;
  associationId: string;
  carParkId: string;
  validFrom: Date;
  validTo: Date;
  actorMemberId: string | null;
}

interface Change {
  type: PermitEventType;
  reason?: string;
  details?: Record<string, unknown>;
  set: Partial<Permit>;
}

/** The permit lifecycle: apply → approve / reject → (fee) → active → renew, suspend, revoke. */
@Injectable()
export class PermitsService {
  constructor(
    @InjectRepository(Permit) private readonly permits: Repository<Permit>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly vehicles: VehiclesService,
    private readonly associations: AssociationsService,
    private readonly rules: ConventionRulesService,
    private readonly clock: Clock,
    private readonly events: EventEmitter2,
  ) {}

  async list(actor: Actor, query: PermitQuery): Promise<Page<PermitView>> {
    const associationId = associationToRead(actor, query.associationId);
    if (actor.role === 'unit') throw DomainError.forbidden();
    const now = this.clock.now();
    const qb = this.permits.createQueryBuilder('p').where('p.associationId = :associationId', {
      associationId,
    });
    if (actor.role === 'resident') qb.andWhere('p.householdId = :own', { own: actor.householdId });
    if (query.kind) qb.andWhere('p.kind = :kind', { kind: query.kind });
    if (query.vehicleId) qb.andWhere('p.vehicleId = :vehicleId', { vehicleId: query.vehicleId });
    if (query.status) whereStatus(qb, query.status, now);
    const [rows, total] = await qb
      .orderBy('p.number', 'DESC')
      .skip(skipOf(query))
      .take(query.pageSize)
      .getManyAndCount();
    return pageOf(
      rows.map((p) => toPermitView(p, actor, now)),
      total,
      query,
    );
  }

  async get(actor: Actor, id: string): Promise<PermitView> {
    return toPermitView(await this.readable(actor, id), actor, this.clock.now());
  }

  /** A permit the actor may read, else 404: staff of its association, or its own household. */
  async readable(actor: Actor, id: string): Promise<Permit> {
    const permit = await this.permits.findOneBy({ id });
    const visible =
      permit &&
      canReadAssociation(actor, permit.associationId) &&
      actor.role !== 'unit' &&
      (actor.role !== 'resident' || permit.householdId === actor.householdId);
    if (!visible) throw DomainError.notFound('permit', id);
    return permit;
  }

  async apply(actor: Actor, dto: ApplyPermitDto): Promise<PermitView> {
    const vehicle = await this.vehicles.readable(actor, dto.vehicleId);
    if (actor.role === 'admin') assertCouncilOf(actor, vehicle.associationId);
    if (dto.laneId) await this.associations.readableLane(actor, dto.laneId);
    const now = this.clock.now();
    const validFrom = dto.validFrom ? new Date(dto.validFrom) : now;
    const validTo = dto.validTo
      ? new Date(dto.validTo)
      : new Date(validFrom.getTime() + DEFAULT_PERMIT_DAYS * DAY_MS);
    assertValidity(validFrom, validTo);
    const rules = await this.rules.rulesInForce(vehicle.associationId, now);
    const months = Math.max(
      1,
      Math.ceil((validTo.getTime() - validFrom.getTime()) / (30 * DAY_MS)),
    );
    const permit = await this.dataSource.transaction(async (em) => {
      const saved = await em.getRepository(Permit).save(
        em.getRepository(Permit).create({
          associationId: vehicle.associationId,
          kind: 'resident',
          vehicleId: vehicle.id,
          householdId: vehicle.householdId,
          plate: vehicle.plate,
          laneId: dto.laneId ?? null,
          status: 'pending',
          validFrom,
          validTo,
          feeCny: rules.parameters.monthlyFeeCny * months,
          appliedBy: actor.memberId,
          note: dto.note ?? '',
          updatedAt: now,
        }),
      );
      await recordPermitEvent(em, {
        permitId: saved.id,
        associationId: saved.associationId,
        type: 'applied',
        by: actor,
        at: now,
      });
      return saved;
    });
    return this.get(actor, permit.id);
  }

  async approve(actor: Actor, id: string, dto: ApprovePermitDto): Promise<PermitView> {
    const rules = await this.rules.rulesInForce(actor.associationId, this.clock.now());
    const permit = await this.transition(actor, id, async (p, now, em) => {
      if (p.status !== 'pending') throw notInState(p, '待审批 / pending');
      if (p.feeCny > 0 && !p.feePaidAt) {
        throw DomainError.conflict(
          citeArticle(
            rules,
            'monthlyFeeCny',
            `请先登记缴费 / record the fee of ${p.feeCny} CNY before approving`,
          ),
        );
      }
      const validFrom = dto.validFrom ? new Date(dto.validFrom) : maxDate(p.validFrom, now);
      const validTo = dto.validTo ? new Date(dto.validTo) : p.validTo;
      assertValidity(validFrom, validTo);
      await this.expireLapsed(em, p, now);
      return { type: 'approved', set: { status: 'active', validFrom, validTo } };
    });
    return toPermitView(permit, actor, this.clock.now());
  }

  async reject(actor: Actor, id: string, reason: string): Promise<PermitView> {
    const permit = await this.transition(actor, id, async (p) => {
      if (p.status !== 'pending') throw notInState(p, '待审批 / pending');
      return { type: 'rejected', reason, set: { status: 'rejected' } };
    });
    return toPermitView(permit, actor, this.clock.now());
  }

  async recordPayment(actor: Actor, id: string, dto: RecordPaymentDto): Promise<PermitView> {
    const permit = await this.transition(actor, id, async (p, now) => {
      if (p.status !== 'pending' && p.status !== 'active')
        throw notInState(p, '待审批或有效 / pending or active');
      return {
        type: 'fee_paid',
        reason: dto.note,
        details: { amountCny: dto.amountCny },
        set: { feePaidAt: now },
      };
    });
    return toPermitView(permit, actor, this.clock.now());
  }

  async renew(actor: Actor, id: string, validTo: Date): Promise<PermitView> {
    const permit = await this.transition(actor, id, async (p) => {
      if (p.status !== 'active' && p.status !== 'expired')
        throw notInState(p, '有效或已过期 / active or expired');
      assertValidity(p.validFrom, validTo);
      // A renewed permit gets a fresh token (signed on first use) carrying the new expiry.
      return {
        type: 'renewed',
        details: { from: p.validTo, to: validTo },
        set: { status: 'active', validTo, token: null, tokenKid: null },
      };
    });
    return toPermitView(permit, actor, this.clock.now());
  }

  /**
   * The vehicle's active resident permit (the one its QR shows in the lane), for the
   * convention's penalty ladder to suspend; null when it holds none.
   */
  activeResidentPermitOf(vehicleId: string, tx?: Tx): Promise<Permit | null> {
    return (tx?.getRepository(Permit) ?? this.permits).findOne({
      where: { vehicleId, kind: 'resident', status: 'active' },
      order: { validTo: 'DESC' },
    });
  }

  /**
   * For the council and for other features (the convention's penalty ladder passes 'system').
   * The suspension ends by itself at `until`: status is computed from suspended_until. With `tx`
   * it joins the caller's transaction (a violation and its suspension commit together).
   */
  async suspend(
    permitId: string,
    until: Date,
    reason: string,
    by: PermitActor,
    tx?: Tx,
  ): Promise<Permit> {
    return this.transition(
      by,
      permitId,
      async (p, now) => {
        if (statusAt(p, now) === 'expired' || p.status !== 'active')
          throw notInState(p, '有效 / active');
        if (until <= now)
          throw DomainError.invalid('暂停截止时间须在将来 / `until` must be in the future');
        return {
          type: 'suspended',
          reason,
          details: { until },
          set: { suspendedUntil: until, suspensionReason: reason },
        };
      },
      tx,
    );
  }

  async reinstate(actor: Actor, id: string, reason: string): Promise<PermitView> {
    const permit = await this.transition(actor, id, async (p, now) => {
      if (statusAt(p, now) !== 'suspended') throw notInState(p, '暂停中 / suspended');
      return { type: 'reinstated', reason, set: { suspendedUntil: null, suspensionReason: null } };
    });
    return toPermitView(permit, actor, this.clock.now());
  }

  async revoke(actor: PermitActor, id: string, reason: string): Promise<Permit> {
    return this.transition(actor, id, async (p) => {
      if (p.status === 'revoked' || p.status === 'rejected') throw notInState(p, '有效 / active');
      return { type: 'revoked', reason, set: { status: 'revoked' } };
    });
  }

  /** For the off-peak feature: an allocation in a resident unit's car park becomes a permit. */
  async issueShared(input: IssueSharedPermit): Promise<Permit> {
    assertValidity(input.validFrom, input.validTo);
    const now = this.clock.now();
    const vehicle = await this.vehicles.findById(input.vehicleId);
    if (!vehicle || vehicle.associationId !== input.associationId) {
      throw DomainError.notFound('vehicle', input.vehicleId);
    }
    try {
      return await this.dataSource.transaction(async (em) => {
        const saved = await em.getRepository(Permit).save(
          em.getRepository(Permit).create({
            associationId: input.associationId,
            kind: 'shared',
            vehicleId: vehicle.id,
            householdId: vehicle.householdId,
            plate: vehicle.plate,
            carParkId: input.carParkId,
            status: 'active',
            validFrom: input.validFrom,
            validTo: input.validTo,
            feeCny: 0,
            appliedBy: input.actorMemberId,
            note: '',
            updatedAt: now,
          }),
        );
        await this.expireLapsed(em, saved, now);
        await em.query(
          `INSERT INTO permit_event (permit_id, association_id, type, actor_member_id, at)
           VALUES ($1, $2, 'issued', $3, $4)`,
          [saved.id, saved.associationId, input.actorMemberId, now],
        );
        return saved;
      });
    } catch (error) {
      throw mapActivePermitConflict(error, formatPlate(vehicle.plate));
    }
  }

  /** Old permits past their end no longer hold the vehicle's one active slot. */
  private async expireLapsed(em: EntityManager, p: Permit, now: Date): Promise<void> {
    if (!p.vehicleId) return;
    const lapsed: { id: string }[] = await em.query(
      `WITH lapsed AS (
         UPDATE permit SET status = 'expired', updated_at = $5
          WHERE vehicle_id = $1 AND kind = $2 AND status = 'active' AND valid_to <= $5 AND id <> $6
            AND lane_id IS NOT DISTINCT FROM $3 AND car_park_id IS NOT DISTINCT FROM $4
          RETURNING id)
       SELECT id FROM lapsed`,
      [p.vehicleId, p.kind, p.laneId, p.carParkId, now, p.id],
    );
    for (const row of lapsed) {
      await recordPermitEvent(em, {
        permitId: row.id,
        associationId: p.associationId,
        type: 'expired',
        by: 'system',
        at: now,
      });
    }
  }

  /**
   * One transition under a row lock: the council of the permit's association (or the system, or
   * a household withdrawing its own visitor pass) changes it, and the ledger records why.
   */
  private async transition(
    by: PermitActor,
    id: string,
    decide: (permit: Permit, now: Date, em: EntityManager) => Promise<Change>,
    outer?: Tx,
  ): Promise<Permit> {
    const now = this.clock.now();
    let plate = '';
    try {
      const work = async (em: EntityManager) => {
        const repo = em.getRepository(Permit);
        const current = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
        if (!current) throw DomainError.notFound('permit', id);
        if (by !== 'system') this.assertMayChange(by, current);
        plate = formatPlate(current.plate);
        const change = await decide(current, now, em);
        await repo.update({ id }, { ...change.set, updatedAt: now });
        await recordPermitEvent(em, {
          permitId: id,
          associationId: current.associationId,
          type: change.type,
          by,
          reason: change.reason,
          details: change.details,
          at: now,
        });
        return repo.findOneByOrFail({ id });
      };
      const permit = outer ? await work(outer) : await this.dataSource.transaction(work);
      afterCommit(outer, () => this.pushUpdate(permit));
      return permit;
    } catch (error) {
      throw mapActivePermitConflict(error, plate);
    }
  }

  private assertMayChange(actor: Actor, permit: Permit): void {
    if (!canReadAssociation(actor, permit.associationId))
      throw DomainError.notFound('permit', permit.id);
    const ownVisitorPass =
      permit.kind === 'visitor' &&
      actor.role === 'resident' &&
      actor.householdId === permit.householdId;
    if (!ownVisitorPass) assertCouncilOf(actor, permit.associationId);
  }

  private pushUpdate(permit: Permit): void {
    if (!permit.householdId) return;
    const push: LivePush = {
      room: rooms.household(permit.householdId),
      event: 'permit.updated',
      payload: { id: permit.id, number: permit.number, status: statusAt(permit, this.clock.now()) },
    };
    this.events.emit(LIVE_PUSH, push);
  }
}
