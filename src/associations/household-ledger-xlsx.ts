// Pure: the household ledger (户籍台账) as workbook rows, in words, masked for the street office.
import type { Role } from '../auth/role';
import type { LedgerCell, LedgerColumn } from '../common/ledger/ledger-workbook';
import { yesNo } from '../common/ledger/ledger-words';
import { maskPhone, maskPlate } from '../common/masking';
import type { Lang } from '../shared/i18n';
import type { LedgerRow } from './household.repository';
import { formatPlate, type PlateColor } from '../shared/plate';

export const HOUSEHOLD_XLSX_COLUMNS: readonly LedgerColumn[] = [
  { header: { 'zh-CN': '门牌', en: 'Address' }, width: 18 },
  { header: { 'zh-CN': '姓名', en: 'Name' }, width: 10 },
  { header: { 'zh-CN': '手机', en: 'Phone' }, width: 14 },
  { header: { 'zh-CN': '角色', en: 'Role' }, width: 10 },
  { header: { 'zh-CN': '党员', en: 'Party member' }, width: 6 },
  { header: { 'zh-CN': '志愿者', en: 'Volunteer' }, width: 7 },
  { header: { 'zh-CN': '车牌', en: 'Plate' }, width: 12 },
  { header: { 'zh-CN': '车牌颜色', en: 'Plate colour' }, width: 10 },
];

const ROLE_WORDS: Record<Role, Record<Lang, string>> = {
  admin: { 'zh-CN': '理事', en: 'Council' },
  warden: { 'zh-CN': '红袖标', en: 'Warden' },
  resident: { 'zh-CN': '居民', en: 'Resident' },
  unit: { 'zh-CN': '驻区单位', en: 'Resident unit' },
  viewer: { 'zh-CN': '街道/社区', en: 'Street office' },
  street: { 'zh-CN': '街道', en: 'Street office' },
};

const COLOR_WORDS: Record<PlateColor, Record<Lang, string>> = {
  blue: { 'zh-CN': '蓝牌', en: 'blue' },
  yellow: { 'zh-CN': '黄牌', en: 'yellow' },
  green: { 'zh-CN': '绿牌', en: 'green' },
  white: { 'zh-CN': '白牌', en: 'white' },
  black: { 'zh-CN': '黑牌', en: 'black' },
};

/** One row; phones and plates in full only for the council (as the CSV and the lists). */
export function householdXlsxRow(row: LedgerRow, inFull: boolean, lang: Lang): LedgerCell[] {
  return [
    row.address,
    row.name,
    row.phone ? (inFull ? row.phone : maskPhone(row.phone)) : null,
    row.role ? (ROLE_WORDS[row.role as Role]?.[lang] ?? row.role) : null,
    yesNo(row.party_member, lang),
    yesNo(row.volunteer, lang),
    row.plate ? (inFull ? formatPlate(row.plate) : maskPlate(row.plate)) : null,
    row.plate_color
      ? (COLOR_WORDS[row.plate_color as PlateColor]?.[lang] ?? row.plate_color)
      : null,
  ];
}
