import { defineConstraints, defineReasons } from './types';

/** Refusals of logging in, tokens and sessions. */
export const authReasons = defineReasons({
  'auth.login_required': { status: 401, zh: '请先登录', en: 'Please log in first' },
  'auth.token_invalid': {
    status: 401,
    zh: '登录凭证无效，请重新登录',
    en: 'Your login is not valid; please log in again',
  },
  'auth.session_expired': {
    status: 401,
    zh: '登录已过期，请重新登录',
    en: 'Your session has expired; please log in again',
  },
  'auth.wrong_login': {
    status: 401,
    zh: '手机号或密码错误',
    en: 'Wrong phone number or password',
  },
  'auth.refresh_invalid': {
    status: 401,
    zh: '登录已失效，请重新登录',
    en: 'This login has ended; please log in again',
  },
});

/** Constraints of the auth tables → the reason a broken one means. */
export const authConstraints = defineConstraints({});
