import { defineConstraints, defineReasons } from './types';

/** Refusals of the rosters feature: templates, shifts, sign-in, swaps, duty requirements. */
export const rostersReasons = defineReasons({
  'roster.period_date_invalid': {
    status: 400,
    zh: '日期无效：{value}',
    en: 'Not a valid date: {value}',
  },
  'roster.period_end_not_after_start': {
    status: 400,
    zh: '结束时间须晚于开始时间',
    en: 'The end must be after the start',
  },
  'roster.period_too_long': {
    status: 400,
    zh: '时段最长 {days} 天',
    en: 'A period may span at most {days} days',
  },
  'roster.no_templates': {
    status: 400,
    zh: '尚未设置班次模板，请先设置',
    en: 'Set up shift templates first',
  },
  'roster.already_generated': {
    status: 409,
    zh: '此时段已排过班，请手工调整',
    en: 'A roster was already generated for part of this period; adjust it by hand',
  },
  'shift.member_overlapping': {
    status: 409,
    zh: '该成员在此时段已有其他班次',
    en: 'This member is already on an overlapping shift',
  },
  'shift.member_already_on': {
    status: 409,
    zh: '该成员已在此班次',
    en: 'This member is already on this shift',
  },
  'shift.needs_warden': {
    status: 400,
    zh: '此班次须由管理员（红袖标）值守',
    en: 'A warden shift needs a warden',
  },
  'shift.needs_volunteer': {
    status: 400,
    zh: '巡逻须由志愿者或管理员值守',
    en: 'A patrol needs a volunteer or a warden',
  },
  'shift.signed_in': {
    status: 409,
    zh: '班次已签到，不能再更换人员',
    en: 'This shift was signed in; it can no longer change hands',
  },
  'shift.over': { status: 409, zh: '班次已结束', en: 'This shift is over' },
  'shift.drop_not_yours': {
    status: 403,
    zh: '只能放弃自己的班次',
    en: 'You may drop only your own shift',
  },
  'shift.not_on_it': {
    status: 403,
    zh: '您不在此班次',
    en: 'You are not on this shift',
  },
  'shift_template.name_taken': {
    status: 409,
    zh: '班次模板名称已存在',
    en: 'A shift template with this name exists',
  },
  'duty.already_signed_in': { status: 409, zh: '您已签到', en: 'You have already signed in' },
  'duty.missed': {
    status: 409,
    zh: '班次已结束，记为缺勤',
    en: 'This shift is over and is marked missed',
  },
  'duty.too_early': {
    status: 409,
    zh: '尚未到签到时间，请于 {opensAt} 后签到',
    en: 'Too early: sign in from {opensAt} (Beijing time)',
  },
  'duty.not_signed_in': { status: 409, zh: '请先签到', en: 'Sign in first' },
  'duty.already_signed_out': {
    status: 409,
    zh: '您已签退',
    en: 'You have already signed out',
  },
  'swap.offer_not_yours': {
    status: 403,
    zh: '只能让出自己的班次',
    en: 'You may offer only your own shift',
  },
  'swap.shift_started': {
    status: 409,
    zh: '班次已开始，不能再换班',
    en: 'This shift has started; it can no longer be swapped',
  },
  'swap.already_offered': {
    status: 409,
    zh: '此班次已在换班中',
    en: 'This shift is already offered for a swap',
  },
  'swap.own_offer': {
    status: 400,
    zh: '不能接自己让出的班',
    en: 'You cannot take your own offer',
  },
  'swap.not_open': {
    status: 409,
    zh: '此换班已被接走或已撤回',
    en: 'This offer is no longer open',
  },
  'swap.not_taken': {
    status: 409,
    zh: '此换班尚无人接，或已处理',
    en: 'Nobody has taken this offer, or it was decided',
  },
  'swap.shift_moved': {
    status: 409,
    zh: '班次已开始或已换人',
    en: 'The shift has started or changed hands',
  },
  'swap.taker_busy': {
    status: 409,
    zh: '您在此时段已有班次',
    en: 'You are already on an overlapping shift',
  },
  'swap.decided': {
    status: 409,
    zh: '此换班已处理',
    en: 'This swap was already decided',
  },
  'swap.cancel_not_yours': {
    status: 403,
    zh: '只能撤回自己的换班',
    en: 'You may cancel only your own offer',
  },
  'duty_requirement.article_unknown': {
    status: 400,
    // `number`, not `article`: the article does not exist, so it is not cited as one.
    zh: '生效的自治公约中没有第{number}条',
    en: 'The convention in force has no article {number}',
  },
  'duty_requirement.name_taken': {
    status: 409,
    zh: '已有同名的值守要求',
    en: 'A duty requirement with this name exists',
  },
});

/** Constraints of the rosters tables → the reason a broken one means. */
export const rostersConstraints = defineConstraints({
  shift_assignment_no_overlap: 'shift.member_overlapping',
  shift_assignment_shift_member_key: 'shift.member_already_on',
  duty_shift_template_start_key: 'roster.already_generated',
  shift_template_name_key: 'shift_template.name_taken',
  shift_swap_open_key: 'swap.already_offered',
  duty_requirement_name_key: 'duty_requirement.name_taken',
});
