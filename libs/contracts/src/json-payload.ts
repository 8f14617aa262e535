/**
 * Guarded decoding of JSON request payloads (NATS bodies), shared by every service and
 * libs/nats-transport. Bytes that are not UTF-8 are refused rather than decoded to U+FFFD (that would
 * answer for a request nobody sent). JSON.parse is linear but slow on deep nesting (a megabyte of `[`
 * holds the event loop for about half a second), so callers that take large payloads from untrusted
 * senders may cap the size and, above a threshold, check nesting depth before parsing.
 */

/** Optional guards; each is off unless given. */
export interface JsonPayloadLimits {
  /** Payloads larger than this many bytes are refused unread. */
  maxBytes?: number;
  /** Bracket nesting deeper than this is refused before parsing (checked above `checkDepthAboveBytes`). */
  maxDepth?: number;
  /** Payloads up to this size are parsed directly: their nesting cannot cost more than a few ms. Default 16 KiB. */
  checkDepthAboveBytes?: number;
}

/** Why a payload is not JSON: callers map it onto their own error shapes. */
export type JsonPayloadProblem = 'too-large' | 'too-deep' | 'not-utf8' | 'not-json';

export type DecodedJsonPayload = { ok: true; value: unknown } | { ok: false; problem: JsonPayloadProblem; message: string };

/** `fatal`: invalid UTF-8 throws instead of becoming U+FFFD. */
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The JSON value of a payload (bytes, or text already decoded), or why it is not one. Never throws. */
export function decodeJsonPayload(data: Uint8Array | string, limits: JsonPayloadLimits = {}): DecodedJsonPayload {
  if (typeof data !== 'string') {
    if (limits.maxBytes !== undefined && data.length > limits.maxBytes) {
      return { ok: false, problem: 'too-large', message: `the request is larger than ${limits.maxBytes} bytes` };
    }
    if (limits.maxDepth !== undefined && data.length > (limits.checkDepthAboveBytes ?? 16 * 1024) && nestsDeeperThan(data, limits.maxDepth)) {
      return { ok: false, problem: 'too-deep', message: `the request nests deeper than ${limits.maxDepth} levels` };
    }
  }
  let text: string;
  try {
    text = typeof data === 'string' ? data : strictUtf8.decode(data);
  } catch {
    return { ok: false, problem: 'not-utf8', message: 'the request is not valid UTF-8' };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, problem: 'not-json', message: 'the request is not valid JSON' };
  }
}

/** True for a JSON object (not null, not an array): what every request body must be. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
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
