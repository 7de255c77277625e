import { defineConstraints, defineReasons } from './types';

/** Refusals of the sharing feature. */
export const sharingReasons = defineReasons({});

/** Constraints of the sharing tables → the reason a broken one means. */
export const sharingConstraints = defineConstraints({});
