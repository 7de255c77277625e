import { defineConstraints, defineReasons } from './types';

/** Refusals of the spaces feature. */
export const spacesReasons = defineReasons({});

/** Constraints of the spaces tables → the reason a broken one means. */
export const spacesConstraints = defineConstraints({});
