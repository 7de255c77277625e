// Pure: no Nest, no DOM. Imported by the server and bundled into the web client.

/** The languages replies and screens are written in. Chinese first: most members are older residents. */
export const LANGS = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'zh-CN';

export type ParamValue = string | number | boolean | null | undefined;
export type Params = Record<string, ParamValue>;

/** Replaces `{name}` placeholders with params; an unknown placeholder stays visible. */
export function fill(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined || value === null ? whole : String(value);
  });
}

/**
 * The language to answer in, from an Accept-Language header (`en-GB,en;q=0.9,zh;q=0.8`): the
 * highest-weighted tag we speak wins; anything else, or nothing, is Chinese.
 */
export function pickLang(header: string | null | undefined): Lang {
  if (!header) return DEFAULT_LANG;
  let best: { lang: Lang; q: number } | undefined;
  for (const part of header.slice(0, 256).split(',')) {
    const [tag = '', ...attributes] = part.trim().toLowerCase().split(';');
    const qAttribute = attributes.find((a) => a.trim().startsWith('q='));
    const q = qAttribute ? Number(qAttribute.trim().slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    const lang = tag.startsWith('zh') ? 'zh-CN' : tag.startsWith('en') ? 'en' : undefined;
    if (lang && (!best || q > best.q)) best = { lang, q };
  }
  return best?.lang ?? DEFAULT_LANG;
}
