import { defineConstraints, defineReasons } from './types';

/** Refusals of the violations feature: recording, appeals, the ledger. */
export const violationsReasons = defineReasons({
  'violation.recorders_only': {
    status: 403,
    zh: '只有管理员和理事会可以记录违约',
    en: 'Only wardens and the council record violations',
  },
  'violation.in_future': {
    status: 400,
    zh: '违约时间不能晚于现在',
    en: 'A violation cannot be recorded for a time in the future',
  },
  'violation.warden_off_duty': {
    status: 403,
    zh: '依照{article}，只有当班的管理员可以记录违约',
    en: 'Under {article}, only a warden on duty may record a violation',
  },
  'violation.no_window_then': {
    status: 409,
    zh: '依照{article}，该时间不在任何禁停时段内',
    en: 'Under {article}, no no-parking window covers that time',
  },
  'violation.no_such_article': {
    status: 400,
    zh: '现行版本中没有{article}',
    en: 'The version in force has no {article}',
  },
  'violation.household_only_appeals': {
    status: 403,
    zh: '只有被记录的住户可以申诉',
    en: 'Only the household concerned may appeal',
  },
  'violation.already_appealed': {
    status: 409,
    zh: '该记录已申诉过',
    en: 'This violation has already been appealed',
  },
  'violation.no_pending_appeal': {
    status: 409,
    zh: '该记录没有待决的申诉',
    en: 'This violation has no pending appeal',
  },
  'violation.ledger_readers': {
    status: 403,
    zh: '违约台账仅供理事会和街道查阅',
    en: 'The violation ledger is for the council and the street office',
  },
  'violation.units_cannot_read': {
    status: 403,
    zh: '驻区单位不能查看违约记录',
    en: 'Resident units do not see violations',
  },
});

/** Constraints of the violations tables → the reason a broken one means. */
export const violationsConstraints = defineConstraints({});
