import { defineConstraints, defineReasons } from './types';

/** Refusals of registering resident units (驻区单位), their agreements (协议) and staff. */
export const unitsReasons = defineReasons({
  'unit.street_or_council': {
    status: 403,
    zh: '驻区单位由街道或本车友会理事会登记',
    en: "Only the street office or the association's council registers resident units",
  },
  'unit.name_taken': {
    status: 409,
    zh: '本车友会已登记同名的驻区单位',
    en: 'A resident unit with this name is already registered in this association',
  },
  'agreement.date_invalid': {
    status: 400,
    zh: '日期{date}不存在',
    en: 'There is no such date as {date}',
  },
  'agreement.term_reversed': {
    status: 400,
    zh: '协议期限的结束日期（{termTo}）早于开始日期（{termFrom}）',
    en: 'The agreement ends ({termTo}) before it begins ({termFrom})',
  },
  'agreement.signed_after_term': {
    status: 400,
    zh: '签订日期（{signedOn}）晚于协议结束日期（{termTo}）',
    en: 'The agreement was signed ({signedOn}) after its term ended ({termTo})',
  },
  'agreement.changed_meanwhile': {
    status: 409,
    zh: '协议刚被他人修改，请刷新后重试',
    en: 'Someone changed the agreement just now: reload and try again',
  },
});

export const unitsConstraints = defineConstraints({
  resident_unit_name_key: 'unit.name_taken',
  unit_agreement_version_key: 'agreement.changed_meanwhile',
});
