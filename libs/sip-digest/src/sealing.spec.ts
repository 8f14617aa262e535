import { SealingKeyring, computeHa1s, sealHa1s, sealMd5Ha1, unsealHa1s, unsealPresentHa1s } from './index';

const k = (fill: number) => Buffer.alloc(32, fill).toString('base64');
const ha1 = '939e7578ed9e3c518a452acee763bce9';

describe('SealingKeyring', () => {
  const keyring = SealingKeyring.fromConfig(`k1:${k(1)}`);

  it('round-trips a value and writes the self-describing v1 format', () => {
    const sealed = keyring.seal(ha1, 'cred-1');
    expect(sealed).toMatch(/^v1\.k1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
    expect(sealed).not.toContain(ha1);
    expect(keyring.unseal(sealed, 'cred-1')).toBe(ha1);
    expect(keyring.currentKeyId).toBe('k1');
  });

  it('uses a fresh IV for every seal', () => {
    expect(keyring.seal(ha1, 'a')).not.toBe(keyring.seal(ha1, 'a'));
  });

  it('never repeats an IV across refills of its IV pool, and each one still opens', () => {
    const sealed = Array.from({ length: 2_000 }, (_, i) => keyring.seal(ha1, `c${i}`));
    expect(new Set(sealed.map((s) => s.split('.')[2])).size).toBe(2_000);
    sealed.forEach((s, i) => expect(keyring.unseal(s, `c${i}`)).toBe(ha1));
  });

  it('detects tampering with the ciphertext, the IV or the tag', () => {
    const parts = keyring.seal(ha1, 'a').split('.');
    for (const index of [2, 3, 4]) {
      const copy = [...parts];
      const bytes = Buffer.from(copy[index], 'base64url');
      bytes[0] ^= 1;
      copy[index] = bytes.toString('base64url');
      expect(() => keyring.unseal(copy.join('.'), 'a')).toThrow(/failed authentication|malformed/);
    }
  });

  it('refuses to open a value under another AAD, without revealing the plaintext', () => {
    const sealed = keyring.seal(ha1, 'cred-1|MD5');
    expect(() => keyring.unseal(sealed, 'cred-2|MD5')).toThrow(/failed authentication under key k1/);
    try { keyring.unseal(sealed, 'cred-2|MD5'); } catch (e) { expect((e as Error).message).not.toContain(ha1); }
  });

  it('opens values sealed under a previous key after rotation, and seals under the new one', () => {
    const old = keyring.seal(ha1, 'a');
    const rotated = SealingKeyring.fromConfig(`k2:${k(2)},k1:${k(1)}`);
    expect(rotated.unseal(old, 'a')).toBe(ha1);
    expect(rotated.seal(ha1, 'a')).toMatch(/^v1\.k2\./);
    expect(() => keyring.unseal(rotated.seal(ha1, 'a'), 'a')).toThrow(/unknown key id k2/);
  });

  it('refuses malformed sealed values with a clear error', () => {
    for (const bad of ['', 'v1.k1', 'v2.k1.a.b.c', 'v1.k1.!!.b.c', 'v1.k.1.a.b', 'x'.repeat(10_000), undefined]) {
      expect(() => keyring.unseal(bad as unknown as string, 'a')).toThrow(/malformed|unknown key id|invalid key id/);
    }
  });

  it('refuses keys that are not exactly 32 bytes, naming the variable', () => {
    expect(() => SealingKeyring.fromConfig(`k1:${Buffer.alloc(48).toString('base64')}`)).toThrow(/SIPAUTH_SEALING_KEYS entry 1 .*exactly 32 bytes/);
    expect(() => SealingKeyring.fromConfig('', 'MY_KEYS')).toThrow(/MY_KEYS/);
  });
});

describe('sealHa1s / unsealHa1s', () => {
  const keyring = SealingKeyring.fromConfig(`k1:${k(1)}`);
  const ha1s = computeHa1s('alice', 'sipauth.test', 'Secret123456');

  it('round-trips every algorithm', () => {
    const sealed = sealHa1s(keyring, ha1s, 'cred-1');
    expect(Object.values(sealed).some((v) => Object.values(ha1s).some((h) => v.includes(h)))).toBe(false);
    expect(unsealHa1s(keyring, sealed, 'cred-1')).toEqual(ha1s);
  });

  it('binds each value to its algorithm, so values cannot be swapped', () => {
    const sealed = sealHa1s(keyring, ha1s, 'cred-1');
    const swapped = { ...sealed, 'MD5': sealed['SHA-256'], 'SHA-256': sealed.MD5 };
    expect(() => unsealHa1s(keyring, swapped, 'cred-1')).toThrow(/^MD5: sealed value failed authentication/);
  });

  it('says which algorithm is missing', () => {
    const { 'SHA-512-256': _dropped, ...partial } = ha1s;
    expect(() => sealHa1s(keyring, partial as typeof ha1s, 'cred-1')).toThrow(/SHA-512-256 HA1 is missing/);
    const { MD5: _gone, ...sealed } = sealHa1s(keyring, ha1s, 'cred-1');
    expect(() => unsealHa1s(keyring, sealed as typeof ha1s, 'cred-1')).toThrow(/^MD5: sealed value is malformed/);
  });
});

describe('unsealPresentHa1s', () => {
  const keyring = SealingKeyring.fromConfig(`k1:${k(1)}`);

  it('opens an MD5 HA1 sealed alone and leaves the other algorithms absent, never empty', () => {
    const opened = unsealPresentHa1s(keyring, { ...sealMd5Ha1(keyring, ha1, 'L/C'), 'SHA-256': '' }, 'L/C');
    expect(opened).toEqual({ 'MD5': ha1 });
  });

  it('opens all three like unsealHa1s, and names the slot that cannot be opened', () => {
    const sealed = sealHa1s(keyring, computeHa1s('alice', 'r', 'pw'), 'L/C');
    expect(unsealPresentHa1s(keyring, sealed, 'L/C')).toEqual(unsealHa1s(keyring, sealed, 'L/C'));
    expect(() => unsealPresentHa1s(keyring, { ...sealed, 'SHA-256': sealed['MD5'] }, 'L/C')).toThrow(/^SHA-256: /);
  });
});
