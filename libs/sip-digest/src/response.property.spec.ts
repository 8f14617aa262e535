import fc from 'fast-check';
import { BASE_ALGORITHMS, DigestAlgorithm, baseOf, computeHa1, computeResponse, formatCredentials, parseCredentials, verifyResponse } from './index';

const ALGORITHMS: DigestAlgorithm[] = [...BASE_ALGORITHMS, 'MD5-sess', 'SHA-256-sess', 'SHA-512-256-sess'];
const text = fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 30 });

const exchange = fc.record({
  algorithm: fc.constantFrom(...ALGORITHMS),
  username: text,
  password: text,
  nonce: text,
  cnonce: text,
  nc: fc.integer({ min: 1, max: 0xffffffff }).map((n) => n.toString(16).padStart(8, '0')),
  qop: fc.constantFrom('auth' as const, 'auth-int' as const, undefined),
  method: fc.constantFrom('INVITE', 'ACK', 'BYE'),
  uri: text.map((t) => `sip:${t}@acme.example`),
  body: fc.option(fc.string({ maxLength: 50 }), { nil: undefined }),
});

describe('response properties', () => {
  it('a header built by a client verifies, and fails for another password, method or body', () => {
    fc.assert(fc.property(exchange, text, (x, otherPassword) => {
      const ha1 = computeHa1(baseOf(x.algorithm), x.username, 'sipauth.test', x.password);
      const response = computeResponse({ ...x, ha1 });
      const header = formatCredentials({
        username: x.username, userhash: false, realm: 'sipauth.test', nonce: x.nonce, uri: x.uri, response,
        algorithm: x.algorithm, cnonce: x.cnonce, params: {}, ...(x.qop ? { qop: x.qop, nc: x.nc } : {}),
      });
      const parsed = parseCredentials(header);
      if (!parsed.ok) throw new Error(parsed.message);
      expect(verifyResponse(parsed.value, { ha1, method: x.method, body: x.body })).toBe(true);
      expect(verifyResponse(parsed.value, { ha1, method: `${x.method}X`, body: x.body })).toBe(false);
      if (otherPassword !== x.password) {
        const wrong = computeHa1(baseOf(x.algorithm), x.username, 'sipauth.test', otherPassword);
        expect(verifyResponse(parsed.value, { ha1: wrong, method: x.method, body: x.body })).toBe(false);
      }
      if (x.qop === 'auth-int') {
        expect(verifyResponse(parsed.value, { ha1, method: x.method, body: `${x.body ?? ''}!` })).toBe(false);
      }
    }), { numRuns: 300 });
  });
});
