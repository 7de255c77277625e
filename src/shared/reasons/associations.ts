import { defineConstraints, defineReasons } from './types';

/** Refusals of the associations feature: lanes, households, members, vehicles, the ledger. */
export const associationsReasons = defineReasons({
  'lane.name_taken': {
    status: 409,
    zh: '这条胡同的名称已存在',
    en: 'A lane with this name already exists',
  },
  'household.address_taken': {
    status: 409,
    zh: '这个门牌已登记',
    en: 'A household with this address is already registered',
  },
  'member.phone_taken': {
    status: 409,
    zh: '该手机号已注册',
    en: 'This phone number is already registered',
  },
  'member.not_yours': {
    status: 403,
    zh: '只能修改自己的资料',
    en: 'You may change only your own profile',
  },
  'member.role_by_council': {
    status: 403,
    zh: '角色、状态和所属单位由理事会设置',
    en: 'Only the council sets roles, status and units',
  },
  'member.phone_by_council': {
    status: 403,
    zh: '手机号由理事会登记和修改',
    en: 'Only the council changes phone numbers',
  },
  'member.flags_by_council': {
    status: 403,
    zh: '党员和志愿者身份由理事会登记',
    en: 'Only the council records party membership and volunteering',
  },
  'member.password_by_council': {
    status: 403,
    zh: '只有理事会可以重设他人的密码',
    en: "Only the council may reset another member's password",
  },
  'member.council_self': {
    status: 409,
    zh: '理事不能改变自己的角色或停用自己，请由另一位理事操作',
    en: 'A council member cannot change their own role or deactivate themselves; ask another',
  },
  'member.unit_required': {
    status: 400,
    zh: '驻区单位人员须指定所属单位',
    en: 'Unit staff need a resident unit',
  },
  'vehicle.plate_taken': {
    status: 409,
    zh: '该车牌已登记',
    en: 'This plate is already registered',
  },
  'vehicle.owner_not_in_household': {
    status: 400,
    zh: '车主须为本户成员',
    en: 'The owner must be a member of the household',
  },
  'vehicle.household_required': {
    status: 400,
    zh: '请指定车辆所属住户',
    en: 'Name the household the vehicle belongs to',
  },
  'vehicle.no_household': {
    status: 403,
    zh: '您尚未登记住户，不能登记车辆',
    en: 'You are not registered to a household, so you cannot register a vehicle',
  },
  'plate.invalid': {
    status: 400,
    zh: '车牌格式不正确（例如 京A12345，新能源车为 京AD12345）',
    en: 'Not a valid number plate (7 characters, or 8 for a new-energy car)',
  },
  'plate.new_energy_green': {
    status: 400,
    zh: '新能源车牌（8位）应为绿色',
    en: 'An 8-character (new-energy) plate is green',
  },
  'plate.green_has_eight': {
    status: 400,
    zh: '绿色车牌应为8位',
    en: 'A green plate has 8 characters',
  },
  'viewer_grant.not_viewer': {
    status: 400,
    zh: '只能授权街道或社区的只读账号',
    en: 'Only a viewer account (street office or community) can be granted read access',
  },
  'licence.file_type': {
    status: 415,
    zh: '请上传 CSV（text/csv）或 Excel 表格（.xlsx）',
    en: 'Send a CSV (text/csv) or an Excel workbook (.xlsx)',
  },
  'licence.invalid_file': {
    status: 400,
    zh: '文件无法读取（第{line}行）',
    en: 'The file cannot be read (line {line})',
  },
  'licence.columns_missing': {
    status: 400,
    zh: '表头须有“车牌”和“所有人”两列',
    en: 'The header needs a “plate” and an “owner” column',
  },
  'licence.too_many_rows': {
    status: 400,
    zh: '一次最多导入{max}行',
    en: 'At most {max} rows per import',
  },
  'licence.plate_unknown': {
    status: 404,
    zh: '本会没有登记车牌{plate}',
    en: 'No vehicle with plate {plate} is registered in this association',
  },
  'licence.owner_missing': { status: 400, zh: '缺少所有人姓名', en: 'The owner’s name is empty' },
  'ledger.not_csv': { status: 400, zh: '请以 text/csv 上传', en: 'Send the file as text/csv' },
  'ledger.invalid_csv': {
    status: 400,
    zh: 'CSV格式错误（第{line}行）',
    en: 'The file is not valid CSV (line {line})',
  },
  'ledger.too_many_rows': {
    status: 400,
    zh: '一次最多导入{max}行',
    en: 'At most {max} rows per import',
  },
  'ledger.address_missing': { status: 400, zh: '缺少门牌', en: 'The address is empty' },
  'ledger.name_missing': { status: 400, zh: '缺少姓名', en: 'The name is empty' },
  'ledger.phone_invalid': {
    status: 400,
    zh: '手机号须为11位',
    en: 'The phone must be an 11-digit mobile number',
  },
  'ledger.unit_staff': {
    status: 400,
    zh: '驻区单位人员请单独添加',
    en: 'Add unit staff one by one, not by import',
  },
  'ledger.role_unknown': {
    status: 400,
    zh: '未知角色“{value}”',
    en: 'Unknown role "{value}"',
  },
  'ledger.color_unknown': {
    status: 400,
    zh: '未知车牌颜色“{value}”',
    en: 'Unknown plate colour "{value}"',
  },
  'ledger.lane_unknown': {
    status: 400,
    zh: '本会没有名为“{lane}”的胡同',
    en: 'This association has no lane named "{lane}"',
  },
  'ledger.plate_elsewhere': {
    status: 409,
    zh: '车牌{plate}已登记在其他住户',
    en: 'The plate {plate} is already registered to another household',
  },
  'ledger.phone_elsewhere': {
    status: 409,
    zh: '该手机号属于其他车友会',
    en: 'This phone number belongs to another association',
  },
  'ledger.row_rejected': {
    status: 400,
    zh: '此行数据不符合规则',
    en: 'This row breaks a rule of the data',
  },
});

/** Constraints of the associations tables → the reason a broken one means. */
export const associationsConstraints = defineConstraints({
  lane_name_key: 'lane.name_taken',
  household_address_key: 'household.address_taken',
  member_phone_key: 'member.phone_taken',
  member_unit_staff_check: 'member.unit_required',
  vehicle_plate_key: 'vehicle.plate_taken',
  vehicle_owner_fkey: 'vehicle.owner_not_in_household',
  vehicle_plate_format_check: 'plate.invalid',
});
