import { Injectable } from '@nestjs/common';
import type { Actor } from '../../auth/actor';
import { DomainError } from '../../common/domain-error';
import { maskPhone } from '../../common/masking';
import { Transactions, type Tx } from '../../database/transactions';
import { type Association, AssociationRepository } from '../association.repository';
import { MembersService } from '../members.service';
import { type ResidentUnit, ResidentUnitRepository } from '../resident-unit.repository';
import { toMemberView } from '../views';
import { agreementDatesRefusal } from './agreement-terms';
import type {
  AddUnitStaffDto,
  AgreementDto,
  RegisterUnitDto,
  UpdateUnitDto,
} from './dto/resident-unit.dto';
import {
  actsForStreet,
  canRegisterUnits,
  mayManageUnitsOf,
  readsOwnUnit,
} from './resident-units.policy';
import {
  type AgreementTerms,
  type UnitAgreement,
  UnitAgreementRepository,
} from './unit-agreement.repository';
import type { MemberResponse } from '../../shared/api/associations';
import type {
  AgreementResponse,
  ResidentUnitDetail,
  ResidentUnitList,
  ResidentUnitResponse,
} from '../../shared/api/units';

/**
 * Resident units (驻区单位) come into the service the way they came into the lane: the street
 * office or the council negotiates, both sides sign an agreement (协议), and the unit gets staff
 * accounts to publish its off-peak spaces. An agreement is never rewritten: a change is the next
 * version, so the signed history stays readable.
 */
@Injectable()
export class ResidentUnitsService {
  constructor(
    private readonly associations: AssociationRepository,
    private readonly units: ResidentUnitRepository,
    private readonly agreements: UnitAgreementRepository,
    private readonly members: MembersService,
    private readonly transactions: Transactions,
  ) {}

  async register(actor: Actor, dto: RegisterUnitDto): Promise<ResidentUnitDetail> {
    const terms = agreementTerms(dto.agreement);
    const id = await this.transactions.run(async (tx) => {
      const association = await this.manageable(actor, dto.associationId, tx);
      const unit = await this.units.insert(tx, {
        associationId: association.id,
        name: dto.name,
        kind: dto.kind,
        address: dto.address ?? '',
      });
      await this.agreements.append(tx, unit, terms, actor.memberId);
      return unit.id;
    });
    return this.detail(actor, id);
  }

  /** A council's own units; street staff one association's of their street, or all of them. */
  async list(actor: Actor, associationId?: string): Promise<ResidentUnitList> {
    if (!canRegisterUnits(actor)) throw new DomainError('unit.street_or_council');
    const associations = associationId
      ? [await this.manageable(actor, associationId)]
      : actsForStreet(actor)
        ? await this.associations.ofStreet(actor.streetOffice!)
        : [await this.manageable(actor, actor.associationId)];
    const names = new Map(associations.map((a) => [a.id, a.name]));
    const units = await this.units.ofAssociations([...names.keys()]);
    const current = await this.agreements.current(units.map((u) => u.id));
    const views = await Promise.all(
      units.map(async (unit) => ({
        ...toUnitView(unit, names.get(unit.associationId)!, current.get(unit.id) ?? null),
        staffCount: (await this.members.staffOfUnit(unit.associationId, unit.id)).length,
      })),
    );
    return { units: views };
  }

  async detail(actor: Actor, id: string): Promise<ResidentUnitDetail> {
    const { unit, association } = await this.manageableUnit(actor, id);
    return this.detailOf(unit, association);
  }

  /** The unit of the staff member asking, with every version of its agreement. */
  async mine(actor: Actor): Promise<ResidentUnitDetail> {
    if (!readsOwnUnit(actor)) throw new DomainError('role.forbidden');
    const unit = await this.units.byId(actor.residentUnitId);
    const association = unit && (await this.associations.byId(unit.associationId));
    if (!unit || !association) throw DomainError.notFound('resident unit', actor.residentUnitId);
    return this.detailOf(unit, association);
  }

  private async detailOf(
    unit: ResidentUnit,
    association: Association,
  ): Promise<ResidentUnitDetail> {
    const history = await this.agreements.history(unit.id);
    const staff = await this.members.staffOfUnit(unit.associationId, unit.id);
    return {
      ...toUnitView(unit, association.name, history[0] ?? null),
      staffCount: staff.length,
      history: history.map(toAgreementView),
      staff: staff.map((m) => ({ id: m.id, name: m.name, phone: maskPhone(m.phone) })),
    };
  }

  async update(actor: Actor, id: string, dto: UpdateUnitDto): Promise<ResidentUnitDetail> {
    await this.transactions.run(async (tx) => {
      const { unit } = await this.manageableUnit(actor, id, tx, true);
      await this.units.update(tx, unit.id, dto);
    });
    return this.detail(actor, id);
  }

  /** A new version of the unit's agreement; the earlier ones stay as signed. */
  async amendAgreement(actor: Actor, id: string, dto: AgreementDto): Promise<ResidentUnitDetail> {
    const terms = agreementTerms(dto);
    const appended = await this.transactions.run(async (tx) => {
      const { unit } = await this.manageableUnit(actor, id, tx, true);
      return this.agreements.append(tx, unit, terms, actor.memberId);
    });
    // The version this request recorded, even if another amendment has come after it since.
    return { ...(await this.detail(actor, id)), agreement: toAgreementView(appended) };
  }

  /** A staff account of the unit, who logs in at once and lends only this unit's spaces. */
  async addStaff(actor: Actor, id: string, dto: AddUnitStaffDto): Promise<MemberResponse> {
    const member = await this.transactions.run(async (tx) => {
      const { unit } = await this.manageableUnit(actor, id, tx);
      return this.members.addUnitStaff(tx, unit, dto);
    });
    return toMemberView(member, actor);
  }

  /** An association the actor may register units in; another street's or association's: 404. */
  private async manageable(actor: Actor, associationId: string, tx?: Tx): Promise<Association> {
    if (!canRegisterUnits(actor)) throw new DomainError('unit.street_or_council');
    const association = await this.associations.byId(associationId, tx);
    if (!association || !mayManageUnitsOf(actor, association)) {
      throw DomainError.notFound('association', associationId);
    }
    return association;
  }

  private async manageableUnit(
    actor: Actor,
    id: string,
    tx?: Tx,
    lock = false,
  ): Promise<{ unit: ResidentUnit; association: Association }> {
    if (!canRegisterUnits(actor)) throw new DomainError('unit.street_or_council');
    const unit = lock && tx ? await this.units.lock(tx, id) : await this.units.byId(id, tx);
    const association = unit ? await this.associations.byId(unit.associationId, tx) : null;
    if (!unit || !association || !mayManageUnitsOf(actor, association)) {
      throw DomainError.notFound('resident unit', id);
    }
    return { unit, association };
  }
}

function agreementTerms(dto: AgreementDto): AgreementTerms {
  const refusal = agreementDatesRefusal(dto);
  if (refusal) throw new DomainError(refusal.reason, refusal.params);
  return {
    termFrom: dto.termFrom,
    termTo: dto.termTo,
    places: dto.places,
    windows: dto.windows.map((w) => ({
      days: w.days,
      ...(w.days === 'custom' ? { weekdays: [...(w.weekdays ?? [])].sort((a, b) => a - b) } : {}),
      from: w.from,
      to: w.to,
    })),
    liability: dto.liability,
    contactName: dto.contactName,
    contactPhone: dto.contactPhone,
    signedOn: dto.signedOn,
    associationFeePercent: dto.associationFeePercent ?? 0,
  };
}

function toUnitView(
  unit: ResidentUnit,
  associationName: string,
  agreement: UnitAgreement | null,
): Omit<ResidentUnitResponse, 'staffCount'> {
  return {
    id: unit.id,
    associationId: unit.associationId,
    associationName,
    name: unit.name,
    kind: unit.kind,
    address: unit.address,
    agreement: agreement ? toAgreementView(agreement) : null,
  };
}

function toAgreementView(agreement: UnitAgreement): AgreementResponse {
  return {
    version: agreement.version,
    termFrom: agreement.termFrom,
    termTo: agreement.termTo,
    places: agreement.places,
    windows: agreement.windows,
    liability: agreement.liability,
    contactName: agreement.contactName,
    contactPhone: agreement.contactPhone,
    signedOn: agreement.signedOn,
    associationFeePercent: agreement.associationFeePercent,
    recordedAt: agreement.recordedAt.toISOString(),
  };
}
