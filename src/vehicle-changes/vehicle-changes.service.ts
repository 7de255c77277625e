import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { VehiclesService } from '../associations/vehicles.service';
import { mayReadPlate } from '../associations/views';
import type { Vehicle } from '../associations/vehicle.repository';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { maskPlate } from '../common/masking';
import { type Page, pageOf, skipOf } from '../common/pagination';
import { ConventionRulesService } from '../conventions/convention-rules.service';
import { vehicleQuotaOf } from '../conventions/vehicles-per-household';
import { Transactions, type Tx } from '../database/transactions';
import { formatPlate, parsePlate } from '../shared/plate';
import type {
  ApproveVehicleChangeDto,
  RefuseVehicleChangeDto,
  RequestVehicleChangeDto,
  VehicleChangeQuery,
} from './vehicle-change.dto';
import { type VehicleChange, VehicleChangeRepository } from './vehicle-change.repository';
import { VehicleChangeRule } from './vehicle-change-rule';
import {
  canDecideVehicleChange,
  canReadVehicleChange,
  canRequestVehicleChange,
  vehicleChangeListScope,
} from './vehicle-changes.policy';
import type {
  VehicleChangeResponse,
  VehicleChangeRuleResponse,
} from '../shared/api/vehicle-changes';

/**
 * A resident's own new car or corrected plate: entered at once, or, when the convention says
 * so (vehicleChangesNeedApproval), kept pending until the council approves it (then entered in
 * the same transaction as the decision) or refuses it with a written reason.
 */
@Injectable()
export class VehicleChangesService {
  constructor(
    private readonly changes: VehicleChangeRepository,
    private readonly vehicles: VehiclesService,
    private readonly rule: VehicleChangeRule,
    private readonly conventions: ConventionRulesService,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async ruleFor(actor: Actor): Promise<VehicleChangeRuleResponse> {
    const { wait, article } = await this.rule.residentChangesWait(actor.associationId);
    const quota = vehicleQuotaOf(await this.conventions.rulesInForce(actor.associationId));
    return {
      needsApproval: wait,
      approvalArticle: article,
      vehiclesPerHousehold: quota.limit,
      quotaArticle: quota.article,
    };
  }

  async request(actor: Actor, dto: RequestVehicleChangeDto): Promise<VehicleChangeResponse> {
    if (!canRequestVehicleChange(actor)) throw new DomainError('forbidden');
    const householdId = actor.householdId;
    if (!householdId) throw new DomainError('vehicle.no_household');
    const parsed = parsePlate(dto.plate, dto.plateColor);
    if (!parsed.ok) throw new DomainError(parsed.reason, {}, { field: 'plate' });
    const { plate, color } = parsed;
    const { wait } = await this.rule.residentChangesWait(actor.associationId);
    const change = await this.transactions.run(async (tx) => {
      const vehicle = dto.vehicleId ? await this.vehicles.readable(actor, dto.vehicleId, tx) : null;
      if (vehicle && vehicle.plate === plate && vehicle.plateColor === color) {
        throw new DomainError('vehicle_change.nothing_changed');
      }
      if (
        vehicle?.plate !== plate &&
        (await this.vehicles.findByPlate(actor.associationId, plate, tx))
      ) {
        throw new DomainError('vehicle.plate_taken');
      }
      const asked = {
        associationId: actor.associationId,
        kind: vehicle ? ('edit' as const) : ('add' as const),
        householdId,
        requestedBy: actor.memberId,
        plate,
        plateColor: color,
        at: this.clock.now(),
      };
      if (wait) {
        return this.changes.insert(tx, {
          ...asked,
          vehicleId: vehicle?.id ?? null,
          status: 'pending',
        });
      }
      const entered = await this.enter(actor, vehicle, asked, tx);
      return this.changes.insert(tx, { ...asked, vehicleId: entered.id, status: 'applied' });
    });
    return toView(change, actor);
  }

  async list(actor: Actor, query: VehicleChangeQuery): Promise<Page<VehicleChangeResponse>> {
    const scope = vehicleChangeListScope(actor);
    if (!scope) throw new DomainError('forbidden');
    if (scope === 'household' && !actor.householdId) return pageOf([], 0, query);
    const { rows, total } = await this.changes.page(
      {
        associationId: actor.associationId,
        ...(scope === 'household' ? { householdId: actor.householdId! } : {}),
        ...(query.status ? { status: query.status } : {}),
      },
      query.pageSize,
      skipOf(query),
    );
    return pageOf(
      rows.map((row) => toView(row, actor)),
      total,
      query,
    );
  }

  async get(actor: Actor, id: string): Promise<VehicleChangeResponse> {
    const change = await this.changes.byId(id);
    if (!change || !canReadVehicleChange(actor, change)) {
      throw DomainError.notFound('vehicle change', id);
    }
    return toView(change, actor);
  }

  /** Enters the change in the register and records the approval, in one transaction. */
  async approve(
    actor: Actor,
    id: string,
    dto: ApproveVehicleChangeDto,
  ): Promise<VehicleChangeResponse> {
    const decided = await this.transactions.run(async (tx) => {
      const change = await this.pending(tx, actor, id);
      const current = change.vehicleId ? await this.vehicles.findById(change.vehicleId, tx) : null;
      if (change.vehicleId && !current) throw DomainError.notFound('vehicle', change.vehicleId);
      const entered = await this.enter(actor, current, change, tx);
      return this.changes.decide(tx, change.id, {
        status: 'approved',
        by: actor.memberId,
        note: dto.note?.trim() || null,
        at: this.clock.now(),
        vehicleId: entered.id,
      });
    });
    return toView(decided, actor);
  }

  async refuse(
    actor: Actor,
    id: string,
    dto: RefuseVehicleChangeDto,
  ): Promise<VehicleChangeResponse> {
    const note = dto.note.trim();
    if (!note) throw new DomainError('vehicle_change.refusal_needs_reason', {}, { field: 'note' });
    const decided = await this.transactions.run(async (tx) => {
      const change = await this.pending(tx, actor, id);
      return this.changes.decide(tx, change.id, {
        status: 'refused',
        by: actor.memberId,
        note,
        at: this.clock.now(),
        vehicleId: null,
      });
    });
    return toView(decided, actor);
  }

  /** The request, locked; 404 outside the council's association, 409 once decided. */
  private async pending(tx: Tx, actor: Actor, id: string): Promise<VehicleChange> {
    const change = await this.changes.lock(tx, id);
    if (!change || !canReadVehicleChange(actor, change)) {
      throw DomainError.notFound('vehicle change', id);
    }
    if (!canDecideVehicleChange(actor, change)) throw new DomainError('forbidden');
    if (change.status !== 'pending') throw new DomainError('vehicle_change.not_pending');
    return change;
  }

  /** A new car joins the household; a known one takes the new plate and colour. */
  private enter(
    actor: Actor,
    vehicle: Vehicle | null,
    change: Pick<VehicleChange, 'householdId' | 'plate' | 'plateColor'>,
    tx: Tx,
  ): Promise<Vehicle> {
    const plate = { plate: change.plate, plateColor: change.plateColor };
    if (vehicle) return this.vehicles.change(actor, vehicle, plate, tx);
    return this.vehicles.register(actor, { ...plate, householdId: change.householdId }, tx);
  }
}

function toView(change: VehicleChange, actor: Actor): VehicleChangeResponse {
  return {
    id: change.id,
    householdId: change.householdId,
    vehicleId: change.vehicleId,
    kind: change.kind,
    plate: mayReadPlate(actor, change) ? formatPlate(change.plate) : maskPlate(change.plate),
    plateColor: change.plateColor,
    status: change.status,
    decisionNote: change.decisionNote,
    decidedAt: change.decidedAt ? change.decidedAt.toISOString() : null,
    requestedAt: change.createdAt.toISOString(),
  };
}
