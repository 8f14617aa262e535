import { validateAuthorize, validateChallenge, validateExplain, validateLockouts, validateVerify } from './auth-request.validation';

const good = { domain: 'acme.example.net', sourceIp: '192.0.2.1', method: 'INVITE', requestUri: 'sip:+1555@acme.example.net' };
const fields = (r: { ok: boolean; details?: { field: string }[] }) => (r.ok ? [] : r.details!.map((d) => d.field).sort());

describe('auth request validation', () => {
  it('accepts a complete authorize request and parses its source and Request-URI host', () => {
    const r = validateAuthorize({ ...good, sourceIp: '::ffff:192.0.2.1', authorization: 'Digest x=1', body: '' });
    expect(r).toMatchObject({ ok: true, value: { source: { family: 4, mapped: true }, requestUri: { host: 'acme.example.net' }, authorization: 'Digest x=1', body: '' } });
  });

  it('takes an empty or blank authorization as no credentials, so the caller is challenged', () => {
    for (const authorization of ['', '   ']) {
      const r = validateAuthorize({ ...good, authorization });
      expect(r.ok && 'authorization' in r.value).toBe(false);
    }
  });

  it('names every missing or invalid field at once', () => {
    expect(fields(validateAuthorize({}) as never)).toEqual(['domain', 'method', 'requestUri', 'sourceIp']);
    expect(fields(validateAuthorize({ ...good, sourceIp: '10.1', method: 'IN VITE', requestUri: 'tel:+1555', authorization: 7 }) as never))
      .toEqual(['authorization', 'method', 'requestUri', 'sourceIp']);
  });

  it.each([null, [], 'text', 42])('refuses a body that is not an object (%j)', (body) => {
    expect(validateAuthorize(body)).toEqual({ ok: false, details: [{ field: '(body)', message: 'must be a JSON object' }] });
  });

  it('makes sourceIp optional for challenge and verify but still checks it when given', () => {
    expect(validateChallenge({ domain: 'acme.example.net' })).toEqual({ ok: true, value: { domain: 'acme.example.net' } });
    expect(fields(validateChallenge({ domain: 'acme.example.net', sourceIp: 'fe80::1%eth0' }) as never)).toEqual(['sourceIp']);
    expect(fields(validateVerify({ ...good, sourceIp: undefined }) as never)).toEqual(['authorization']);
  });

  it('refuses oversized strings instead of scanning them', () => {
    expect(fields(validateAuthorize({ ...good, domain: 'a'.repeat(10_000) }) as never)).toEqual(['domain']);
  });

  it('takes a transactionId on authorize, challenge and verify, and refuses an empty, oversized or non-string one', () => {
    expect(validateAuthorize({ ...good, transactionId: 'z9hG4bK776asdhds' })).toMatchObject({ ok: true, value: { transactionId: 'z9hG4bK776asdhds' } });
    expect(validateVerify({ ...good, authorization: 'Digest x=1', transactionId: 'z9hG4bK1' })).toMatchObject({ ok: true, value: { transactionId: 'z9hG4bK1' } });
    for (const transactionId of ['', 'z'.repeat(257), 7]) {
      expect(fields(validateAuthorize({ ...good, transactionId }) as never)).toEqual(['transactionId']);
      expect(fields(validateChallenge({ domain: 'acme.example.net', transactionId }) as never)).toEqual(['transactionId']);
    }
  });

  it('keeps the source of a verify request for the lockout', () => {
    expect(validateVerify({ ...good, authorization: 'Digest x=1' })).toMatchObject({ ok: true, value: { source: { family: 4 } } });
  });

  it('validates explain: domain and sourceIp required, INVITE by default, username and password together', () => {
    expect(validateExplain({ domain: 'acme.example.net', sourceIp: '192.0.2.1' })).toMatchObject({ ok: true, value: { method: 'INVITE' } });
    expect(validateExplain({ domain: 'acme.example.net', sourceIp: '192.0.2.1', method: 'ACK', username: 'a', password: 'p' }))
      .toMatchObject({ ok: true, value: { method: 'ACK', username: 'a', password: 'p' } });
    expect(fields(validateExplain({ username: 'a' }) as never)).toEqual(['domain', 'password', 'sourceIp']);
    expect(fields(validateExplain({ domain: 'd', sourceIp: '192.0.2.1', password: 'p', method: 'BAD METHOD' }) as never)).toEqual(['method', 'username']);
  });

  it('validates the lockout requests, normalising a given source', () => {
    expect(validateLockouts({ accountId: 'AC1', trunkId: 'TK1', sourceIp: '::ffff:192.0.2.1' }, true)).toEqual({ ok: true, value: { accountId: 'AC1', trunkId: 'TK1', sourceIp: '192.0.2.1' } });
    expect(fields(validateLockouts({ sourceIp: 'x' }, true) as never)).toEqual(['accountId', 'sourceIp', 'trunkId']);
  });
});
