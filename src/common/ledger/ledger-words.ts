// Words a ledger writes where the database holds a code: 是/否 for a flag, and the period line.
import type { Role } from '../../auth/role';
import type { Lang } from '../../shared/i18n';
import type { PlateColor } from '../../shared/plate';
import { shanghaiDate, shanghaiDateTime } from '../shanghai-time';

export function yesNo(value: boolean | null | undefined, lang: Lang): string {
  if (value === null || value === undefined) return '';
  if (lang === 'en') return value ? 'yes' : 'no';
  return value ? '是' : '否';
}

/** "2026年11月" for a month filter, else "截至 2026-11-30 20:00" (Beijing time). */
export function periodOf(month: string | undefined, now: Date, lang: Lang): string {
  if (month) {
    const [year, mm] = month.split('-');
    return lang === 'en' ? month : `${year}年${Number(mm)}月`;
  }
  return lang === 'en' ? `as of ${shanghaiDateTime(now)}` : `截至 ${shanghaiDateTime(now)}`;
}

const ROLE_WORDS: Record<Role, Record<Lang, string>> = {
  admin: { 'zh-CN': '理事', en: 'Council' },
  warden: { 'zh-CN': '红袖标', en: 'Warden' },
  resident: { 'zh-CN': '居民', en: 'Resident' },
  unit: { 'zh-CN': '驻区单位', en: 'Resident unit' },
  viewer: { 'zh-CN': '街道/社区', en: 'Street office' },
  street: { 'zh-CN': '街道', en: 'Street office' },
};

const COLOR_WORDS: Record<PlateColor, Record<Lang, string>> = {
  blue: { 'zh-CN': '蓝牌', en: 'blue' },
  yellow: { 'zh-CN': '黄牌', en: 'yellow' },
  green: { 'zh-CN': '绿牌', en: 'green' },
  white: { 'zh-CN': '白牌', en: 'white' },
  black: { 'zh-CN': '黑牌', en: 'black' },
};

export function roleWord(role: string | null | undefined, lang: Lang): string {
  if (!role) return '';
  return ROLE_WORDS[role as Role]?.[lang] ?? role;
}

/** Every word a role is written as, in either language, back to the role: for re-imports. */
export const ROLE_BY_WORD: Readonly<Record<string, Role>> = Object.fromEntries(
  Object.entries(ROLE_WORDS).flatMap(([role, words]) =>
    Object.values(words).map((word) => [word, role as Role]),
  ),
);

export function plateColorWord(color: string | null | undefined, lang: Lang): string {
  if (!color) return '';
  return COLOR_WORDS[color as PlateColor]?.[lang] ?? color;
}

/**
 * The period a from/to filter covers, in Beijing dates: "2026-11-01 至 2026-11-30" (`to` is
 * exclusive, so its last day is the day before), "2026-11-01 起" or "截至 2026-11-30 20:00".
 */
export function spanOf(
  from: Date | undefined,
  to: Date | undefined,
  now: Date,
  lang: Lang,
): string {
  const last = to ? shanghaiDate(new Date(to.getTime() - 1)) : undefined;
  const until = lang === 'en' ? ' to ' : ' 至 ';
  if (from && last) return `${shanghaiDate(from)}${until}${last}`;
  if (from) {
    return lang === 'en'
      ? `from ${shanghaiDate(from)}, as of ${shanghaiDateTime(now)}`
      : `${shanghaiDate(from)} 起，截至 ${shanghaiDateTime(now)}`;
  }
  if (last) return lang === 'en' ? `until ${last}` : `至 ${last}`;
  return periodOf(undefined, now, lang);
}
