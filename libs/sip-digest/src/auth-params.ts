/**
 * A single-pass scanner for `Digest` auth-param lists (RFC 3261 §25.1, RFC 7235 §2.1): quoted or
 * unquoted values, any whitespace (including folded lines) around `=` and `,`, escaped quotes,
 * empty list elements. One pass, no backtracking (the only regular expression is a single sticky
 * character class); never throws.
 */

/** Longest header value accepted; anything longer is refused before scanning. */
export const MAX_HEADER_LENGTH = 8192;

/** Most parameters one header may carry (real clients send about a dozen). */
export const MAX_PARAMS = 64;

/**
 * Parameters in order as a flat list `[name0, value0, name1, value1, …]`: names in lower case, values
 * unquoted with escapes removed, no name twice. A flat array keeps the hot path free of dictionary-mode objects.
 */
export type ScanResult = { ok: true; pairs: string[] } | { ok: false; message: string };

const TCHAR = new Uint8Array(128);
for (const c of "!#$%&'*+-.^_`|~") TCHAR[c.charCodeAt(0)] = 1;
for (let c = 48; c <= 57; c++) TCHAR[c] = 1;
for (let c = 65; c <= 90; c++) TCHAR[c] = 1;
for (let c = 97; c <= 122; c++) TCHAR[c] = 1;

const SP = 32, HTAB = 9, CR = 13, LF = 10, COMMA = 44, EQUALS = 61, DQUOTE = 34, BACKSLASH = 92;

const isWhitespace = (c: number): boolean => c === SP || c === HTAB || c === CR || c === LF;
const isTchar = (c: number): boolean => c < 128 && TCHAR[c] === 1;
// Unquoted values are read leniently (real clients send base64 nonces and URIs bare): any visible ASCII but `"` and `,`.
const isBareValueChar = (c: number): boolean => c > 32 && c < 127 && c !== DQUOTE && c !== COMMA;
/**
 * Control characters no part of a header value may hold (HTAB, CR and LF are whitespace). Outside
 * quoted strings every character must be whitespace, a separator, a tchar or a bare-value character,
 * so only quoted strings need this test.
 */
const isForbiddenControl = (c: number): boolean => (c < 32 ? c !== HTAB && c !== CR && c !== LF : c === 127);
/**
 * The longest run of quoted-string characters other than `"` and `\` from `lastIndex` (sticky, so it
 * never searches ahead); always matches, possibly empty. A single character class: no backtracking.
 */
const QDTEXT_RUN = /[^"\\\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*/y;

const fail = (message: string): ScanResult => ({ ok: false, message });
const shown = (name: string): string => (name.length > 32 ? `${name.slice(0, 32)}…` : name);

/** Scans `Digest <params>`; the scheme word is matched case-insensitively and required. */
export function scanDigestParams(headerValue: unknown): ScanResult {
  if (typeof headerValue !== 'string') return fail('the header value must be a string');
  const s = headerValue;
  const n = s.length;
  if (n > MAX_HEADER_LENGTH) return fail(`the header value is longer than ${MAX_HEADER_LENGTH} characters`);
  let i = 0;
  while (i < n && isWhitespace(s.charCodeAt(i))) i++;
  const schemeStart = i;
  while (i < n && isTchar(s.charCodeAt(i))) i++;
  if (i - schemeStart !== 6 || s.slice(schemeStart, i).toLowerCase() !== 'digest') {
    return fail('the scheme must be Digest');
  }
  if (i < n && !isWhitespace(s.charCodeAt(i))) return fail('the scheme Digest must be followed by whitespace');

  const pairs: string[] = [];
  let needSeparator = false;
  for (;;) {
    let sawComma = false;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (c === COMMA) sawComma = true;
      else if (!isWhitespace(c)) break;
      i++;
    }
    if (i >= n) break;
    if (needSeparator && !sawComma) return fail('parameters must be separated by commas');

    const nameStart = i;
    let upper = false;
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if (!isTchar(c)) break;
      if (c >= 65 && c <= 90) upper = true;
    }
    if (i === nameStart) return fail(`expected a parameter name at offset ${i}`);
    const name = upper ? s.slice(nameStart, i).toLowerCase() : s.slice(nameStart, i);
    while (i < n && isWhitespace(s.charCodeAt(i))) i++;
    if (i >= n || s.charCodeAt(i) !== EQUALS) return fail(`parameter ${shown(name)} must be followed by =`);
    i++;
    while (i < n && isWhitespace(s.charCodeAt(i))) i++;
    if (i >= n) return fail(`parameter ${shown(name)} has no value`);

    let value: string;
    if (s.charCodeAt(i) === DQUOTE) {
      i++;
      let start = i;
      let parts: string[] | undefined;
      for (;;) {
        QDTEXT_RUN.lastIndex = i;
        QDTEXT_RUN.test(s);
        i = QDTEXT_RUN.lastIndex;
        if (i >= n) return fail(`parameter ${shown(name)} has an unterminated quoted string`);
        const c = s.charCodeAt(i);
        if (c === DQUOTE) break;
        if (c !== BACKSLASH) return fail('the header value contains a control character');
        if (i + 1 >= n) return fail(`parameter ${shown(name)} has an unterminated quoted string`);
        const escaped = s.charCodeAt(i + 1);
        if (escaped === CR || escaped === LF) return fail(`parameter ${shown(name)} has an invalid escape`);
        if (isForbiddenControl(escaped)) return fail('the header value contains a control character');
        (parts ??= []).push(s.slice(start, i));
        start = i + 1;
        i += 2;
      }
      value = parts ? parts.join('') + s.slice(start, i) : s.slice(start, i);
      i++;
    } else {
      const start = i;
      while (i < n && isBareValueChar(s.charCodeAt(i))) i++;
      if (i === start) return fail(`parameter ${shown(name)} has an invalid value`);
      value = s.slice(start, i);
    }
    for (let k = 0; k < pairs.length; k += 2) {
      if (pairs[k] === name) return fail(`parameter ${shown(name)} appears more than once`);
    }
    if (pairs.length >= 2 * MAX_PARAMS) return fail(`more than ${MAX_PARAMS} parameters`);
    pairs.push(name, value);
    needSeparator = true;
    if (i < n && !isWhitespace(s.charCodeAt(i)) && s.charCodeAt(i) !== COMMA) {
      return fail(`parameter ${shown(name)} must be followed by a comma`);
    }
  }
  return { ok: true, pairs };
}

/** True when `text` is a non-empty token (may be written unquoted). */
export function isToken(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) if (!isTchar(text.charCodeAt(i))) return false;
  return true;
}

/** Writes a quoted-string, escaping `"` and `\`; control characters are a programming error. */
export function quote(value: string, what: string): string {
  let out = '"';
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if ((c < 32 && c !== HTAB) || c === 127) throw new TypeError(`${what} must not contain control characters`);
    if (c === DQUOTE || c === BACKSLASH) {
      out += value.slice(start, i) + '\\';
      start = i;
    }
  }
  return out + value.slice(start) + '"';
}
