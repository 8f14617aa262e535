/** Canonical base64url (RFC 4648 §5, unpadded), checked without decoding and re-encoding. */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i;

/**
 * True when `text` is the one unpadded base64url spelling of some bytes: alphabet characters only, a
 * length that is not 1 more than a multiple of 4, and zero in the unused low bits of the last
 * character. Exactly the strings that survive `Buffer.from(text, 'base64url').toString('base64url')`
 * unchanged, so two spellings of the same bytes cannot both pass (a replay cache keyed by text relies
 * on that).
 */
export function isCanonicalBase64url(text: string): boolean {
  const n = text.length;
  if (n % 4 === 1) return false;
  let last = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128 || (last = VALUE[c]) < 0) return false;
  }
  const unusedBits = n % 4 === 2 ? 0b1111 : n % 4 === 3 ? 0b11 : 0;
  return (last & unusedBits) === 0;
}
