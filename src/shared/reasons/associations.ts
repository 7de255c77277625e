import { defineConstraints, defineReasons } from './types';

/** Refusals of the associations feature. */
export const associationsReasons = defineReasons({});

/** Constraints of the associations tables → the reason a broken one means. */
export const associationsConstraints = defineConstraints({});
