/**
 * Decoding an auth request's payload (SPEC §6: plain JSON; malformed JSON is VALIDATION_FAILED, and so
 * are bytes that are not UTF-8: decoding them to U+FFFD would answer for a request nobody sent).
 * JSON.parse is linear but slow on deep nesting (a megabyte of `[` holds the event loop for about
 * half a second), so a payload larger than any ordinary request is first checked for nesting depth.
 */

/** The largest payload read at all; above the biggest valid request (8 KiB header, 256 KiB body, escaped). */
export const MAX_PAYLOAD_BYTES = 2 * 1024 * 1024;
/** Payloads up to this size are parsed directly: their nesting cannot cost more than a few ms. */
const CHECK_DEPTH_ABOVE_BYTES = 16 * 1024;
/** Auth requests are flat objects; anything nested deeper than this is not one. */
const MAX_DEPTH = 8;

/** `fatal`: invalid UTF-8 throws instead of becoming U+FFFD (as config-service's validate-request.ts). */
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export type DecodedPayload = { ok: true; value: unknown } | { ok: false; message: string };

/** The JSON value of a payload, or why it is not one. Never throws. */
export function decodePayload(data: Uint8Array): DecodedPayload {
  if (data.length > MAX_PAYLOAD_BYTES) return { ok: false, message: `the request is larger than ${MAX_PAYLOAD_BYTES} bytes` };
  if (data.length > CHECK_DEPTH_ABOVE_BYTES && nestsDeeperThan(data, MAX_DEPTH)) {
    return { ok: false, message: `the request nests deeper than ${MAX_DEPTH} levels` };
  }
  let text: string;
  try {
    text = strictUtf8.decode(data);
  } catch {
    return { ok: false, message: 'the request is not valid UTF-8' };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, message: 'the request is not valid JSON' };
  }
}

/** Bracket depth outside JSON strings, in one pass over the bytes (UTF-8 continuation bytes are never ASCII). */
function nestsDeeperThan(data: Uint8Array, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < data.length; i++) {
    const c = data[i];
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > limit) return true;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      depth--;
    }
  }
  return false;
}
