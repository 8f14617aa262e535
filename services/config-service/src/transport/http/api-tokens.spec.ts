import { checkToken, derivedTokenName, parseApiTokens } from './api-tokens';

describe('REST API tokens', () => {
  const tokens = parseApiTokens('ops:admin-token-0123456789=*, acme-ci:acme-token-0123456789=acme|acme-eu');

  it('lets a wildcard token act on every account and names it', () => {
    expect(checkToken(tokens, 'admin-token-0123456789', 'anyone')).toEqual({ verdict: 'allowed', name: 'ops' });
  });

  it('limits a scoped token to its accounts', () => {
    expect(checkToken(tokens, 'acme-token-0123456789', 'acme-eu')).toEqual({ verdict: 'allowed', name: 'acme-ci' });
    expect(checkToken(tokens, 'acme-token-0123456789', 'globex')).toEqual({ verdict: 'other-account', name: 'acme-ci' });
  });

  it('refuses a missing or unknown token, and the name alone is no token', () => {
    expect(checkToken(tokens, undefined, 'acme').verdict).toBe('unknown-token');
    expect(checkToken(tokens, 'acme-token-012345678', 'acme').verdict).toBe('unknown-token');
    expect(checkToken(tokens, 'ops:admin-token-0123456789', 'acme').verdict).toBe('unknown-token');
  });

  it('still accepts the older unnamed form, naming the token by a short digest that is not the token', () => {
    const old = parseApiTokens('legacy-token-0123456789=acme');
    const name = derivedTokenName('legacy-token-0123456789');
    expect(name).toMatch(/^token-[0-9a-f]{6}$/);
    expect(checkToken(old, 'legacy-token-0123456789', 'acme')).toEqual({ verdict: 'allowed', name });
  });

  it('keeps a colon inside a named token as part of the token', () => {
    const withColon = parseApiTokens('ci:part-one:part-two-0123=*');
    expect(checkToken(withColon, 'part-one:part-two-0123', 'acme')).toEqual({ verdict: 'allowed', name: 'ci' });
  });

  it('accepts no token at all when none are configured', () => {
    expect(checkToken(parseApiTokens(undefined), 'anything-at-all-here', 'acme').verdict).toBe('unknown-token');
  });

  it('explains a malformed entry without echoing the token', () => {
    expect(() => parseApiTokens('ops:short=acme')).toThrow('CONFIG_API_TOKENS entry 1 has a token shorter than 16 characters');
    expect(() => parseApiTokens('ops:secret-token-0123456789')).toThrow(/entry 1 must have the form name:token=/);
    expect(() => parseApiTokens('bad name:secret-token-0123456789=*')).toThrow(/entry 1 has an invalid name/);
    expect(() => parseApiTokens('a:secret-token-0123456789=*,a:other-token-01234567890=*')).toThrow(/entry 2 repeats the name a/);
    for (const bad of ['ops:secret-token-0123456789=bad account', 'bad name:secret-token-0123456789=*']) {
      try { parseApiTokens(bad); } catch (err) { expect(String(err)).not.toContain('secret-token'); }
    }
  });
});
