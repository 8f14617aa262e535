import fc from 'fast-check';
import { decodeStreamName, encodeStreamName } from './subject-token';

const TOKEN = /^[A-Za-z0-9_%-]+$/;

describe('stream name to subject token encoding', () => {
  it('round-trips any non-empty stream name', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 1 }), (name) => {
        expect(decodeStreamName(encodeStreamName(name))).toBe(name);
      }),
    );
  });

  it('always yields one subject token, free of dots, wildcards and whitespace', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 1 }), (name) => {
        expect(encodeStreamName(name)).toMatch(TOKEN);
      }),
    );
  });

  it('gives different names different tokens', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (a, b) => {
        fc.pre(a !== b);
        expect(encodeStreamName(a)).not.toBe(encodeStreamName(b));
      }),
    );
  });

  it('leaves the usual stream names readable and escapes the dots of a trunk domain', () => {
    expect(encodeStreamName('credentialList-CL_0a1b-2')).toBe('credentialList-CL_0a1b-2');
    expect(encodeStreamName('trunkDomain-acme.pstn.example.net')).toBe('trunkDomain-acme%2Epstn%2Eexample%2Enet');
    expect(encodeStreamName('a *>b')).toBe('a%20%2A%3Eb');
  });

  it('refuses an empty name and a name with a lone surrogate', () => {
    expect(() => encodeStreamName('')).toThrow(/empty/);
    expect(() => encodeStreamName('x\uD800')).toThrow(/well-formed/);
  });
});
