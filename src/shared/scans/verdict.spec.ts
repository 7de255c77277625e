import { judgeFacts, VERDICT_CAUSES, type VerdictFacts, verdictMessage } from './verdict';

describe('the judge both sides share', () => {
  const facts = (over: Partial<VerdictFacts> = {}): VerdictFacts => ({
    standing: { state: 'active' },
    inScope: true,
    plateMatches: true,
    shared: false,
    ...over,
  });

  it('reads the standing first, then the place, the plate and the hours', () => {
    const revokedElsewhere = facts({ standing: { state: 'revoked' }, inScope: false });
    expect(judgeFacts(revokedElsewhere).verdict).toBe('revoked');
    expect(judgeFacts(facts({ inScope: false, plateMatches: false })).verdict).toBe('wrong_scope');
    expect(judgeFacts(facts({ plateMatches: false, shared: true })).verdict).toBe('plate_mismatch');
    expect(judgeFacts(facts({ shared: true, withinWindow: false })).verdict).toBe('outside_window');
    expect(judgeFacts(facts()).verdict).toBe('valid');
  });

  it('fails closed when a shared permit’s hours cannot be read', () => {
    expect(judgeFacts(facts({ shared: true }))).toEqual({
      verdict: 'unknown',
      cause: 'windows_unreadable',
      params: {},
    });
  });

  it('says every cause in one language at a time, with the time when it is known', () => {
    for (const cause of VERDICT_CAUSES) {
      const zh = verdictMessage(cause, {}, 'zh-CN');
      const en = verdictMessage(cause, {}, 'en');
      expect(zh).toMatch(/[\u4e00-\u9fff]/);
      expect(zh).not.toMatch(/[A-Za-z]/);
      expect(en).not.toMatch(/[\u4e00-\u9fff]/);
    }
    const at = '2026-12-01 08:00';
    const suspended = judgeFacts(facts({ standing: { state: 'suspended', at } }));
    expect(verdictMessage(suspended.cause, suspended.params, 'zh-CN')).toBe(
      '停车证暂停使用至2026-12-01 08:00',
    );
    expect(verdictMessage(suspended.cause, suspended.params, 'en')).toBe(
      'The permit is suspended until 2026-12-01 08:00',
    );
  });
});
