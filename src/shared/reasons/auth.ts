import { defineConstraints, defineReasons } from './types';

/** Refusals of logging in, tokens, sessions and passwords. */
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
  'auth.session_ended': {
    status: 401,
    zh: '登录已失效（已退出、密码或权限已变更），请重新登录',
    en: 'This login has ended (logged out, or the password or access changed); please log in again',
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
  'password.too_short': {
    status: 400,
    zh: '密码至少需要{min}个字符',
    en: 'A password needs at least {min} characters',
  },
  'password.too_common': {
    status: 400,
    zh: '这个密码太常见，容易被猜中，请换一个',
    en: 'This password is too common and easy to guess; choose another',
  },
  'password.contains_phone': {
    status: 400,
    zh: '密码不能包含手机号',
    en: 'A password must not contain the phone number',
  },
  'password.current_required': {
    status: 400,
    zh: '修改自己的密码需要填写当前密码',
    en: 'Changing your own password needs your current password',
  },
  'password.current_wrong': {
    status: 403,
    zh: '当前密码不正确',
    en: 'The current password is not right',
  },
});

/** Constraints of the auth tables → the reason a broken one means. */
export const authConstraints = defineConstraints({});
