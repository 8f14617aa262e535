import fc from 'fast-check';
import {
  DigestAlgorithm, DigestChallenge, DigestCredentials, HEX_LENGTH, NonceService, SealingKeyring, baseOf,
  formatChallenge, formatCredentials, parseChallenge, parseCredentials,
} from './index';

const ALGORITHMS: DigestAlgorithm[] = ['MD5', 'SHA-256', 'SHA-512-256', 'MD5-sess', 'SHA-256-sess', 'SHA-512-256-sess'];
const printable = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 40 });
const nonEmptyPrintable = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 40 });
const tokenText = fc.string({ unit: fc.constantFrom(...'abcxyzABC019-_.!~*+'.split('')), minLength: 1, maxLength: 12 });
const hex = (length: number) => fc.string({ unit: fc.constantFrom(...'0123456789abcdef'.split('')), minLength: length, maxLength: length });
// Lone surrogates cannot be encoded as UTF-8, so they are left out of usernames.
const wellFormed = (s: string) => !/[\ud800-\udfff]/.test(s.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ''));
const username = fc.oneof(nonEmptyPrintable, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).filter((s) => !/[\u0000-\u001f\u007f]/.test(s) && wellFormed(s)));

const credentials: fc.Arbitrary<DigestCredentials> = fc.constantFrom(...ALGORITHMS).chain((algorithm) => {
  const length = HEX_LENGTH[baseOf(algorithm)];
  const sess = algorithm.endsWith('-sess');
  return fc.record({
    userhash: fc.boolean(),
    plainName: username,
    hashName: hex(length),
    realm: printable,
    nonce: nonEmptyPrintable,
    uri: nonEmptyPrintable,
    response: hex(length),
    qop: fc.option(fc.constantFrom('auth' as const, 'auth-int' as const), { nil: undefined }),
    nc: hex(8),
    cnonce: sess ? nonEmptyPrintable.map((s) => s as string | undefined) : fc.option(nonEmptyPrintable, { nil: undefined }),
    opaque: fc.option(printable, { nil: undefined }),
    params: fc.dictionary(tokenText.map((t) => `x-${t.toLowerCase()}`), printable, { maxKeys: 3 }),
  }).filter((r) => r.qop === undefined || r.cnonce !== undefined).map((r) => {
    const c: DigestCredentials = {
      username: r.userhash ? r.hashName : r.plainName, userhash: r.userhash, realm: r.realm, nonce: r.nonce, uri: r.uri,
      response: r.response, algorithm, params: r.params,
    };
    if (r.qop !== undefined) { c.qop = r.qop; c.nc = r.nc; }
    if (r.cnonce !== undefined) c.cnonce = r.cnonce;
    if (r.opaque !== undefined) c.opaque = r.opaque;
    return c;
  });
});

const challenge: fc.Arbitrary<DigestChallenge> = fc.record({
  realm: printable,
  nonce: printable,
  algorithm: fc.constantFrom(...ALGORITHMS),
  qop: fc.array(fc.constantFrom('auth', 'auth-int', 'auth-conf'), { minLength: 1, maxLength: 3 }),
  opaque: printable,
  stale: fc.boolean(),
  userhash: fc.boolean(),
}, { requiredKeys: ['realm', 'nonce', 'algorithm'] });

/** Near-valid headers: a valid one cut, spliced, duplicated, or with random text inserted. */
const nearValid = fc.tuple(credentials, fc.nat(), fc.nat(), fc.string({ maxLength: 10 }), fc.constantFrom('cut', 'insert', 'double', 'swap'))
  .map(([c, a, b, noise, how]) => {
    const h = formatCredentials(c);
    const i = a % (h.length + 1);
    const j = b % (h.length + 1);
    switch (how) {
      case 'cut': return h.slice(0, i) + h.slice(Math.max(i, j));
      case 'insert': return h.slice(0, i) + noise + h.slice(i);
      case 'double': return h + ', ' + h.slice(7);
      default: return h.slice(j) + h.slice(0, j);
    }
  });

describe('parser properties', () => {
  it('no string makes parseCredentials or parseChallenge throw', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (s) => {
      parseCredentials(s);
      parseCredentials(`Digest ${s}`);
      parseChallenge(`Digest ${s}`);
    }), { numRuns: 2000 });
  });

  it('no near-valid header makes the parsers throw, and every failure carries a reason and a message', () => {
    fc.assert(fc.property(nearValid, (h) => {
      const r = parseCredentials(h);
      if (!r.ok) expect(r.message.length).toBeGreaterThan(0);
      parseChallenge(h);
    }), { numRuns: 2000 });
  });

  it('formatCredentials then parseCredentials gives back the same credentials', () => {
    fc.assert(fc.property(credentials, (c) => {
      expect(parseCredentials(formatCredentials(c))).toEqual({ ok: true, value: c });
    }), { numRuns: 1000 });
  });

  it('formatChallenge then parseChallenge gives back the same challenge', () => {
    fc.assert(fc.property(challenge, (c) => {
      expect(parseChallenge(formatChallenge(c))).toEqual({ ok: true, value: c });
    }), { numRuns: 1000 });
  });

  it('NonceService.check never throws and accepts no arbitrary string', () => {
    const service = new NonceService({ secrets: [{ id: 'n1', key: Buffer.alloc(32, 1) }], ttlSeconds: 300 });
    fc.assert(fc.property(fc.string({ maxLength: 100 }), (s) => {
      expect(service.check(s, 'r', 'MD5')).toEqual({ valid: false });
    }), { numRuns: 1000 });
  });

  it('unseal rejects arbitrary strings with an Error and never another kind of failure', () => {
    const keyring = SealingKeyring.fromConfig(`k1:${Buffer.alloc(32, 1).toString('base64')}`);
    fc.assert(fc.property(fc.string({ maxLength: 100 }), (s) => {
      expect(() => keyring.unseal(`v1.k1.${s}`, 'a')).toThrow(Error);
    }), { numRuns: 300 });
  });
});
