// Words a ledger writes where the database holds a code: 是/否 for a flag, and the period line.
import type { Lang } from '../../shared/i18n';
import { shanghaiDateTime } from '../shanghai-time';

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
