// Pure: reading the household ledger's CSV back in: headings and cell values as exported (in
// either language) or as the council's own spreadsheets write them.
import { ASSOCIATION_ROLES, type Role } from '../auth/role';
import { ROLE_BY_WORD } from '../common/ledger/ledger-words';
import { PLATE_COLORS, type PlateColor } from '../shared/plate';

export const LEDGER_COLUMNS = [
  'address',
  'name',
  'phone',
  'role',
  'partyMember',
  'volunteer',
  'plate',
  'plateColor',
  'lane',
] as const;
export type LedgerColumn = (typeof LEDGER_COLUMNS)[number];
export type LedgerInputRow = Partial<Record<LedgerColumn, string>>;

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
  胡同: 'lane',
  所在胡同: 'lane',
  Address: 'address',
  Name: 'name',
  Phone: 'phone',
  Role: 'role',
  'Party member': 'partyMember',
  Volunteer: 'volunteer',
  Plate: 'plate',
  'Plate colour': 'plateColor',
  Lane: 'lane',
};

const ROLE_ALIASES: Record<string, Role> = {
  ...ROLE_BY_WORD,
  居民: 'resident',
  车主: 'resident',
  理事: 'admin',
  管理员: 'warden',
  红袖标: 'warden',
};

const COLOR_ALIASES: Record<string, PlateColor> = {
  蓝: 'blue',
  黄: 'yellow',
  绿: 'green',
  白: 'white',
  黑: 'black',
};

/** A ledger cell that cannot be read: the reason and the value as written. */
export class LedgerCellError extends Error {
  constructor(
    readonly reason: 'ledger.role_unknown' | 'ledger.color_unknown',
    readonly value: string,
  ) {
    super(reason);
  }
}

export function canonicalColumn(header: string): string {
  const trimmed = header.trim();
  if ((LEDGER_COLUMNS as readonly string[]).includes(trimmed)) return trimmed;
  return HEADER_ALIASES[trimmed.split('/')[0]!.trim()] ?? trimmed;
}

/** Undoes spreadsheetSafe on import, so an exported ledger re-imports unchanged. */
export function fromSpreadsheet(value: string | undefined): string | undefined {
  return value && /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

export function parseRole(raw?: string): Role {
  const value = raw?.trim() ?? '';
  if (!value) return 'resident';
  const role = ROLE_ALIASES[value] ?? value;
  if (!(ASSOCIATION_ROLES as readonly string[]).includes(role)) {
    throw new LedgerCellError('ledger.role_unknown', value);
  }
  return role as Role;
}

export function parseColor(raw: string): PlateColor {
  // "蓝", "蓝色" and "蓝牌" (as the ledger exports it) all read as blue.
  const value = COLOR_ALIASES[raw.trim().replace(/[色牌]$/, '')] ?? raw.trim().toLowerCase();
  if (!(PLATE_COLORS as readonly string[]).includes(value)) {
    throw new LedgerCellError('ledger.color_unknown', raw);
  }
  return value as PlateColor;
}

export function parseFlag(raw?: string): boolean {
  return ['true', 'yes', '1', '是', 'y'].includes((raw ?? '').trim().toLowerCase());
}
