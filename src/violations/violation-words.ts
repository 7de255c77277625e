// The violation ledger's values in words, as the council writes them on paper.
import type { PenaltyAction } from '../conventions/convention-parameters';
import type { Lang } from '../shared/i18n';
import type { AppealStatus, ViolationKind } from './violation';

type Words<K extends string> = Record<K, Record<Lang, string>>;

export const KIND_WORDS: Words<ViolationKind> = {
  no_permit: { 'zh-CN': '无证停车', en: 'No permit' },
  wrong_space: { 'zh-CN': '占用他人车位', en: "Someone else's space" },
  overstay: { 'zh-CN': '共享车位超时', en: 'Shared space overstay' },
  blocking_passage: { 'zh-CN': '堵塞通道/消防通道', en: 'Blocking a passage or fire lane' },
  no_parking_window: { 'zh-CN': '禁停时段停车', en: 'No-parking hours' },
};

export const ACTION_WORDS: Words<PenaltyAction> = {
  persuasion: { 'zh-CN': '劝导', en: 'Persuasion' },
  notice: { 'zh-CN': '书面告知', en: 'Written notice' },
  suspension: { 'zh-CN': '暂停停车证', en: 'Permit suspended' },
};

export const APPEAL_WORDS: Words<AppealStatus> = {
  none: { 'zh-CN': '未申诉', en: 'not appealed' },
  pending: { 'zh-CN': '申诉待处理', en: 'appeal pending' },
  upheld: { 'zh-CN': '申诉驳回，维持处理', en: 'appeal rejected, upheld' },
  overturned: { 'zh-CN': '申诉成立，已撤销', en: 'appeal accepted, overturned' },
};
