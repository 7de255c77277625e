import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { ROLES, type Role } from '../auth/role';
import { DomainError } from '../common/domain-error';
import { Household } from './household.entity';
import { Member } from './member.entity';
import { formatPlate, parsePlate, PLATE_COLORS, type PlateColor } from './plate';
import { assertCouncilOf, associationToRead } from './scope';
import { Vehicle } from './vehicle.entity';
import { maskPhone, maskPlate } from '../common/masking';

export const LEDGER_COLUMNS = [
  'address',
  'name',
  'phone',
  'role',
  'partyMember',
  'volunteer',
  'plate',
  'plateColor',
] as const;
type LedgerColumn = (typeof LEDGER_COLUMNS)[number];

/** The council's spreadsheets use Chinese headings; both are accepted. */
const HEADER_ALIASES: Record<string, LedgerColumn> = {
  门牌: 'address',
  住址: 'address',
  地址: 'address',
  姓名: 'name',
  手机: 'phone',
  手机号: 'phone',
  电话: 'phone',
  角色: 'role',
  党员: 'partyMember',
  志愿者: 'volunteer',
  车牌: 'plate',
  车牌号: 'plate',
  车牌颜色: 'plateColor',
};
const MAX_ROWS = 5000;

export interface ImportReport {
  dryRun: boolean;
  rows: number;
  accepted: number;
  householdsCreated: number;
  membersCreated: number;
  membersUpdated: number;
  vehiclesCreated: number;
  rejected: { row: number; reason: string }[];
}

type Row = Partial<Record<LedgerColumn, string>>;
type RowCounts = Pick<
  ImportReport,
  'householdsCreated' | 'membersCreated' | 'membersUpdated' | 'vehiclesCreated'
>;

/** 台账: households, members and vehicles as one CSV, in and out. */
@Injectable()
export class HouseholdLedgerService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async exportCsv(actor: Actor, associationId?: string): Promise<string> {
    const id = associationToRead(actor, associationId);
    if (actor.role !== 'admin' && actor.role !== 'viewer') throw DomainError.forbidden();
    const council = actor.role === 'admin';
    const rows: {
      address: string;
      name: string | null;
      phone: string | null;
      role: string | null;
      party_member: boolean | null;
      volunteer: boolean | null;
      plate: string | null;
      plate_color: string | null;
    }[] = await this.dataSource.query(
      `SELECT h.address, m.name, m.phone, m.role, m.party_member, m.volunteer, v.plate, v.plate_color
         FROM household h
         LEFT JOIN member m ON m.household_id = h.id
         LEFT JOIN vehicle v ON v.household_id = h.id AND (v.owner_member_id = m.id
              OR (m.id IS NULL AND v.owner_member_id IS NULL))
        WHERE h.association_id = $1
        UNION ALL
       SELECT h.address, NULL, NULL, NULL, NULL, NULL, v.plate, v.plate_color
         FROM vehicle v JOIN household h ON h.id = v.household_id
        WHERE v.association_id = $1 AND v.owner_member_id IS NULL
          AND EXISTS (SELECT 1 FROM member m WHERE m.household_id = h.id)
        ORDER BY 1, 2 NULLS LAST, 7 NULLS LAST`,
      [id],
    );
    const body = rows.map((r) => [
      r.address,
      r.name ?? '',
      r.phone ? (council ? r.phone : maskPhone(r.phone)) : '',
      r.role ?? '',
      r.party_member === null ? '' : String(r.party_member),
      r.volunteer === null ? '' : String(r.volunteer),
      r.plate ? (council ? formatPlate(r.plate) : maskPlate(r.plate)) : '',
      r.plate_color ?? '',
    ]);
    // The BOM lets Excel open the Chinese text as UTF-8.
    return '\uFEFF' + stringify([[...LEDGER_COLUMNS], ...body]);
  }

  async importCsv(actor: Actor, csv: string, dryRun: boolean): Promise<ImportReport> {
    assertCouncilOf(actor, actor.associationId);
    const rows = this.parseRows(csv);
    const report: ImportReport = {
      dryRun,
      rows: rows.length,
      accepted: 0,
      householdsCreated: 0,
      membersCreated: 0,
      membersUpdated: 0,
      vehiclesCreated: 0,
      rejected: [],
    };
    await this.dataSource
      .transaction(async (em) => {
        for (const [index, row] of rows.entries()) {
          const rowNumber = index + 2; // the header is row 1
          const savepoint = `ledger_row_${index}`;
          await em.query(`SAVEPOINT ${savepoint}`);
          const counts = {
            householdsCreated: 0,
            membersCreated: 0,
            membersUpdated: 0,
            vehiclesCreated: 0,
          };
          try {
            await this.importRow(em, actor.associationId, row, counts);
            await em.query(`RELEASE SAVEPOINT ${savepoint}`);
            report.accepted += 1;
            for (const key of Object.keys(counts) as (keyof RowCounts)[])
              report[key] += counts[key];
          } catch (error) {
            await em.query(`ROLLBACK TO SAVEPOINT ${savepoint}`);
            report.rejected.push({ row: rowNumber, reason: reasonOf(error) });
          }
        }
        if (dryRun) throw new DryRunDone();
      })
      .catch((error) => {
        if (!(error instanceof DryRunDone)) throw error;
      });
    return report;
  }

  private parseRows(csv: string): Row[] {
    let records: Record<string, string>[];
    try {
      records = parse(csv.replace(/^\uFEFF/, ''), {
        columns: (header: string[]) => header.map((h) => canonicalColumn(h)),
        skip_empty_lines: true,
        trim: true,
        relax_column_count: true,
      });
    } catch (error) {
      throw DomainError.invalid(
        `CSV格式错误 / the file is not valid CSV: ${(error as Error).message}`,
      );
    }
    if (records.length > MAX_ROWS) {
      throw DomainError.invalid(`一次最多导入${MAX_ROWS}行 / at most ${MAX_ROWS} rows per import`);
    }
    return records;
  }

  private async importRow(em: EntityManager, associationId: string, row: Row, report: RowCounts) {
    const address = row.address?.trim();
    if (!address) throw rowError('缺少门牌 / address is empty');
    let household = await em.findOneBy(Household, { associationId, address });
    if (!household) {
      household = await em.save(em.create(Household, { associationId, address }));
      report.householdsCreated += 1;
    }
    const member = await this.importMember(em, associationId, household.id, row, report);
    if (row.plate) {
      const color = row.plateColor ? parseColor(row.plateColor) : undefined;
      const parsed = parsePlate(row.plate, color);
      if (!parsed.ok) throw rowError(parsed.reason);
      const existing = await em.findOneBy(Vehicle, { associationId, plate: parsed.plate });
      if (existing && existing.householdId !== household.id) {
        throw rowError(
          `车牌${parsed.plate}已登记在其他住户 / plate already registered to another household`,
        );
      }
      if (!existing) {
        await em.save(
          em.create(Vehicle, {
            associationId,
            householdId: household.id,
            ownerMemberId: member?.id ?? null,
            plate: parsed.plate,
            plateColor: parsed.color,
          }),
        );
        report.vehiclesCreated += 1;
      }
    }
  }

  private async importMember(
    em: EntityManager,
    associationId: string,
    householdId: string,
    row: Row,
    report: RowCounts,
  ): Promise<Member | null> {
    const phone = row.phone?.replace(/\s|-/g, '');
    if (!phone && !row.name) return null;
    if (!phone || !/^1\d{10}$/.test(phone))
      throw rowError('手机号须为11位 / phone must be an 11-digit mobile number');
    if (!row.name) throw rowError('缺少姓名 / name is empty');
    const role = parseRole(row.role);
    if (role === 'unit') throw rowError('驻区单位人员请单独添加 / add unit staff one by one');
    const flags = { partyMember: parseFlag(row.partyMember), volunteer: parseFlag(row.volunteer) };
    const existing = await em.findOneBy(Member, { phone });
    if (existing) {
      if (existing.associationId !== associationId) {
        throw rowError('该手机号属于其他车友会 / this phone belongs to another association');
      }
      Object.assign(existing, {
        name: row.name,
        householdId,
        role: row.role ? role : existing.role,
      });
      if (row.partyMember) existing.partyMember = flags.partyMember;
      if (row.volunteer) existing.volunteer = flags.volunteer;
      report.membersUpdated += 1;
      return em.save(existing);
    }
    report.membersCreated += 1;
    return em.save(
      em.create(Member, {
        associationId,
        householdId,
        name: row.name,
        phone,
        role,
        active: true,
        ...flags,
      }),
    );
  }
}

class DryRunDone extends Error {}

class RowError extends Error {}
function rowError(message: string): RowError {
  return new RowError(message);
}

function reasonOf(error: unknown): string {
  if (error instanceof RowError || error instanceof DomainError) return error.message;
  const driver = (error as { driverError?: { constraint?: string } }).driverError;
  return `数据不符合规则 / rejected by the database (${driver?.constraint ?? 'constraint'})`;
}

function canonicalColumn(header: string): string {
  const trimmed = header.trim();
  if ((LEDGER_COLUMNS as readonly string[]).includes(trimmed)) return trimmed;
  return HEADER_ALIASES[trimmed.split('/')[0]!.trim()] ?? trimmed;
}

const ROLE_ALIASES: Record<string, Role> = {
  居民: 'resident',
  车主: 'resident',
  理事: 'admin',
  管理员: 'warden',
  红袖标: 'warden',
};

function parseRole(raw?: string): Role {
  const value = raw?.trim() ?? '';
  if (!value) return 'resident';
  const role = ROLE_ALIASES[value] ?? value;
  if (!(ROLES as readonly string[]).includes(role))
    throw rowError(`未知角色 / unknown role "${value}"`);
  return role as Role;
}

const COLOR_ALIASES: Record<string, PlateColor> = {
  蓝: 'blue',
  黄: 'yellow',
  绿: 'green',
  白: 'white',
  黑: 'black',
};

function parseColor(raw: string): PlateColor {
  const value = COLOR_ALIASES[raw.trim().replace('色', '')] ?? raw.trim().toLowerCase();
  if (!(PLATE_COLORS as readonly string[]).includes(value))
    throw rowError(`未知车牌颜色 / unknown plate colour "${raw}"`);
  return value as PlateColor;
}

function parseFlag(raw?: string): boolean {
  return ['true', 'yes', '1', '是', 'y'].includes((raw ?? '').trim().toLowerCase());
}
