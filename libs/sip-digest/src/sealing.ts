/**
 * Sealing HA1s at rest (SPEC §4): AES-256-GCM with a random 96-bit IV; the AAD binds each value to
 * its context (the credential, see ha1SealingContext, and the algorithm), so a sealed value cannot be
 * moved to another credential or swapped between algorithms.
 * Format: `v1.<keyId>.<iv>.<ciphertext>.<tag>` (base64url parts), so keys can rotate.
 */
import { KeyObject, createCipheriv, createDecipheriv, createSecretKey } from 'node:crypto';
import type { BaseAlgorithm } from './algorithm';
import { isCanonicalBase64url } from './base64url';
import { KEY_ID_PATTERN, parseKeyList } from './key-list';
import { RandomPool } from './random-pool';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const MAX_SEALED_LENGTH = 4096;
/** Random IVs, 341 per refill of the pool (4,092 random bytes): each 96 fresh bits, used once. */
const ivs = new RandomPool(IV_BYTES * 341);

/** The sealing keys, current first; any of them opens values sealed under it. */
export class SealingKeyring {
  /** Parsed once as key objects, so each seal or unseal does not import the raw bytes again. */
  private readonly keys: Map<string, KeyObject>;
  readonly currentKeyId: string;

  constructor(keys: { id: string; key: Buffer }[]) {
    if (keys.length === 0) throw new Error('SealingKeyring needs at least one key');
    for (const k of keys) {
      if (!KEY_ID_PATTERN.test(k.id)) throw new Error('sealing key ids must be 1–32 characters of A-Z a-z 0-9 _ -');
      if (!Buffer.isBuffer(k.key) || k.key.length !== 32) throw new Error(`sealing key ${k.id} must be exactly 32 bytes`);
    }
    this.keys = new Map(keys.map((k) => [k.id, createSecretKey(k.key)]));
    if (this.keys.size !== keys.length) throw new Error('sealing key ids must be unique');
    this.currentKeyId = keys[0].id;
  }

  /** Reads `id:base64,…` (e.g. SIPAUTH_SEALING_KEYS); errors name `name`, never the keys. */
  static fromConfig(text: string, name = 'SIPAUTH_SEALING_KEYS'): SealingKeyring {
    return new SealingKeyring(parseKeyList(text, name, { exactBytes: 32 }));
  }

  /** Encrypts under the current key; `aad` must be given again, identical, to unseal. */
  seal(plaintext: string, aad: string): string {
    const iv = ivs.take(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.currentKeyId) as KeyObject, iv);
    cipher.setAAD(Buffer.from(aad, 'utf8'));
    const head = cipher.update(plaintext, 'utf8');
    const rest = cipher.final(); // empty for GCM (a stream mode): no copy of the ciphertext unless it is not
    const ciphertext = rest.length === 0 ? head : Buffer.concat([head, rest]);
    const tag = cipher.getAuthTag();
    return `${VERSION}.${this.currentKeyId}.${iv.toString('base64url')}.${ciphertext.toString('base64url')}.${tag.toString('base64url')}`;
  }

  /** Decrypts a value sealed under any known key. Throws a clear Error (without content) when it is malformed, under an unknown key, tampered with, or the AAD differs. */
  unseal(sealed: string, aad: string): string {
    if (typeof sealed !== 'string' || sealed.length > MAX_SEALED_LENGTH) throw new Error('sealed value is malformed');
    const parts = sealed.split('.');
    if (parts.length !== 5 || parts[0] !== VERSION) throw new Error('sealed value is malformed (expected v1.<keyId>.<iv>.<ciphertext>.<tag>)');
    const [, keyId, ivText, ciphertextText, tagText] = parts;
    const key = this.keys.get(keyId);
    if (!key) throw new Error(KEY_ID_PATTERN.test(keyId) ? `sealed value uses unknown key id ${keyId}` : 'sealed value has an invalid key id');
    const iv = decode(ivText);
    const ciphertext = decode(ciphertextText);
    const tag = decode(tagText);
    if (!iv || iv.length !== IV_BYTES || !ciphertext || !tag || tag.length !== TAG_BYTES) throw new Error('sealed value is malformed');
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(aad, 'utf8'));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
    } catch {
      throw new Error(`sealed value failed authentication under key ${keyId} (tampered, or sealed for another context)`);
    }
  }
}

/** The bytes of a canonical base64url part; undefined for any other spelling. */
function decode(text: string): Buffer | undefined {
  return isCanonicalBase64url(text) ? Buffer.from(text, 'base64url') : undefined;
}

const ALGORITHMS: readonly BaseAlgorithm[] = ['MD5', 'SHA-256', 'SHA-512-256'];

/** Seals each HA1 with AAD `${aad}|${alg}`, so values cannot be swapped between algorithms. */
/** The context a credential's HA1s are sealed under; the writer (config-service) and the reader (worker) must agree. */
export function ha1SealingContext(credentialListId: string, credentialId: string): string {
  return `${credentialListId}/${credentialId}`;
}

export function sealHa1s(keyring: SealingKeyring, ha1s: Record<BaseAlgorithm, string>, aad: string): Record<BaseAlgorithm, string> {
  const out = {} as Record<BaseAlgorithm, string>;
  for (const alg of ALGORITHMS) {
    if (typeof ha1s[alg] !== 'string') throw new Error(`the ${alg} HA1 is missing`);
    out[alg] = keyring.seal(ha1s[alg], `${aad}|${alg}`);
  }
  return out;
}

/**
 * Seals an MD5 HA1 alone, exactly as {@link sealHa1s} seals the MD5 one (same AAD), for a credential
 * imported from an MD5 HA1 (no password, so no other algorithm's HA1 exists).
 */
export function sealMd5Ha1(keyring: SealingKeyring, md5Ha1: string, aad: string): { 'MD5': string } {
  return { 'MD5': keyring.seal(md5Ha1, `${aad}|MD5`) };
}

/**
 * Opens the HA1s a credential holds, which may be fewer than three (an MD5 HA1 alone, see
 * {@link sealMd5Ha1}): an absent or empty slot stays absent, never an empty HA1. Throws like
 * {@link SealingKeyring.unseal} for a slot that is present but cannot be opened.
 */
export function unsealPresentHa1s(keyring: SealingKeyring, sealed: Partial<Record<BaseAlgorithm, string>>, aad: string): Partial<Record<BaseAlgorithm, string>> {
  const out: Partial<Record<BaseAlgorithm, string>> = {};
  for (const alg of ALGORITHMS) {
    const value = sealed[alg];
    if (typeof value !== 'string' || value === '') continue;
    try {
      out[alg] = keyring.unseal(value, `${aad}|${alg}`);
    } catch (e) {
      throw new Error(`${alg}: ${(e as Error).message}`);
    }
  }
  return out;
}

/** Opens what {@link sealHa1s} sealed; throws like {@link SealingKeyring.unseal}. */
export function unsealHa1s(keyring: SealingKeyring, sealed: Record<BaseAlgorithm, string>, aad: string): Record<BaseAlgorithm, string> {
  const out = {} as Record<BaseAlgorithm, string>;
  for (const alg of ALGORITHMS) {
    try {
      out[alg] = keyring.unseal(sealed[alg], `${aad}|${alg}`);
    } catch (e) {
      throw new Error(`${alg}: ${(e as Error).message}`);
    }
  }
  return out;
}
