/**
 * Decoding an auth request's payload (SPEC §6: plain JSON; malformed JSON is VALIDATION_FAILED, and so
 * are bytes that are not UTF-8). The guarded decoder is shared (libs/contracts json-payload.ts); this
 * file holds the worker's limits: auth requests are small flat objects, so a payload larger than any
 * ordinary request is first checked for nesting depth.
 */
import { decodeJsonPayload } from '@sipauth/contracts';

/** The largest payload read at all; above the biggest valid request (8 KiB header, 256 KiB body, escaped). */
export const MAX_PAYLOAD_BYTES = 2 * 1024 * 1024;
/** Auth requests are flat objects; anything nested deeper than this is not one. */
const MAX_DEPTH = 8;

export type DecodedPayload = { ok: true; value: unknown } | { ok: false; message: string };

/** The JSON value of a payload, or why it is not one. Never throws. */
export function decodePayload(data: Uint8Array): DecodedPayload {
  const decoded = decodeJsonPayload(data, { maxBytes: MAX_PAYLOAD_BYTES, maxDepth: MAX_DEPTH, checkDepthAboveBytes: 16 * 1024 });
  return decoded.ok ? decoded : { ok: false, message: decoded.message };
}
