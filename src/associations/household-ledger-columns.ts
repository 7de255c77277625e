// Pure: the household ledger (户籍台账: households, their members and vehicles, one row per
// member and car), one column definition for its CSV and its workbook, in words, masked as the
// reader's household pages mask (the service asks the policy, row by row).
import type { LedgerCell, LedgerColumn } from '../common/ledger/ledger-workbook';
import { plateColorWord, roleWord, yesNo } from '../common/ledger/ledger-words';
import { maskPhone, maskPlate } from '../common/masking';
import type { Lang } from '../shared/i18n';
import type { LedgerRow } from './household.repository';
import { formatPlate } from '../shared/plate';

export const HOUSEHOLD_LEDGER_COLUMNS: readonly LedgerColumn[] = [
  { header: { 'zh-CN': '门牌', en: 'Address' }, width: 18 },
  { header: { 'zh-CN': '姓名', en: 'Name' }, width: 10 },
  { header: { 'zh-CN': '手机', en: 'Phone' }, width: 14 },
  { header: { 'zh-CN': '角色', en: 'Role' }, width: 10 },
  { header: { 'zh-CN': '党员', en: 'Party member' }, width: 6 },
  { header: { 'zh-CN': '志愿者', en: 'Volunteer' }, width: 7 },
  { header: { 'zh-CN': '车牌', en: 'Plate' }, width: 12 },
  { header: { 'zh-CN': '车牌颜色', en: 'Plate colour' }, width: 10 },
  // Last, so spreadsheets kept before households had lanes still line up.
  { header: { 'zh-CN': '胡同', en: 'Lane' }, width: 12 },
];

/** What of a row its reader sees in full: as `toMemberView` and `toVehicleView` decide. */
export interface HouseholdLedgerSight {
  phone: boolean;
  plate: boolean;
}

/** One row; a phone or plate the reader's lists mask is masked here the same way. */
export function householdLedgerRow(
  row: LedgerRow,
  sight: HouseholdLedgerSight,
  lang: Lang,
): LedgerCell[] {
  return [
    row.address,
    row.name,
    row.phone ? (sight.phone ? row.phone : maskPhone(row.phone)) : null,
    roleWord(row.role, lang),
    yesNo(row.party_member, lang),
    yesNo(row.volunteer, lang),
    row.plate ? (sight.plate ? formatPlate(row.plate) : maskPlate(row.plate)) : null,
    plateColorWord(row.plate_color, lang),
    row.lane_name,
  ];
}
