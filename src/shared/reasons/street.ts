import { defineConstraints, defineReasons } from './types';

/** Refusals of the street office's work: onboarding associations and their councils. */
export const streetReasons = defineReasons({
  'street.only': {
    status: 403,
    zh: '只有街道办事处的工作人员可以办理',
    en: 'Only street-office staff may do this',
  },
  'association.name_taken': {
    status: 409,
    zh: '已有同名的车友会',
    en: 'An association with this name already exists',
  },
});

export const streetConstraints = defineConstraints({
  association_name_key: 'association.name_taken',
});
