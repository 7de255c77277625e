import { defineConstraints, defineReasons } from './types';

/** Refusals of admission by public lottery (公开抽签). */
export const drawsReasons = defineReasons({
  'draw.not_published': {
    status: 409,
    zh: '请先公布抽签种子的哈希值，再进行抽签',
    en: "Publish the draw's seed hash first, then draw",
  },
  'draw.already_open': {
    status: 409,
    zh: '这项共享已有一次公布待抽的抽签',
    en: 'This offer already has a published draw waiting to be drawn',
  },
  'draw.published_admit_by_draw': {
    status: 409,
    zh: '这项共享已公布抽签，请按抽签录取，不能按登记先后录取',
    en: 'This offer has a published draw: admit by drawing it, not in registration order',
  },
  'draw.nobody_waiting': {
    status: 409,
    zh: '没有正在排队的登记，无需抽签',
    en: 'Nobody is waiting: there is nothing to draw',
  },
});

export const drawsConstraints = defineConstraints({
  allocation_draw_open_key: 'draw.already_open',
});
