/** RFC 5987 / RFC 8187 ext-values in UTF-8, as used by RFC 7616 `username*`. */
import { isToken } from './auth-params';

/** Decodes an RFC 5987 ext-value in UTF-8 (`UTF-8'lang'%C3%A4…`); undefined when invalid. */
export function decodeExtValue(text: string): string | undefined {
  const first = text.indexOf("'");
  const second = first < 0 ? -1 : text.indexOf("'", first + 1);
  if (second < 0 || text.slice(0, first).toLowerCase() !== 'utf-8') return undefined;
  const encoded = text.slice(second + 1);
  for (let i = 0; i < encoded.length; i++) {
    const c = encoded.charCodeAt(i);
    if (c === 37) continue;
    if (!isToken(encoded[i]) || c === 42 || c === 39) return undefined;
  }
  try {
    return decodeURIComponent(encoded);
  } catch {
    return undefined;
  }
}

/** Encodes text as the value part of an ext-value (after `UTF-8''`); throws TypeError on lone surrogates. */
export function encodeExtValue(text: string): string {
  if (/[\ud800-\udfff]/.test(text.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ''))) throw new TypeError('username must be well-formed Unicode');
  return encodeURIComponent(text).replace(/['()*!]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}
