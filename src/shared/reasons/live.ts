import { defineConstraints, defineReasons } from './types';

/** Refusals of the live feature. */
export const liveReasons = defineReasons({
  'live.subscribe_invalid': {
    status: 400,
    zh: '订阅格式不正确：请用 {keys} 之一，或用 {} 订阅您可查看的全部',
    en: 'Subscribe with one of {keys}, or {} for everything you may see',
  },
});

/** Constraints of the live tables → the reason a broken one means. */
export const liveConstraints = defineConstraints({});
