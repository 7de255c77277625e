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
  'violation.units_cannot_read': {
    status: 403,
    zh: '驻区单位不能查看违约记录',
    en: 'Resident units do not see violations',
  },
  'persuasion.recorders_only': {
    status: 403,
    zh: '只有管理员和理事会可以记录劝导',
    en: 'Only wardens and the council record persuasion',
  },
  'persuasion.in_future': {
    status: 400,
    zh: '劝导时间不能晚于现在',
    en: 'A persuasion cannot be recorded for a time in the future',
  },
  'persuasion.photo_format': {
    status: 400,
    zh: '照片须为JPEG或PNG图片',
    en: 'A photo must be a JPEG or PNG picture',
  },
  'persuasion.photo_too_large': {
    status: 413,
    zh: '照片不能超过{kb}KB，请缩小后再传',
    en: 'A photo may be at most {kb} KB; shrink it and send it again',
  },
  'persuasion.photos_full': {
    status: 409,
    zh: '每条劝导记录最多三张照片',
    en: 'A persuasion record holds at most three photos',
  },
});

/** Constraints of the violations tables → the reason a broken one means. */
export const violationsConstraints = defineConstraints({
  persuasion_photo_position_key: 'persuasion.photos_full',
});
