import { NONCE_LENGTH, NonceService, parseKeyList } from './index';

const secret = (id: string, fill: number) => ({ id, key: Buffer.alloc(32, fill) });

function clock(start = 1_700_000_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => { t += ms; } };
}

describe('NonceService', () => {
  const realm = 'sipauth.test';

  it('accepts its own fresh nonce for the same realm and algorithm', () => {
    const c = clock();
    const service = new NonceService({ secrets: [secret('n1', 1)], ttlSeconds: 300, now: c.now });
    const nonce = service.issue(realm, 'SHA-256');
    expect(nonce).toHaveLength(NONCE_LENGTH);
    expect(nonce).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(service.check(nonce, realm, 'SHA-256')).toEqual({ valid: true, stale: false, issuedAt: c.now() });
  });

  it('issues a different nonce each time', () => {
    const service = new NonceService({ secrets: [secret('n1', 1)], ttlSeconds: 300 });
    expect(service.issue(realm, 'MD5')).not.toBe(service.issue(realm, 'MD5'));
  });

  it('draws fresh random bytes for every nonce, also across refills of its random pool', () => {
    const c = clock();
    const service = new NonceService({ secrets: [secret('n1', 1)], ttlSeconds: 300, now: c.now });
    // 1,000 nonces at one instant use 12 KB of random bytes, three refills of the 4 KiB pool.
    const randomParts = Array.from({ length: 1000 }, () => Buffer.from(service.issue(realm, 'MD5'), 'base64url').subarray(8, 20).toString('hex'));
    expect(new Set(randomParts).size).toBe(1000);
    expect(randomParts.every((part) => part !== '00'.repeat(12))).toBe(true);
  });

  it('reports a nonce older than the ttl as valid but stale', () => {
    const c = clock();
    const service = new NonceService({ secrets: [secret('n1', 1)], ttlSeconds: 300, now: c.now });
    const nonce = service.issue(realm, 'MD5');
    c.advance(300_000);
    expect(service.check(nonce, realm, 'MD5')).toMatchObject({ valid: true, stale: false });
    c.advance(1);
    expect(service.check(nonce, realm, 'MD5')).toMatchObject({ valid: true, stale: true });
  });

  it('refuses a nonce for another realm or another algorithm', () => {
    const service = new NonceService({ secrets: [secret('n1', 1)], ttlSeconds: 300 });
    const nonce = service.issue(realm, 'SHA-256');
    expect(service.check(nonce, 'other.realm', 'SHA-256')).toEqual({ valid: false });
    expect(service.check(nonce, realm, 'MD5')).toEqual({ valid: false });
    expect(service.check(nonce, realm, 'SHA-512-256')).toEqual({ valid: false });
  });

  it('refuses a tampered nonce, whichever byte changes', () => {
    const service = new NonceService({ secrets: [secret('n1', 1)], ttlSeconds: 300 });
    const raw = Buffer.from(service.issue(realm, 'MD5'), 'base64url');
    for (let i = 0; i < raw.length; i++) {
      const copy = Buffer.from(raw);
      copy[i] ^= 0x01;
      expect(service.check(copy.toString('base64url'), realm, 'MD5')).toEqual({ valid: false });
    }
  });

  it('refuses an alternative spelling of the same bytes (so replay caches keyed on the text hold)', () => {
    const service = new NonceService({ secrets: [secret('n1', 1)], ttlSeconds: 300 });
    const original = service.issue(realm, 'MD5');
    let nonce = original;
    // The last character carries 2 data bits and 4 padding bits; flipping a padding bit keeps the bytes.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(nonce[nonce.length - 1]);
    nonce = nonce.slice(0, -1) + alphabet[last ^ 1];
    expect(Buffer.from(nonce, 'base64url')).toEqual(Buffer.from(original, 'base64url'));
    expect(service.check(nonce, realm, 'MD5')).toEqual({ valid: false });
  });

  it('accepts nonces issued under the previous secret after a rotation', () => {
    const c = clock();
    const before = new NonceService({ secrets: [secret('n1', 1)], ttlSeconds: 300, now: c.now });
    const after = new NonceService({ secrets: [secret('n2', 2), secret('n1', 1)], ttlSeconds: 300, now: c.now });
    expect(after.check(before.issue(realm, 'MD5'), realm, 'MD5')).toMatchObject({ valid: true, stale: false });
    expect(before.check(after.issue(realm, 'MD5'), realm, 'MD5')).toEqual({ valid: false });
  });

  it('refuses nonces under a secret it does not know, even with the same key id', () => {
    const a = new NonceService({ secrets: [secret('n1', 1)], ttlSeconds: 300 });
    const b = new NonceService({ secrets: [secret('n1', 9)], ttlSeconds: 300 });
    expect(b.check(a.issue(realm, 'MD5'), realm, 'MD5')).toEqual({ valid: false });
  });

  it('refuses a nonce issued in the future beyond the allowed skew', () => {
    const c = clock();
    const future = new NonceService({ secrets: [secret('n1', 1)], ttlSeconds: 300, now: () => c.now() + 60_000 });
    const slightlyAhead = new NonceService({ secrets: [secret('n1', 1)], ttlSeconds: 300, now: () => c.now() + 1_000 });
    const service = new NonceService({ secrets: [secret('n1', 1)], ttlSeconds: 300, now: c.now });
    expect(service.check(future.issue(realm, 'MD5'), realm, 'MD5')).toEqual({ valid: false });
    expect(service.check(slightlyAhead.issue(realm, 'MD5'), realm, 'MD5')).toMatchObject({ valid: true, stale: false });
  });

  it('refuses garbage of every shape without throwing', () => {
    const service = new NonceService({ secrets: [secret('n1', 1)], ttlSeconds: 300 });
    for (const bad of ['', 'x', 'A'.repeat(NONCE_LENGTH), '!'.repeat(NONCE_LENGTH), '\u00e4'.repeat(NONCE_LENGTH), undefined, 42]) {
      expect(service.check(bad as unknown as string, realm, 'MD5')).toEqual({ valid: false });
    }
  });

  it('works with secrets read from configuration', () => {
    const secrets = parseKeyList(`n1:${Buffer.alloc(32, 1).toString('base64')}`, 'SIPAUTH_NONCE_SECRETS');
    const service = new NonceService({ secrets, ttlSeconds: 300 });
    expect(service.check(service.issue(realm, 'SHA-512-256'), realm, 'SHA-512-256')).toMatchObject({ valid: true });
  });

  it('refuses to start with no secret, a short secret or a bad ttl', () => {
    expect(() => new NonceService({ secrets: [], ttlSeconds: 300 })).toThrow(/at least one secret/);
    expect(() => new NonceService({ secrets: [{ id: 'a', key: Buffer.alloc(16) }], ttlSeconds: 300 })).toThrow(/at least 32 bytes/);
    expect(() => new NonceService({ secrets: [secret('n1', 1)], ttlSeconds: 0 })).toThrow(/ttlSeconds/);
  });
});
