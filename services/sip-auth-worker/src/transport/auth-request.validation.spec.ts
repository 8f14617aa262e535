import { validateAuthorize, validateChallenge, validateVerify } from './auth-request.validation';

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
});
