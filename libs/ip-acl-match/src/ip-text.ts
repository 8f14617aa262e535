/**
 * Strict parsers for the text forms of IP addresses, written by hand because they sit on the
 * per-INVITE path (no regular expressions, no allocation) and because ipaddr.js is lenient where
 * an ACL must not be: it reads `::1.2.3.4` as `::ffff:1.2.3.4` and accepts `010` octets in an
 * embedded IPv4 tail. The property tests check these parsers against ipaddr.js on valid input.
 */

/**
 * Parses canonical dotted-quad IPv4 (`0`–`255`, no leading zeros, exactly four parts) in
 * `text[start, end)` into an unsigned 32-bit number; -1 when it is not one.
 */
export function parseIpv4(text: string, start = 0, end = text.length): number {
  let value = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (digits === 1 && octet === 0) return -1;
      octet = octet * 10 + (c - 48);
      if (octet > 255) return -1;
      digits++;
    } else if (c === 46) {
      if (digits === 0 || dots === 3) return -1;
      value = value * 256 + octet;
      octet = 0;
      digits = 0;
      dots++;
    } else {
      return -1;
    }
  }
  if (digits === 0 || dots !== 3) return -1;
  return value * 256 + octet;
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/**
 * Parses IPv6 text (RFC 4291 §2.2: 1–4 hex digits per group, at most one `::`, an optional
 * canonical dotted-quad tail) in `text[start, end)` into eight 16-bit `groups`. Zone ids (`%eth0`)
 * and anything else are refused. Returns false when the text is not an IPv6 address.
 */
export function parseIpv6(text: string, start: number, end: number, groups: number[]): boolean {
  if (end - start < 2 || end - start > 45) return false;
  let count = 0;
  let gap = -1;
  let i = start;
  if (text.charCodeAt(i) === 58) {
    if (text.charCodeAt(i + 1) !== 58) return false;
    gap = 0;
    i += 2;
  }
  while (i < end) {
    const groupStart = i;
    let value = 0;
    let digits = 0;
    for (; i < end; i++) {
      const h = hexValue(text.charCodeAt(i));
      if (h < 0) break;
      if (++digits > 4) return false;
      value = value * 16 + h;
    }
    if (i < end && text.charCodeAt(i) === 46) {
      if (count > 6) return false;
      const v4 = parseIpv4(text, groupStart, end);
      if (v4 < 0) return false;
      groups[count++] = Math.floor(v4 / 65536);
      groups[count++] = v4 % 65536;
      break;
    }
    if (digits === 0 || count === 8) return false;
    groups[count++] = value;
    if (i === end) break;
    if (text.charCodeAt(i) !== 58 || ++i === end) return false;
    if (text.charCodeAt(i) === 58) {
      if (gap >= 0) return false;
      gap = count;
      i++;
    }
  }
  if (gap < 0) return count === 8;
  if (count > 7) return false;
  const tail = count - gap;
  for (let k = 0; k < tail; k++) groups[7 - k] = groups[count - 1 - k];
  for (let k = gap; k < 8 - tail; k++) groups[k] = 0;
  return true;
}
