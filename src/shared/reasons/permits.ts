import { defineConstraints, defineReasons } from './types';

/** Refusals of permits, scans, visitor passes, signing keys and move requests. */
export const permitsReasons = defineReasons({
  'plate_check.too_many': {
    status: 429,
    zh: '查询过于频繁，每小时最多 {limit} 次',
    en: 'At most {limit} plate questions an hour; try again later',
  },
});

/** Constraints of the permits tables → the reason a broken one means. */
export const permitsConstraints = defineConstraints({});
