import fc from 'fast-check';
import { isCanonicalBase64url } from './base64url';

const roundTrips = (text: string): boolean => Buffer.from(text, 'base64url').toString('base64url') === text;

describe('isCanonicalBase64url', () => {
  it.each([
    ['the empty string', '', true],
    ['bytes that fill whole quads', Buffer.alloc(6, 0xfb).toString('base64url'), true],
    ['one trailing byte', 'AQ', true],
    ['two trailing bytes', 'AQI', true],
    ['a dangling character', 'AQIDB', false],
    ['padding', 'AQ==', false],
    ['the standard alphabet', '+/+/', false],
    ['whitespace', 'AQID BA', false],
    ['non-zero unused bits after one byte', 'AR', false],
    ['non-zero unused bits after two bytes', 'AQJ', false],
    ['a non-ASCII character', 'AQ\u00e9D', false],
  ])('judges %s', (_case, text, expected) => {
    expect(isCanonicalBase64url(text)).toBe(expected);
    expect(roundTrips(text)).toBe(expected);
  });

  it('accepts exactly what survives a decode and re-encode unchanged', () => {
    const nearBase64 = fc.string({ unit: fc.constantFrom(...'AQgw_-+/=. \u00e9zZ09'.split('')), maxLength: 12 });
    fc.assert(fc.property(fc.oneof(nearBase64, fc.string({ maxLength: 12 })), (text) => isCanonicalBase64url(text) === roundTrips(text)),
      { numRuns: 5000 });
    fc.assert(fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => isCanonicalBase64url(Buffer.from(bytes).toString('base64url'))));
  });
});
