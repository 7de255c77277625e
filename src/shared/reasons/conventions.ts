import { defineConstraints, defineReasons } from './types';

/** Refusals of the convention: versions, comments, votes, acknowledgements. */
export const conventionsReasons = defineReasons({
  'convention.none_in_force': {
    status: 404,
    zh: '尚无生效的自治公约，适用默认规则',
    en: 'No convention is in force yet; the default rules apply',
  },
});

/** Constraints of the conventions tables → the reason a broken one means. */
export const conventionsConstraints = defineConstraints({});
