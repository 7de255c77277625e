import { Injectable } from '@nestjs/common';
import { NO_ASSOCIATION } from '../auth/actor';
import type { Role } from '../auth/role';
import { Transactions, type Tx } from '../database/transactions';
import { selectPage, Where } from '../database/sql-page';

/** A person of an association: resident, council, warden, unit staff or street-office viewer. */
export interface Member {
  id: string;
  associationId: string;
  householdId: string | null;
  residentUnitId: string | null;
  name: string;
  phone: string;
  role: Role;
  partyMember: boolean;
  volunteer: boolean;
  active: boolean;
  /** Bumped whenever access must end at once; tokens carry the version they were issued at. */
  tokenVersion: number;
  createdAt: Date;
  /** Street-office staff only: their street (their `associationId` is NO_ASSOCIATION). */
  streetOffice: string | null;
}

/** What may change about a member; `passwordHash` is never read back. */
export interface MemberChanges {
  name?: string;
  phone?: string;
  role?: Role;
  householdId?: string | null;
  residentUnitId?: string | null;
  partyMember?: boolean;
  volunteer?: boolean;
  active?: boolean;
  passwordHash?: string;
}

export interface NewMember extends Omit<MemberChanges, 'passwordHash'> {
  associationId: string;
  name: string;
  phone: string;
  role: Role;
  passwordHash: string | null;
}

export interface MemberFilter {
  associationId: string;
  householdId?: string | null;
  residentUnitId?: string | null;
  role?: Role;
  volunteer?: boolean;
  search?: string;
  limit: number;
  offset: number;
}

interface Row {
  id: string;
  association_id: string | null;
  household_id: string | null;
  resident_unit_id: string | null;
  name: string;
  phone: string;
  role: Role;
  party_member: boolean;
  volunteer: boolean;
  active: boolean;
  token_version: number;
  created_at: Date;
  street_office: string | null;
}

const COLUMNS = `id, association_id, household_id, resident_unit_id, name, phone, role,
  party_member, volunteer, active, token_version, created_at, street_office`;

const CHANGE_COLUMNS: Record<keyof MemberChanges, string> = {
  name: 'name',
  phone: 'phone',
  role: 'role',
  householdId: 'household_id',
  residentUnitId: 'resident_unit_id',
  partyMember: 'party_member',
  volunteer: 'volunteer',
  active: 'active',
  passwordHash: 'password_hash',
};

/**
 * Changes after which a token issued before must no longer work: the token names the role,
 * household and unit, and a password or status change ends every session.
 */
const ENDS_ACCESS: ReadonlySet<keyof MemberChanges> = new Set([
  'role',
  'householdId',
  'residentUnitId',
  'active',
  'passwordHash',
]);

/** The only SQL of the `member` table. */
@Injectable()
export class MemberRepository {
  constructor(private readonly transactions: Transactions) {}

  async byId(id: string, tx: Tx = this.transactions.autocommit): Promise<Member | null> {
    const rows: Row[] = await tx.query(`SELECT ${COLUMNS} FROM member WHERE id = $1`, [id]);
    return rows[0] ? toMember(rows[0]) : null;
  }

  /** Locks the member until `tx` ends, so two changes of one member do not interleave. */
  async lock(tx: Tx, id: string): Promise<Member | null> {
    const rows: Row[] = await tx.query(`SELECT ${COLUMNS} FROM member WHERE id = $1 FOR UPDATE`, [
      id,
    ]);
    return rows[0] ? toMember(rows[0]) : null;
  }

  async byPhone(phone: string, tx: Tx = this.transactions.autocommit): Promise<Member | null> {
    const rows: Row[] = await tx.query(`SELECT ${COLUMNS} FROM member WHERE phone = $1`, [phone]);
    return rows[0] ? toMember(rows[0]) : null;
  }

  /** The member and their password hash, for logging in: the only read of the hash. */
  async forLogin(phone: string): Promise<{ member: Member; passwordHash: string | null } | null> {
    const rows: (Row & { password_hash: string | null })[] =
      await this.transactions.autocommit.query(
        `SELECT ${COLUMNS}, password_hash FROM member WHERE phone = $1`,
        [phone],
      );
    const row = rows[0];
    return row ? { member: toMember(row), passwordHash: row.password_hash } : null;
  }

  async passwordHashOf(id: string, tx: Tx = this.transactions.autocommit): Promise<string | null> {
    const rows: { password_hash: string | null }[] = await tx.query(
      `SELECT password_hash FROM member WHERE id = $1`,
      [id],
    );
    return rows[0]?.password_hash ?? null;
  }

  async phoneTaken(phone: string, tx: Tx = this.transactions.autocommit): Promise<boolean> {
    const rows: unknown[] = await tx.query(`SELECT 1 FROM member WHERE phone = $1`, [phone]);
    return rows.length > 0;
  }

  async inHousehold(
    memberId: string,
    householdId: string,
    tx: Tx = this.transactions.autocommit,
  ): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `SELECT 1 FROM member WHERE id = $1 AND household_id = $2`,
      [memberId, householdId],
    );
    return rows.length > 0;
  }

  async ofHousehold(householdId: string, tx: Tx = this.transactions.autocommit): Promise<Member[]> {
    const rows: Row[] = await tx.query(
      `SELECT ${COLUMNS} FROM member WHERE household_id = $1 ORDER BY created_at, id`,
      [householdId],
    );
    return rows.map(toMember);
  }

  async namesOf(ids: string[], tx: Tx = this.transactions.autocommit) {
    const rows: { id: string; name: string }[] = await tx.query(
      `SELECT id, name FROM member WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** Active members of the association who may be rostered: wardens and volunteers. */
  async serving(associationId: string, tx: Tx = this.transactions.autocommit): Promise<Member[]> {
    const rows: Row[] = await tx.query(
      `SELECT ${COLUMNS} FROM member
        WHERE association_id = $1 AND active AND (role = 'warden' OR volunteer)
        ORDER BY created_at, id`,
      [associationId],
    );
    return rows.map(toMember);
  }

  async countInHouseholds(associationId: string, tx: Tx = this.transactions.autocommit) {
    const rows: { count: string }[] = await tx.query(
      `SELECT count(*) FROM member WHERE association_id = $1 AND active AND household_id IS NOT NULL`,
      [associationId],
    );
    return Number(rows[0]?.count ?? 0);
  }

  /** Active members living in a household, with its address, by address and name. */
  async residentsWithAddress(associationId: string, tx: Tx = this.transactions.autocommit) {
    const rows: (Row & { address: string })[] = await tx.query(
      `SELECT ${COLUMNS.split(',')
        .map((c) => `m.${c.trim()}`)
        .join(', ')}, h.address
         FROM member m JOIN household h ON h.id = m.household_id
        WHERE m.association_id = $1 AND m.active
        ORDER BY h.address, m.name`,
      [associationId],
    );
    return rows.map((row) => ({ member: toMember(row), address: row.address }));
  }

  async page(filter: MemberFilter): Promise<{ rows: Member[]; total: number }> {
    const where = new Where().add('association_id = ?', filter.associationId);
    if (filter.householdId !== undefined) where.add('household_id = ?', filter.householdId);
    if (filter.residentUnitId !== undefined)
      where.add('resident_unit_id = ?', filter.residentUnitId);
    if (filter.role) where.add('role = ?', filter.role);
    if (filter.volunteer !== undefined) where.add('volunteer = ?', filter.volunteer);
    if (filter.search) where.add('(name LIKE ? OR phone LIKE ?)', `%${filter.search}%`);
    const page = await selectPage<Row>(
      this.transactions.autocommit,
      { columns: COLUMNS, from: 'member', where, orderBy: 'created_at, id' },
      filter.limit,
      filter.offset,
    );
    return { rows: page.rows.map(toMember), total: page.total };
  }

  async insert(tx: Tx, member: NewMember): Promise<Member> {
    const rows: Row[] = await tx.query(
      `INSERT INTO member (association_id, household_id, resident_unit_id, name, phone, role,
                           party_member, volunteer, active, password_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING ${COLUMNS}`,
      [
        member.associationId,
        member.householdId ?? null,
        member.residentUnitId ?? null,
        member.name,
        member.phone,
        member.role,
        member.partyMember ?? false,
        member.volunteer ?? false,
        member.active ?? true,
        member.passwordHash,
      ],
    );
    return toMember(rows[0]!);
  }

  /**
   * Applies `changes`; a change of role, household, unit, status or password also bumps the token
   * version in the same statement, so every token issued before stops working.
   */
  async update(tx: Tx, id: string, changes: MemberChanges): Promise<Member> {
    const sets: string[] = [];
    const params: unknown[] = [id];
    let endsAccess = false;
    for (const [key, value] of Object.entries(changes) as [keyof MemberChanges, unknown][]) {
      if (value === undefined) continue;
      params.push(value);
      sets.push(`${CHANGE_COLUMNS[key]} = $${params.length}`);
      if (ENDS_ACCESS.has(key)) endsAccess = true;
    }
    if (endsAccess) sets.push('token_version = token_version + 1');
    if (sets.length === 0) return (await this.byId(id, tx))!;
    const rows: Row[] = await tx.query(
      `WITH changed AS (UPDATE member SET ${sets.join(', ')} WHERE id = $1 RETURNING ${COLUMNS})
       SELECT * FROM changed`,
      params,
    );
    return toMember(rows[0]!);
  }

  /** Ends every token of the member (logout, a stolen refresh token): the new version. */
  /** The household was archived: its members stay, without a household. */
  async leaveHousehold(tx: Tx, householdId: string): Promise<void> {
    await tx.query(`UPDATE member SET household_id = NULL WHERE household_id = $1`, [householdId]);
  }

  async bumpTokenVersion(tx: Tx, id: string): Promise<number> {
    const rows: { token_version: number }[] = await tx.query(
      `WITH bumped AS (UPDATE member SET token_version = token_version + 1 WHERE id = $1
                       RETURNING token_version)
       SELECT token_version FROM bumped`,
      [id],
    );
    return rows[0]?.token_version ?? 0;
  }

  /** What the access guard compares a token with. */
  async accessState(id: string): Promise<{ tokenVersion: number; active: boolean } | null> {
    const rows: { token_version: number; active: boolean }[] =
      await this.transactions.autocommit.query(
        `SELECT token_version, active FROM member WHERE id = $1`,
        [id],
      );
    const row = rows[0];
    return row ? { tokenVersion: row.token_version, active: row.active } : null;
  }
}

/** Which of `changes` differ from `member`: a re-import of the same row changes nothing. */
export function actualChanges(member: Member, changes: MemberChanges): MemberChanges {
  const result: MemberChanges = {};
  for (const [key, value] of Object.entries(changes) as [keyof MemberChanges, unknown][]) {
    if (value === undefined) continue;
    if (key !== 'passwordHash' && member[key] === value) continue;
    (result as Record<string, unknown>)[key] = value;
  }
  return result;
}

function toMember(row: Row): Member {
  return {
    id: row.id,
    associationId: row.association_id ?? NO_ASSOCIATION,
    householdId: row.household_id,
    residentUnitId: row.resident_unit_id,
    name: row.name,
    phone: row.phone,
    role: row.role,
    partyMember: row.party_member,
    volunteer: row.volunteer,
    active: row.active,
    tokenVersion: row.token_version,
    createdAt: row.created_at,
    streetOffice: row.street_office,
  };
}
