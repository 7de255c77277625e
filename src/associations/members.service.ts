import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, In, type Repository } from 'typeorm';
import type { Actor } from '../auth/actor';
import { canReadAssociation } from '../auth/actor';
import { hashPassword } from '../auth/password';
import { DomainError } from '../common/domain-error';
import { type Page, pageOf, skipOf } from '../common/pagination';
import type { CreateMemberDto, MemberQuery, UpdateMemberDto } from './dto/member.dto';
import type { MemberView } from './dto/member.view';
import { Household } from './household.entity';
import { Member } from './member.entity';
import { assertCouncilOf, associationToRead } from './scope';
import { toMemberView } from './views';

@Injectable()
export class MembersService {
  constructor(
    @InjectRepository(Member) private readonly members: Repository<Member>,
    @InjectRepository(Household) private readonly households: Repository<Household>,
  ) {}

  findForLogin(phone: string): Promise<Member | null> {
    return this.members
      .createQueryBuilder('m')
      .addSelect('m.passwordHash')
      .where('m.phone = :phone', { phone })
      .getOne();
  }

  async actorFor(memberId: string): Promise<Actor | null> {
    const member = await this.members.findOneBy({ id: memberId, active: true });
    if (!member) return null;
    const grants: { association_id: string }[] =
      member.role === 'viewer'
        ? await this.members.query(`SELECT association_id FROM viewer_grant WHERE member_id = $1`, [
            member.id,
          ])
        : [];
    return {
      memberId: member.id,
      associationId: member.associationId,
      role: member.role,
      householdId: member.householdId,
      residentUnitId: member.residentUnitId,
      readableAssociationIds: [
        member.associationId,
        ...grants.map((g) => g.association_id).filter((id) => id !== member.associationId),
      ],
    };
  }

  /** Members' names by id, for another feature's ledger that says who did what. */
  async namesOf(ids: string[]): Promise<Map<string, string>> {
    const wanted = [...new Set(ids)];
    if (wanted.length === 0) return new Map();
    const members = await this.members.findBy({ id: In(wanted) });
    return new Map(members.map((m) => [m.id, m.name]));
  }

  async viewSelf(actor: Actor): Promise<MemberView> {
    return toMemberView(await this.members.findOneByOrFail({ id: actor.memberId }), actor);
  }

  async list(actor: Actor, query: MemberQuery): Promise<Page<MemberView>> {
    const associationId = associationToRead(actor, query.associationId);
    const qb = this.members
      .createQueryBuilder('m')
      .where('m.associationId = :associationId', { associationId });
    if (actor.role === 'resident') {
      qb.andWhere('m.householdId = :own', { own: actor.householdId });
    } else if (actor.role === 'unit') {
      qb.andWhere('m.residentUnitId = :unit', { unit: actor.residentUnitId });
    }
    if (query.role) qb.andWhere('m.role = :role', { role: query.role });
    if (query.householdId) qb.andWhere('m.householdId = :hh', { hh: query.householdId });
    if (query.volunteer !== undefined) qb.andWhere('m.volunteer = :vol', { vol: query.volunteer });
    if (query.search) {
      const like = `%${query.search}%`;
      qb.andWhere(
        new Brackets((w) =>
          w.where('m.name LIKE :like', { like }).orWhere('m.phone LIKE :like', { like }),
        ),
      );
    }
    const [rows, total] = await qb
      .orderBy('m.createdAt', 'ASC')
      .addOrderBy('m.id')
      .skip(skipOf(query))
      .take(query.pageSize)
      .getManyAndCount();
    return pageOf(
      rows.map((m) => toMemberView(m, actor)),
      total,
      query,
    );
  }

  async get(actor: Actor, id: string): Promise<MemberView> {
    return toMemberView(await this.readable(actor, id), actor);
  }

  async create(actor: Actor, dto: CreateMemberDto): Promise<MemberView> {
    assertCouncilOf(actor, actor.associationId);
    if (dto.role === 'unit' && !dto.residentUnitId) {
      throw DomainError.invalid('驻区单位人员须指定单位 / unit staff need a residentUnitId');
    }
    if (dto.householdId) await this.assertHouseholdOf(actor.associationId, dto.householdId);
    await this.assertPhoneFree(dto.phone);
    const member = this.members.create({
      associationId: actor.associationId,
      householdId: dto.householdId ?? null,
      residentUnitId: dto.residentUnitId ?? null,
      name: dto.name,
      phone: dto.phone,
      role: dto.role,
      partyMember: dto.partyMember ?? false,
      volunteer: dto.volunteer ?? false,
      active: true,
      passwordHash: dto.password ? await hashPassword(dto.password) : null,
    });
    return toMemberView(await this.members.save(member), actor);
  }

  async update(actor: Actor, id: string, dto: UpdateMemberDto): Promise<MemberView> {
    const member = await this.readable(actor, id);
    const council = actor.role === 'admin' && actor.associationId === member.associationId;
    const ownHousehold = actor.role === 'resident' && member.householdId === actor.householdId;
    if (!council && !ownHousehold) throw DomainError.forbidden();
    if (
      !council &&
      (dto.role !== undefined || dto.active !== undefined || dto.residentUnitId !== undefined)
    ) {
      throw DomainError.forbidden(
        '角色和状态由理事会设置 / only the council changes roles and status',
      );
    }
    if (dto.phone && dto.phone !== member.phone) await this.assertPhoneFree(dto.phone);
    const { password, ...fields } = dto;
    Object.assign(member, fields);
    if (password) member.passwordHash = await hashPassword(password);
    return toMemberView(await this.members.save(member), actor);
  }

  /** The member if the actor may read it; otherwise 404, so ids of other associations reveal nothing. */
  private async readable(actor: Actor, id: string): Promise<Member> {
    const member = await this.members.findOneBy({ id });
    if (!member || !canReadAssociation(actor, member.associationId))
      throw DomainError.notFound('member', id);
    const self = member.id === actor.memberId;
    if (actor.role === 'resident' && !self && member.householdId !== actor.householdId) {
      throw DomainError.notFound('member', id);
    }
    if (actor.role === 'unit' && !self && member.residentUnitId !== actor.residentUnitId) {
      throw DomainError.notFound('member', id);
    }
    return member;
  }

  private async assertHouseholdOf(associationId: string, householdId: string): Promise<void> {
    if (!(await this.households.existsBy({ id: householdId, associationId }))) {
      throw DomainError.notFound('household', householdId);
    }
  }

  private async assertPhoneFree(phone: string): Promise<void> {
    if (await this.members.existsBy({ phone })) {
      throw DomainError.conflict('该手机号已注册 / this phone number is already registered');
    }
  }
}
