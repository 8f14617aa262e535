import { checkToken, parseApiTokens } from './api-tokens';

describe('REST API tokens', () => {
  const tokens = parseApiTokens('admin-token-0123456789=*, acme-token-0123456789=acme|acme-eu');

  it('lets a wildcard token act on every account', () => {
    expect(checkToken(tokens, 'admin-token-0123456789', 'anyone')).toBe('allowed');
  });

  it('limits a scoped token to its accounts', () => {
    expect(checkToken(tokens, 'acme-token-0123456789', 'acme-eu')).toBe('allowed');
    expect(checkToken(tokens, 'acme-token-0123456789', 'globex')).toBe('other-account');
  });

  it('refuses a missing or unknown token', () => {
    expect(checkToken(tokens, undefined, 'acme')).toBe('unknown-token');
    expect(checkToken(tokens, 'acme-token-012345678', 'acme')).toBe('unknown-token');
  });

  it('accepts no token at all when none are configured', () => {
    expect(checkToken(parseApiTokens(undefined), 'anything-at-all-here', 'acme')).toBe('unknown-token');
  });

  it('explains a malformed entry without echoing the token', () => {
    expect(() => parseApiTokens('short=acme')).toThrow('CONFIG_API_TOKENS entry 1 has a token shorter than 16 characters');
    expect(() => parseApiTokens('secret-token-0123456789')).toThrow(/entry 1 must have the form/);
    try { parseApiTokens('secret-token-0123456789=bad account'); } catch (err) { expect(String(err)).not.toContain('secret-token'); }
  });
});
