/** Reading `id:base64,id2:base64` key lists from configuration (SPEC §7) without ever echoing key material. */

/** A named secret; the first of a list is current, the others are still accepted (rotation). */
export interface NonceSecret { id: string; key: Buffer }

/** Key ids appear inside nonces and sealed values, so they are restricted to URL-safe characters and no dots. */
export const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;
const BASE64_PATTERN = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2,3})?$/;
const BASE64URL_PATTERN = /^[A-Za-z0-9_-]*$/;

/**
 * Parses a key list, current key first. Each key must decode to at least `minBytes` (default 32) or,
 * with `exactBytes`, exactly that many. Throws an Error naming the variable and the entry, never its content.
 */
export function parseKeyList(text: string, name: string, opts: { minBytes?: number; exactBytes?: number } = {}): NonceSecret[] {
  if (typeof text !== 'string' || text.trim().length === 0) throw new Error(`${name} must list at least one key as id:base64`);
  const entries = text.split(',').map((e) => e.trim());
  const seen = new Set<string>();
  return entries.map((entry, index) => {
    const where = `${name} entry ${index + 1}`;
    const colon = entry.indexOf(':');
    if (colon < 0) throw new Error(`${where} must have the form id:base64`);
    const id = entry.slice(0, colon).trim();
    const encoded = entry.slice(colon + 1).trim();
    if (!KEY_ID_PATTERN.test(id)) throw new Error(`${where} has an invalid key id (1–32 characters of A-Z a-z 0-9 _ -)`);
    if (seen.has(id)) throw new Error(`${where} repeats key id ${id}`);
    seen.add(id);
    if (!BASE64_PATTERN.test(encoded) && !BASE64URL_PATTERN.test(encoded)) throw new Error(`${where} (key id ${id}) is not valid base64`);
    const key = Buffer.from(encoded, BASE64_PATTERN.test(encoded) ? 'base64' : 'base64url');
    if (opts.exactBytes !== undefined && key.length !== opts.exactBytes) {
      throw new Error(`${where} (key id ${id}) must decode to exactly ${opts.exactBytes} bytes (got ${key.length})`);
    }
    const min = opts.minBytes ?? 32;
    if (key.length < min) throw new Error(`${where} (key id ${id}) must decode to at least ${min} bytes (got ${key.length})`);
    return { id, key };
  });
}
