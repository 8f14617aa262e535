/**
 * Stream names become one NATS subject token. Names may hold dots (trunk domains), `*`, `>`, spaces or
 * any Unicode, none of which may appear raw in a token, so everything outside `[A-Za-z0-9_-]` is written
 * as `%XX` per UTF-8 byte (percent-style). The mapping is injective and reversible, and keeps the
 * common names (`trunk-tr_123`) readable in `nats` CLI output.
 */
const SAFE = /^[A-Za-z0-9_-]$/;

/** Encodes a stream name into one subject token (`trunkDomain-a.b` → `trunkDomain-a%2Eb`). */
export function encodeStreamName(streamName: string): string {
  if (streamName.length === 0) throw new Error('a stream name must not be empty');
  if (/\p{Cs}/u.test(streamName)) throw new Error('a stream name must be well-formed Unicode');
  let token = '';
  for (const ch of streamName) {
    if (SAFE.test(ch)) {
      token += ch;
      continue;
    }
    for (const byte of Buffer.from(ch, 'utf8')) token += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return token;
}

/** Reverses {@link encodeStreamName}. */
export function decodeStreamName(token: string): string {
  return token.includes('%') ? decodeURIComponent(token) : token;
}
