import { defineConstraints, defineReasons } from './types';

/** Refusals of the rosters feature. */
export const rostersReasons = defineReasons({});

/** Constraints of the rosters tables → the reason a broken one means. */
export const rostersConstraints = defineConstraints({});
