import { formatChallenge, parseChallenge } from './index';

describe('formatChallenge', () => {
  it('writes realm, nonce, algorithm and qop in the usual order', () => {
    expect(formatChallenge({ realm: 'sipauth.test', nonce: 'abc', algorithm: 'SHA-256', qop: ['auth'] }))
      .toBe('Digest realm="sipauth.test", nonce="abc", algorithm=SHA-256, qop="auth"');
  });

  it('adds opaque, stale and userhash when given', () => {
    expect(formatChallenge({ realm: 'r', nonce: 'n', algorithm: 'MD5', qop: ['auth', 'auth-int'], opaque: 'o', stale: true, userhash: false }))
      .toBe('Digest realm="r", nonce="n", algorithm=MD5, qop="auth,auth-int", opaque="o", stale=true, userhash=false');
  });

  it('escapes quotes in values and refuses line breaks', () => {
    expect(formatChallenge({ realm: 'a"b', nonce: 'n', algorithm: 'MD5' })).toBe('Digest realm="a\\"b", nonce="n", algorithm=MD5');
    expect(() => formatChallenge({ realm: 'a\nb', nonce: 'n', algorithm: 'MD5' })).toThrow(TypeError);
  });
});

describe('parseChallenge', () => {
  it('reads the RFC 7616 §3.9.2 challenge, ignoring charset', () => {
    const r = parseChallenge('Digest\r\n realm="api@example.org",\r\n qop="auth",\r\n algorithm=SHA-512-256,\r\n' +
      ' nonce="5TsQWLVdgBdmrQ0XsxbDODV+57QdFR34I9HAbC/RVvkK",\r\n opaque="HRPCssKJSGjCrkzDg8OhwpzCiGPChXYjwrI2QmXDnsOS",\r\n' +
      ' charset=UTF-8,\r\n userhash=true');
    expect(r).toEqual({ ok: true, value: {
      realm: 'api@example.org', nonce: '5TsQWLVdgBdmrQ0XsxbDODV+57QdFR34I9HAbC/RVvkK', algorithm: 'SHA-512-256',
      qop: ['auth'], opaque: 'HRPCssKJSGjCrkzDg8OhwpzCiGPChXYjwrI2QmXDnsOS', userhash: true,
    } });
  });

  it('splits a qop list with spaces and treats any stale other than true as false', () => {
    const r = parseChallenge('Digest realm="r", nonce="n", qop="auth, auth-int", stale=FALSE');
    expect(r).toMatchObject({ ok: true, value: { algorithm: 'MD5', qop: ['auth', 'auth-int'], stale: false } });
    expect(parseChallenge('Digest realm="r", nonce="n", stale=TRUE')).toMatchObject({ ok: true, value: { stale: true } });
  });

  it('rejects a challenge without realm or nonce, or with an unknown algorithm', () => {
    expect(parseChallenge('Digest nonce="n"')).toMatchObject({ ok: false, reason: 'malformed-credentials', message: 'realm is missing' });
    expect(parseChallenge('Digest realm="r"')).toMatchObject({ ok: false, reason: 'malformed-credentials', message: 'nonce is missing' });
    expect(parseChallenge('Digest realm="r", nonce="n", algorithm=SHA-1')).toMatchObject({ ok: false, reason: 'algorithm-unsupported' });
  });
});
