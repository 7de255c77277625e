import { defineConstraints, defineReasons } from './types';

/** Refusals of the violations feature. */
export const violationsReasons = defineReasons({});

/** Constraints of the violations tables → the reason a broken one means. */
export const violationsConstraints = defineConstraints({});
