import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { MemberAccessChanged } from '../auth/auth.events';
import { PasswordRules } from '../auth/password-rules.service';
import { DomainError } from '../common/domain-error';
import { DomainEvents } from '../common/domain-events';
import { type Page, pageOf, skipOf } from '../common/pagination';
import { Transactions, type Tx } from '../database/transactions';
import {
  canAddMember,
  canReadMember,
  MEMBER_FIELDS,
  mayBeGrantedReading,
  needsResidentUnit,
  memberChangeRefusal,
  memberListScope,
  needsCurrentPassword,
} from './associations.policy';
import type { CreateMemberDto, MemberQuery, UpdateMemberDto } from './dto/member.dto';
import { HouseholdRepository } from './household.repository';
import {
  actualChanges,
  type Member,
  type MemberChanges,
  type MemberFilter,
  MemberRepository,
} from './member.repository';
import { ResidentUnitRepository } from './resident-unit.repository';
import { associationToRead } from './scope';
import { ViewerGrantRepository } from './viewer-grant.repository';
import { toMemberView } from './views';
import type { MemberResponse } from '../shared/api/associations';

@Injectable()
export class MembersService {
  constructor(
    private readonly members: MemberRepository,
    private readonly households: HouseholdRepository,
    private readonly units: ResidentUnitRepository,
    private readonly grants: ViewerGrantRepository,
    private readonly passwords: PasswordRules,
    private readonly transactions: Transactions,
    private readonly events: DomainEvents,
  ) {}

  /** For logging in: the member with this phone and their password hash. */
  findForLogin(phone: string): Promise<{ member: Member; passwordHash: string | null } | null> {
    return this.members.forLogin(phone);
  }

  /** Who a member is for a new token: null when unknown or deactivated. */
  async actorFor(memberId: string, tx?: Tx): Promise<Actor | null> {
    const member = await this.members.byId(memberId, tx);
    if (!member?.active) return null;
    if (member.streetOffice) {
      // Street-office staff read their street's associations through the street's own
      // endpoints (aggregates, boards), never an association's members, households or plates.
      return {
        memberId: member.id,
        associationId: member.associationId,
        role: member.role,
        householdId: null,
        residentUnitId: null,
        readableAssociationIds: [],
        streetOffice: member.streetOffice,
      };
    }
    const grants = mayBeGrantedReading(member) ? await this.grants.grantedTo(member.id, tx) : [];
    return {
      memberId: member.id,
      associationId: member.associationId,
      role: member.role,
      householdId: member.householdId,
      residentUnitId: member.residentUnitId,
      readableAssociationIds: [
        member.associationId,
        ...grants.filter((id) => id !== member.associationId),
      ],
    };
  }

  /** Who a new token is for and the token version it carries; null when deactivated. */
  async sessionFor(
    memberId: string,
    tx?: Tx,
  ): Promise<{ actor: Actor; tokenVersion: number } | null> {
    const actor = await this.actorFor(memberId, tx);
    const member = actor ? await this.members.byId(memberId, tx) : null;
    return actor && member ? { actor, tokenVersion: member.tokenVersion } : null;
  }

  /** What a token is checked against: the member's token version and status (uncached). */
  accessStateOf(memberId: string): Promise<{ tokenVersion: number; active: boolean } | null> {
    return this.members.accessState(memberId);
  }

  /** Ends every token of the member at once (logout, a replayed refresh token). */
  endAccess(tx: Tx, memberId: string): Promise<number> {
    return this.members.bumpTokenVersion(tx, memberId);
  }

  /** A member's name by id, for other features' ledgers and views; null when unknown. */
  async nameOf(memberId: string): Promise<string | null> {
    return (await this.members.byId(memberId))?.name ?? null;
  }

  /** For other features' ledgers and views: names by member id. */
  namesOf(memberIds: string[], tx?: Tx): Promise<Map<string, string>> {
    return this.members.namesOf([...new Set(memberIds)], tx);
  }

  /** For rosters: the association's active wardens and volunteers, oldest first. */
  serving(associationId: string, tx?: Tx): Promise<Member[]> {
    return this.members.serving(associationId, tx);
  }

  /** For other features: an active member of the association, or null. */
  async activeMemberOf(associationId: string, memberId: string, tx?: Tx): Promise<Member | null> {
    const member = await this.members.byId(memberId, tx);
    return member?.active && member.associationId === associationId ? member : null;
  }

  /** For conventions (votes per member, acknowledgements): active household members. */
  residentsWithAddress(
    associationId: string,
    tx?: Tx,
  ): Promise<{ member: Member; address: string }[]> {
    return this.members.residentsWithAddress(associationId, tx);
  }

  /** For the convention's vote by member: active members who live in a household. */
  countInHouseholds(associationId: string, tx?: Tx): Promise<number> {
    return this.members.countInHouseholds(associationId, tx);
  }

  /** For other features: a member the actor may read, else 404. */
  async readable(actor: Actor, id: string, tx?: Tx): Promise<Member> {
    const member = await this.members.byId(id, tx);
    if (!member || !canReadMember(actor, member)) throw DomainError.notFound('member', id);
    return member;
  }

  async viewSelf(actor: Actor, tx?: Tx): Promise<MemberResponse> {
    const member = await this.members.byId(actor.memberId, tx);
    if (!member) throw DomainError.notFound('member', actor.memberId);
    return toMemberView(member, actor);
  }

  async list(actor: Actor, query: MemberQuery): Promise<Page<MemberResponse>> {
    const associationId = associationToRead(actor, query.associationId);
    const scope = memberListScope(actor);
    const filter: MemberFilter = {
      associationId,
      ...(scope === 'all' ? {} : scope),
      role: query.role,
      volunteer: query.volunteer,
      search: query.search,
      limit: query.pageSize,
      offset: skipOf(query),
    };
    if (query.householdId) {
      // A resident asking for another household gets nothing rather than a hint.
      if (filter.householdId !== undefined && filter.householdId !== query.householdId) {
        return pageOf([], 0, query);
      }
      filter.householdId = query.householdId;
    }
    const { rows, total } = await this.members.page(filter);
    return pageOf(
      rows.map((m) => toMemberView(m, actor)),
      total,
      query,
    );
  }

  async get(actor: Actor, id: string): Promise<MemberResponse> {
    return toMemberView(await this.readable(actor, id), actor);
  }

  async create(actor: Actor, dto: CreateMemberDto): Promise<MemberResponse> {
    if (!canAddMember(actor, actor.associationId)) throw new DomainError('council.only');
    if (dto.password) this.passwords.assertAcceptable(dto.password, dto.phone);
    const passwordHash = dto.password ? await this.passwords.hash(dto.password) : null;
    const member = await this.transactions.run(async (tx) => {
      await this.assertPlaces(tx, actor.associationId, dto);
      if (await this.members.phoneTaken(dto.phone, tx)) {
        throw new DomainError('member.phone_taken');
      }
      return this.members.insert(tx, {
        associationId: actor.associationId,
        householdId: dto.householdId ?? null,
        residentUnitId: dto.residentUnitId ?? null,
        name: dto.name,
        phone: dto.phone,
        role: dto.role,
        partyMember: dto.partyMember ?? false,
        volunteer: dto.volunteer ?? false,
        active: true,
        passwordHash,
      });
    });
    return toMemberView(member, actor);
  }

  /**
   * An association's council member, added by its street office when it is founded (the
   * caller decided who may). They log in at once and run their association from there.
   */
  async addCouncil(
    tx: Tx,
    associationId: string,
    person: { name: string; phone: string; password: string },
  ): Promise<Member> {
    return this.addAccount(tx, associationId, person, { role: 'admin' });
  }

  /**
   * A staff account of a resident unit (驻区单位), made by its street office or the council with
   * the unit's agreement (the caller decided who may). They log in at once and lend only their
   * own unit's spaces.
   */
  async addUnitStaff(
    tx: Tx,
    unit: { id: string; associationId: string },
    person: { name: string; phone: string; password: string },
  ): Promise<Member> {
    return this.addAccount(tx, unit.associationId, person, {
      role: 'unit',
      residentUnitId: unit.id,
    });
  }

  /** The active members of a resident unit, by when their account was made. */
  async staffOfUnit(associationId: string, residentUnitId: string): Promise<Member[]> {
    const page = await this.members.page({ associationId, residentUnitId, limit: 200, offset: 0 });
    return page.rows.filter((member) => member.active);
  }

  private async addAccount(
    tx: Tx,
    associationId: string,
    person: { name: string; phone: string; password: string },
    place: { role: 'admin' } | { role: 'unit'; residentUnitId: string },
  ): Promise<Member> {
    this.passwords.assertAcceptable(person.password, person.phone);
    if (await this.members.phoneTaken(person.phone, tx)) {
      throw new DomainError('member.phone_taken');
    }
    return this.members.insert(tx, {
      associationId,
      name: person.name,
      phone: person.phone,
      ...place,
      passwordHash: await this.passwords.hash(person.password),
    });
  }

  /**
   * Least privilege per field (associations.policy.ts): a member changes their own name and
   * password (proving the current one); roles, status, phones, flags and other people's
   * passwords are the council's. A change that ends access bumps the token version in the same
   * statement and is announced after commit.
   */
  async update(actor: Actor, id: string, dto: UpdateMemberDto): Promise<MemberResponse> {
    const fields = MEMBER_FIELDS.filter((field) => dto[field] !== undefined);
    const { password, currentPassword, ...profile } = dto;
    const updated = await this.transactions.run(async (tx) => {
      const member = await this.lockReadable(tx, actor, id);
      const refusal = memberChangeRefusal(actor, member, fields);
      if (refusal) throw new DomainError(refusal);
      const changes: MemberChanges = { ...profile };
      if (password !== undefined) {
        if (needsCurrentPassword(actor, member)) {
          const stored = await this.members.passwordHashOf(member.id, tx);
          await this.passwords.assertCurrent(member.phone, currentPassword, stored);
        }
        this.passwords.assertAcceptable(password, profile.phone ?? member.phone);
        changes.passwordHash = await this.passwords.hash(password);
      }
      if (changes.role !== undefined || changes.residentUnitId !== undefined) {
        await this.assertPlaces(tx, member.associationId, {
          role: changes.role ?? member.role,
          residentUnitId: changes.residentUnitId ?? member.residentUnitId ?? undefined,
        });
      }
      if (changes.phone && changes.phone !== member.phone) {
        if (await this.members.phoneTaken(changes.phone, tx)) {
          throw new DomainError('member.phone_taken');
        }
      }
      return this.apply(tx, member, changes);
    });
    return toMemberView(updated, actor);
  }

  /**
   * Writes `changes` (only those that differ) and, when they end the member's access, publishes
   * MemberAccessChanged after commit. The household ledger import goes through here too.
   */
  async apply(tx: Tx, member: Member, changes: MemberChanges): Promise<Member> {
    const effective = actualChanges(member, changes);
    if (Object.keys(effective).length === 0) return member;
    const updated = await this.members.update(tx, member.id, effective);
    const change = accessChangeOf(effective);
    if (change) this.events.publish(tx, new MemberAccessChanged(member.id, change));
    return updated;
  }

  /** The member's own password, after proving the current one (POST /api/auth/password). */
  async changeOwnPassword(tx: Tx, memberId: string, current: string, next: string) {
    const member = await this.members.lock(tx, memberId);
    if (!member) throw DomainError.notFound('member', memberId);
    const stored = await this.members.passwordHashOf(member.id, tx);
    await this.passwords.assertCurrent(member.phone, current, stored);
    this.passwords.assertAcceptable(next, member.phone);
    await this.apply(tx, member, { passwordHash: await this.passwords.hash(next) });
  }

  private async lockReadable(tx: Tx, actor: Actor, id: string): Promise<Member> {
    const member = await this.members.lock(tx, id);
    if (!member || !canReadMember(actor, member)) throw DomainError.notFound('member', id);
    return member;
  }

  private async assertPlaces(
    tx: Tx,
    associationId: string,
    dto: { role: Member['role']; householdId?: string; residentUnitId?: string },
  ): Promise<void> {
    if (needsResidentUnit(dto.role) && !dto.residentUnitId)
      throw new DomainError('member.unit_required');
    if (dto.residentUnitId && !(await this.units.existsIn(associationId, dto.residentUnitId, tx))) {
      throw DomainError.notFound('resident unit', dto.residentUnitId);
    }
    if (dto.householdId) {
      const household = await this.households.byId(dto.householdId, tx);
      if (household?.associationId !== associationId) {
        throw DomainError.notFound('household', dto.householdId);
      }
    }
  }
}

/** Which kind of access change `changes` makes, for MemberAccessChanged; null for none. */
function accessChangeOf(changes: MemberChanges): MemberAccessChanged['change'] | null {
  if (changes.active === false) return 'deactivated';
  if (changes.passwordHash !== undefined) return 'password';
  if (
    changes.role !== undefined ||
    changes.householdId !== undefined ||
    changes.residentUnitId !== undefined ||
    changes.active !== undefined
  ) {
    return 'role';
  }
  return null;
}
