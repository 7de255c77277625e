import { defineConstraints, defineReasons } from './types';

/** Refusals of the live feature. */
export const liveReasons = defineReasons({
  'live.subscribe_invalid': {
    status: 400,
    zh: '订阅格式不正确：请用 {keys} 之一，或用 {} 订阅您可查看的全部',
    en: 'Subscribe with one of {keys}, or {} for everything you may see',
  },
  'live.too_many_subscribes': {
    status: 429,
    zh: '订阅过于频繁，请{seconds}秒后再试',
    en: 'Too many subscriptions: try again in {seconds} seconds',
  },
  'live.too_many_sockets': {
    status: 429,
    zh: '同一账号最多同时保持{limit}个实时连接，最早的连接已断开',
    en: 'One account may keep at most {limit} live connections; the oldest was closed',
  },
  'live.access_changed': {
    status: 401,
    zh: '您的账号权限已变更，请重新登录',
    en: 'Your access has changed; please log in again',
  },
});

/** Constraints of the live tables → the reason a broken one means. */
export const liveConstraints = defineConstraints({});
