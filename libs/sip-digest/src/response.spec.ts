import { createHash } from 'node:crypto';
import {
  DigestCredentials, computeHa1, computeHa1s, computeResponse, computeUserhash, hashHex, parseCredentials, safeEqual, verifyResponse,
} from './index';

const md5 = (s: string) => createHash('md5').update(s).digest('hex');
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

describe('digest response computation', () => {
  it('reproduces the RFC 2617 §3.5 example (MD5, qop=auth)', () => {
    const ha1 = computeHa1('MD5', 'Mufasa', 'testrealm@host.com', 'Circle Of Life');
    const header = 'Digest username="Mufasa", realm="testrealm@host.com", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", ' +
      'uri="/dir/index.html", qop=auth, nc=00000001, cnonce="0a4f113b", response="6629fae49393a05397450978507c4ef1", ' +
      'opaque="5ccc069c403ebaf9f0171e9517f40e41"';
    const parsed = parseCredentials(header);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(computeResponse({ ...parsed.value, ha1, method: 'GET' })).toBe('6629fae49393a05397450978507c4ef1');
    expect(verifyResponse(parsed.value, { ha1, method: 'GET' })).toBe(true);
    expect(verifyResponse(parsed.value, { ha1, method: 'POST' })).toBe(false);
  });

  describe('RFC 7616 §3.9.1 (password "Circle of Life", erratum 4495)', () => {
    const common = {
      nonce: '7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v', nc: '00000001', qop: 'auth' as const,
      cnonce: 'f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ', method: 'GET', uri: '/dir/index.html',
    };
    it.each([
      ['MD5', '8ca523f5e9506fed4657c9700eebdbec'],
      ['SHA-256', '753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1'],
    ] as const)('computes the %s response', (algorithm, expected) => {
      const ha1 = computeHa1(algorithm, 'Mufasa', 'http-auth@example.org', 'Circle of Life');
      expect(computeResponse({ ...common, algorithm, ha1 })).toBe(expected);
    });
  });

  it('reproduces RFC 7616 §3.9.2: SHA-512-256 with userhash (erratum 4897)', () => {
    const username = 'J\u00e4s\u00f8n Doe';
    const realm = 'api@example.org';
    const userhash = computeUserhash('SHA-512-256', username, realm);
    expect(userhash).toBe('793263caabb707a56211940d90411ea4a575adeccb7e360aeb624ed06ece9b0b');
    const header = `Digest username="${userhash}", realm="api@example.org", uri="/doe.json", algorithm=SHA-512-256, ` +
      'nonce="5TsQWLVdgBdmrQ0XsxbDODV+57QdFR34I9HAbC/RVvkK", nc=00000001, cnonce="NTg6RKcb9boFIAS3KrFK9BGeh+iDa/sm6jUMp2wds69v", ' +
      'qop=auth, response="3798d4131c277846293534c3edc11bd8a5e4cdcbff78b05db9d95eeb1cec68a5", ' +
      'opaque="HRPCssKJSGjCrkzDg8OhwpzCiGPChXYjwrI2QmXDnsOS", userhash=true';
    const parsed = parseCredentials(header);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.value.userhash).toBe(true);
    expect(parsed.value.username).toBe(userhash);
    const ha1 = computeHa1('SHA-512-256', username, realm, 'Secret, or not?');
    expect(verifyResponse(parsed.value, { ha1, method: 'GET' })).toBe(true);
  });

  it('uses FIPS 180-4 SHA-512/256, not a truncated SHA-512', () => {
    expect(hashHex('SHA-512-256', 'abc')).toBe('53048e2681941ef99b2e29b76b4c7dabe4c2d0c634fc6d46e0e2f13107e7af23');
    expect(hashHex('SHA-512-256', 'abc')).not.toBe(createHash('sha512').update('abc').digest('hex').slice(0, 64));
  });

  it('computes HA1 for every base algorithm at once', () => {
    const ha1s = computeHa1s('alice', 'sipauth.test', 'Secret123456');
    expect(ha1s.MD5).toBe(md5('alice:sipauth.test:Secret123456'));
    expect(ha1s['SHA-256']).toBe(sha256('alice:sipauth.test:Secret123456'));
    expect(ha1s['SHA-512-256']).toHaveLength(64);
  });

  describe('vectors computed independently', () => {
    const ha1 = md5('bob:biloxi.com:zanzibar');
    const base = { nonce: 'n0nce', cnonce: 'c0nce', nc: '0000000a', method: 'INVITE', uri: 'sip:bob@biloxi.com' };

    it('hashes HA1 with nonce and cnonce for MD5-sess', () => {
      const sessHa1 = md5(`${ha1}:n0nce:c0nce`);
      const expected = md5(`${sessHa1}:n0nce:0000000a:c0nce:auth:${md5('INVITE:sip:bob@biloxi.com')}`);
      expect(computeResponse({ ...base, algorithm: 'MD5-sess', qop: 'auth', ha1 })).toBe(expected);
    });

    it('hashes the body into HA2 for auth-int, an absent body counting as empty', () => {
      const body = 'v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\n';
      const withBody = md5(`${ha1}:n0nce:0000000a:c0nce:auth-int:${md5(`INVITE:sip:bob@biloxi.com:${md5(body)}`)}`);
      const empty = md5(`${ha1}:n0nce:0000000a:c0nce:auth-int:${md5(`INVITE:sip:bob@biloxi.com:${md5('')}`)}`);
      expect(computeResponse({ ...base, algorithm: 'MD5', qop: 'auth-int', ha1, body })).toBe(withBody);
      expect(computeResponse({ ...base, algorithm: 'MD5', qop: 'auth-int', ha1 })).toBe(empty);
    });

    it('combines -sess with auth-int for SHA-256-sess', () => {
      const sha1 = sha256('bob:biloxi.com:zanzibar');
      const sessHa1 = sha256(`${sha1}:n0nce:c0nce`);
      const expected = sha256(`${sessHa1}:n0nce:0000000a:c0nce:auth-int:${sha256(`INVITE:sip:bob@biloxi.com:${sha256('x')}`)}`);
      expect(computeResponse({ ...base, algorithm: 'SHA-256-sess', qop: 'auth-int', ha1: sha1, body: 'x' })).toBe(expected);
    });

    it('computes an RFC 2069 response (no qop) as H(HA1:nonce:HA2)', () => {
      const expected = md5(`${ha1}:n0nce:${md5('INVITE:sip:bob@biloxi.com')}`);
      expect(computeResponse({ algorithm: 'MD5', ha1, nonce: 'n0nce', method: 'INVITE', uri: 'sip:bob@biloxi.com' })).toBe(expected);
    });

    it('verifies the SIP INVITE example of draft-smith-sipping-auth-examples (bob@biloxi.com)', () => {
      const header = 'Digest username="bob", realm="biloxi.com", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", uri="sip:bob@biloxi.com", ' +
        'qop=auth, nc=00000001, cnonce="0a4f113b", response="89eb0059246c02b2f6ee02c7961d5ea3", algorithm=MD5';
      const parsed = parseCredentials(header);
      if (!parsed.ok) throw new Error(parsed.message);
      expect(verifyResponse(parsed.value, { ha1: md5('bob:biloxi.com:zanzibar'), method: 'INVITE' })).toBe(true);
    });
  });

  describe('verifyResponse', () => {
    const header = 'Digest username="bob", realm="biloxi.com", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", uri="sip:bob@biloxi.com", ' +
      'qop=auth, nc=00000001, cnonce="0a4f113b", response="89eb0059246c02b2f6ee02c7961d5ea3", algorithm=MD5';
    const ha1 = md5('bob:biloxi.com:zanzibar');
    const credentials = (): DigestCredentials => {
      const parsed = parseCredentials(header);
      if (!parsed.ok) throw new Error(parsed.message);
      return parsed.value;
    };

    it('refuses a response that differs in one digit, in case or in length', () => {
      const good = credentials();
      expect(verifyResponse(good, { ha1, method: 'INVITE' })).toBe(true);
      expect(verifyResponse({ ...good, response: `${good.response.slice(0, -1)}4` }, { ha1, method: 'INVITE' })).toBe(false);
      expect(verifyResponse({ ...good, response: good.response.toUpperCase() }, { ha1, method: 'INVITE' })).toBe(false);
      expect(verifyResponse({ ...good, response: good.response.slice(1) }, { ha1, method: 'INVITE' })).toBe(false);
      expect(verifyResponse({ ...good, response: `${good.response}0` }, { ha1, method: 'INVITE' })).toBe(false);
    });

    it('refuses a response whose characters only match the expected hex in their low byte', () => {
      const good = credentials();
      // U+0130–U+0139 and U+0161–U+0166 share their low byte with 0–9 and a–f: a latin1 comparison alone would let them through.
      const lookalike = [...good.response].map((ch) => String.fromCharCode(ch.charCodeAt(0) + 0x100)).join('');
      expect(verifyResponse({ ...good, response: lookalike }, { ha1, method: 'INVITE' })).toBe(false);
      expect(verifyResponse({ ...good, response: 42 as unknown as string }, { ha1, method: 'INVITE' })).toBe(false);
    });

    it('verifies SHA-256 and SHA-512-256 responses, whose hex is twice as long', () => {
      for (const algorithm of ['SHA-256', 'SHA-512-256'] as const) {
        const h = computeHa1(algorithm, 'bob', 'biloxi.com', 'zanzibar');
        const input = { algorithm, ha1: h, nonce: 'n', cnonce: 'c', nc: '00000001', qop: 'auth' as const, method: 'INVITE', uri: 'sip:bob@biloxi.com' };
        const c = { ...credentials(), algorithm, nonce: 'n', cnonce: 'c', response: computeResponse(input) };
        expect(verifyResponse(c, { ha1: h, method: 'INVITE' })).toBe(true);
        expect(verifyResponse(c, { ha1: h, method: 'ACK' })).toBe(false);
      }
    });
  });

  describe('safeEqual', () => {
    it('is true only for identical strings', () => {
      expect(safeEqual('abc', 'abc')).toBe(true);
      expect(safeEqual('abc', 'abd')).toBe(false);
      expect(safeEqual('abc', 'abcd')).toBe(false);
      expect(safeEqual('', '')).toBe(true);
    });

    it('compares byte lengths, not character counts', () => {
      expect(safeEqual('\u00e4', 'ab')).toBe(false);
      expect(safeEqual('\u00e4a', 'ab')).toBe(false);
    });
  });
});
