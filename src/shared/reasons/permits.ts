import { defineConstraints, defineReasons } from './types';

// A param named `article` is a convention article's number (null: no convention is in force and
// the default rules apply); it renders as "公约第四条" / "Article 4 of the convention".

/** Refusals of permits, QR codes, signing keys, visitor passes, move requests and plate checks. */
export const permitsReasons = defineReasons({
  'permit.already_active': {
    status: 409,
    zh: '该车辆（{plate}）已有同类有效停车证，请先收回原证或待其到期',
    en: '{plate} already holds an active permit of this kind for this place; revoke it or let it expire first',
  },
  'permit.vehicles_per_household': {
    status: 409,
    zh: '依照{article}，每户最多{limit}辆车持有停车证，本户已满，{plate}不能再申领；其余车辆请停放到驻区单位的错时共享车位',
    en: "Under {article}, at most {limit} car(s) of a household hold a permit; this household's already do, so {plate} cannot have one. Other cars may use a unit's off-peak spaces",
  },
  'permit.validity_order': {
    status: 400,
    zh: '有效期的结束时间须晚于开始时间',
    en: 'The end of validity must be after its start',
  },
  'permit.fee_unpaid': {
    status: 409,
    zh: '依照{article}，停车证 No.{number} 须先登记缴费 {feeCny} 元，才能批准',
    en: 'Under {article}, record the fee of {feeCny} CNY for permit No.{number} before approving it',
  },
  'permit.not_pending': {
    status: 409,
    zh: '停车证 No.{number} 不在待审批状态',
    en: 'Permit No.{number} is not awaiting approval',
  },
  'permit.not_payable': {
    status: 409,
    zh: '只有待审批或有效的停车证才能登记缴费，停车证 No.{number} 不是',
    en: 'A fee is recorded only for a pending or active permit; No.{number} is neither',
  },
  'permit.not_renewable': {
    status: 409,
    zh: '只有有效或已过期的停车证才能续期，停车证 No.{number} 不是',
    en: 'Only an active or expired permit can be renewed; No.{number} is neither',
  },
  'permit.not_active': {
    status: 409,
    zh: '停车证 No.{number} 当前不是有效状态',
    en: 'Permit No.{number} is not active',
  },
  'permit.not_suspended': {
    status: 409,
    zh: '停车证 No.{number} 当前没有被暂停',
    en: 'Permit No.{number} is not suspended',
  },
  'permit.already_ended': {
    status: 409,
    zh: '停车证 No.{number} 已被收回或驳回',
    en: 'Permit No.{number} was already revoked or rejected',
  },
  'permit.suspension_in_past': {
    status: 400,
    zh: '暂停截止时间须在将来',
    en: 'The suspension must end in the future',
  },
  'permit.no_qr': {
    status: 409,
    zh: '停车证 No.{number} 未生效，没有二维码',
    en: 'Permit No.{number} is not in force, so it has no QR code',
  },
  'permit.cards_too_many': {
    status: 422,
    zh: '一次最多打印{limit}张停车证，现有{count}张，请按类别或勾选分批打印',
    en: 'At most {limit} permit cards print at once, and there are {count}; print them in batches by kind or by choosing them',
  },
  'permit.cards_none': {
    status: 404,
    zh: '没有可打印的有效停车证',
    en: 'There are no permits in force to print',
  },
  'permit.qr_holder_or_staff': {
    status: 403,
    zh: '停车证二维码和证卡仅持证住户和本车友会理事会、红袖标可查看',
    en: "Only the holder's household and the association's council and wardens may see a permit's QR code and card",
  },
  'permit.revocations_staff_only': {
    status: 403,
    zh: '吊销名单仅本车友会理事会和红袖标可下载',
    en: "Only the association's council and wardens download the revocation list",
  },
  'signing_key.active': {
    status: 409,
    zh: '密钥 {kid} 正在签发停车证，不能删除，请先轮换',
    en: 'Key {kid} is the active signing key; rotate first',
  },
  'signing_key.in_use': {
    status: 409,
    zh: '仍有 {count} 张未过期的停车证使用此密钥（{kid}），请待其过期后再删除',
    en: '{count} unexpired permit token(s) were signed with key {kid}; remove it after they expire',
  },
  'scan.in_future': {
    status: 400,
    zh: '扫描时间不能在将来',
    en: 'The scan time cannot be in the future',
  },
  'scan.one_method': {
    status: 400,
    zh: '请提供二维码、证号或车牌中的一项',
    en: 'Send exactly one of token, permitNumber or plate',
  },
  'visitor_pass.no_household': {
    status: 403,
    zh: '您尚未登记住户，不能申领访客通行证',
    en: 'Only a registered household issues visitor passes',
  },
  'visitor_pass.plate_invalid': {
    status: 400,
    zh: '车牌“{plate}”格式不正确',
    en: '"{plate}" is not a valid plate',
  },
  'visitor_pass.too_long': {
    status: 400,
    zh: '依照{article}，访客通行证每次最长 {maxHours} 小时',
    en: 'Under {article}, a visitor pass lasts at most {maxHours} hours',
  },
  'visitor_pass.quota_used': {
    status: 409,
    zh: '依照{article}，每户每月可申领访客通行证 {quota} 张，本户本月已用完',
    en: 'Under {article}, a household has {quota} visitor passes a month; this household has used them all',
  },
  'move_request.already_answered': {
    status: 409,
    zh: '这条挪车请求已经答复过了',
    en: 'This request was already answered',
  },
  'move_notice.plate_invalid': {
    status: 400,
    zh: '车牌“{plate}”格式不对，无法留下挪车提示',
    en: 'The plate {plate} is not a valid plate; no notice can be left for it',
  },
  'move_notice.expired': {
    status: 410,
    zh: '这张挪车提示已过期',
    en: 'This move notice has expired',
  },
  'plate_check.too_many': {
    status: 429,
    zh: '查询过于频繁，每小时最多 {limit} 次',
    en: 'At most {limit} plate questions an hour; try again later',
  },
});

/** Constraints of the permits tables → the reason a broken one means. */
export const permitsConstraints = defineConstraints({
  // PermitRepository maps this one itself, with the plate; this entry is the fallback.
  permit_one_active_per_scope: 'permit.already_active',
  permit_validity_check: 'permit.validity_order',
});
