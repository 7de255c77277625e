import { useEffect, useState } from 'preact/hooks';
import type { Lang as SharedLang } from '../../shared/i18n';
import * as core from './messages/core';
import * as spaces from './messages/spaces';
import * as permits from './messages/permits';
import * as sharing from './messages/sharing';
import * as rosters from './messages/rosters';
import * as conventions from './messages/conventions';
import * as street from './messages/street';
import * as dailyWork from './messages/daily-work';
import * as payments from './messages/payments';
import * as units from './messages/units';
import * as writtenAnswers from './messages/written-answers';
import * as printing from './messages/printing';
import * as households from './messages/households';
import * as resident from './messages/resident';
import * as vehicleChanges from './messages/vehicle-changes';
import * as consent from './messages/consent';

// Chinese first: most members are older residents of the lane. English for visitors and staff
// of resident units. Each feature keeps its strings in messages/<feature>.ts; there `en` is typed against
// `zh`, so a missing translation fails the client type-check.
const zh = {
  ...core.zh,
  ...spaces.zh,
  ...permits.zh,
  ...sharing.zh,
  ...rosters.zh,
  ...conventions.zh,
  ...street.zh,
  ...dailyWork.zh,
  ...payments.zh,
  ...units.zh,
  ...writtenAnswers.zh,
  ...printing.zh,
  ...households.zh,
  ...resident.zh,
  ...vehicleChanges.zh,
  ...consent.zh,
};

export type MessageKey = keyof typeof zh;

const en: Record<MessageKey, string> = {
  ...core.en,
  ...spaces.en,
  ...permits.en,
  ...sharing.en,
  ...rosters.en,
  ...conventions.en,
  ...street.en,
  ...dailyWork.en,
  ...payments.en,
  ...units.en,
  ...writtenAnswers.en,
  ...printing.en,
  ...households.en,
  ...resident.en,
  ...vehicleChanges.en,
  ...consent.en,
};

export type Lang = 'zh' | 'en';

const DICTIONARIES: Record<Lang, Record<MessageKey, string>> = { zh, en };
const STORAGE_KEY = 'hutong.lang';
const listeners = new Set<(lang: Lang) => void>();

let current: Lang = readStoredLang();
document.documentElement.lang = htmlLang(current);

/** The text for `key` in the current language; `{name}` placeholders take values from params. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  const text = DICTIONARIES[current][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function getLang(): Lang {
  return current;
}

export function setLang(lang: Lang): void {
  if (lang === current) return;
  current = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode may refuse storage; the choice still holds until the page closes.
  }
  document.documentElement.lang = htmlLang(lang);
  for (const listener of listeners) listener(lang);
}

/** Re-renders the calling component when the language changes; returns the current language. */
export function useLang(): Lang {
  const [lang, setState] = useState(current);
  useEffect(() => {
    listeners.add(setState);
    setState(current);
    return () => void listeners.delete(setState);
  }, []);
  return lang;
}

/** The current language as the shared modules name it (src/shared/i18n.ts). */
export function sharedLang(): SharedLang {
  return current === 'en' ? 'en' : 'zh-CN';
}

/** The language tag the server answers in (Accept-Language, the live socket's `lang`). */
export function requestLang(): string {
  return htmlLang(current);
}

function readStoredLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

function htmlLang(lang: Lang): string {
  return lang === 'zh' ? 'zh-CN' : 'en';
}
