import { fill, pickLang } from '../i18n';
import { CONSTRAINT_REASONS, REASON_GROUPS, REASONS, isReason, renderReason } from '.';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the message catalogue', () => {
  it('declares every reason once, across all features', () => {
    const seen = new Map<string, string>();
    for (const [group, entries] of Object.entries(REASON_GROUPS)) {
      for (const key of Object.keys(entries)) {
        expect(seen.get(key) ?? group).toBe(group);
        seen.set(key, group);
      }
    }
    expect(seen.size).toBe(Object.keys(REASONS).length);
  });

  const speaking = Object.entries(REASONS);
  it.each(speaking)('%s speaks each language once, with the same params', (_, e) => {
    expect(e.zh.trim()).not.toBe('');
    expect(e.en.trim()).not.toBe('');
    expect(placeholders(e.zh)).toEqual(placeholders(e.en));
    // One language per message: no "中文 / English" pairs.
    expect(e.zh).not.toMatch(/ \/ [A-Za-z]/);
    expect(e.en).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('maps constraints only to reasons it declares', () => {
    for (const reason of Object.values(CONSTRAINT_REASONS)) expect(isReason(reason)).toBe(true);
  });

  it('renders a reason in the reader’s language, nouns translated', () => {
    expect(renderReason('not_found', { what: 'permit', id: 'x' }, 'zh-CN')).toBe('未找到停车证');
    expect(renderReason('not_found', { what: 'permit' }, 'en')).toBe('The permit was not found');
    expect(renderReason('rate.limited', { seconds: 30 }, 'en')).toContain('30 seconds');
  });
});

describe('fill', () => {
  it('fills known placeholders and keeps unknown ones visible', () => {
    expect(fill('车位{code}已被占用', { code: 'XG-07' })).toBe('车位XG-07已被占用');
    expect(fill('{a} and {b}', { a: 1 })).toBe('1 and {b}');
    expect(fill('or {} for all', {})).toBe('or {} for all');
  });
});

describe('pickLang', () => {
  it.each([
    [undefined, 'zh-CN'],
    ['', 'zh-CN'],
    ['en', 'en'],
    ['en-GB,en;q=0.9', 'en'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    ['en;q=0.5,zh-TW;q=0.9', 'zh-CN'],
    ['fr-FR,fr;q=0.9', 'zh-CN'],
    ['fr, en;q=0.1', 'en'],
    ['en;q=0', 'zh-CN'],
    ['*', 'zh-CN'],
  ])('%s → %s', (header, lang) => {
    expect(pickLang(header)).toBe(lang);
  });
});
