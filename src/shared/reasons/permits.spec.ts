import { articleLabel, renderReason } from '.';

describe('permit refusals that rest on a convention article', () => {
  it('cite the article in each language, or the default rules when none is in force', () => {
    const params = { quota: 4, article: 4 };
    expect(renderReason('visitor_pass.quota_used', params, 'zh-CN')).toBe(
      '依照公约第四条，每户每月可申领访客通行证 4 张，本户本月已用完',
    );
    expect(renderReason('visitor_pass.quota_used', params, 'en')).toBe(
      'Under Article 4 of the convention, a household has 4 visitor passes a month; this household has used them all',
    );
    expect(renderReason('visitor_pass.too_long', { maxHours: 24, article: null }, 'zh-CN')).toBe(
      '依照默认规则，访客通行证每次最长 24 小时',
    );
    expect(renderReason('visitor_pass.too_long', { maxHours: 24, article: null }, 'en')).toBe(
      'Under the default rules, a visitor pass lasts at most 24 hours',
    );
  });

  it.each([
    [1, '第一条'],
    [9, '第九条'],
    [10, '第十条'],
    [14, '第十四条'],
    [20, '第二十条'],
    [37, '第三十七条'],
  ])('article %i is %s', (number, label) => {
    expect(articleLabel(number)).toBe(label);
  });
});
