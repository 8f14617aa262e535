/**
 * Netstrings (`<length>:<bytes>,`), the framing of Kamailio's evapi socket with its default
 * `netstring_format` 1. The reader is incremental: TCP delivers any split of the stream.
 */

/** Frames one payload (one Buffer: the length prefix counts the payload's UTF-8 bytes). */
export function encodeNetstring(payload: string): Buffer {
  return Buffer.from(`${Buffer.byteLength(payload, 'utf8')}:${payload},`, 'utf8');
}

/**
 * The grid an answer frame to Kamailio is padded to. Kamailio 5.6's evapi (evapi_recv_client) reads
 * a bridge's stream into a 32,768-byte buffer, at most 32,767 bytes at a time, and parses netstrings
 * out of each read. A read that ends inside a payload is kept for the next one, but a read that ends
 * inside a length prefix, or after a payload and before its comma, makes it drop that frame and the
 * rest of the read; the next read, starting mid-frame, is dropped too. A dispatcher that falls behind
 * a burst makes full reads, which end wherever 32,767 bytes fall: measured with the real Kamailio
 * (test/sip/evapi-framing.e2e.spec.ts), about 7 % of the answers were lost, each one a call answered 503
 * after AUTH_TIMEOUT_MS. The buffer always starts at a frame's start (evapi moves a partial frame to
 * its front), so a full read leaves 32,767 = 7 × 31 × 151 bytes in it. When every frame is a whole
 * multiple of 7 bytes long, that end falls on a multiple of 7 bytes from some frame's start: past its
 * length prefix and colon (at most 6 bytes), and never just before its comma, the two places that lose
 * data. Any read that is not full ends where the bridge's writes ended, after a comma (unless a
 * socket buffer fills up, when the kernel may split a write anywhere).
 */
export const EVAPI_FRAME_GRID = 7;

/**
 * Frames a JSON object or array for Kamailio's evapi socket: as {@link encodeNetstring}, with spaces
 * before the closing bracket (JSON whitespace) so that the frame's length is a multiple of
 * {@link EVAPI_FRAME_GRID}.
 */
export function encodeEvapiFrame(json: string): Buffer {
  const last = json[json.length - 1];
  if (last !== '}' && last !== ']') throw new Error('an evapi frame carries a JSON object or array');
  const bytes = Buffer.byteLength(json, 'utf8');
  for (let pad = 0; ; pad++) {
    const length = bytes + pad;
    if ((String(length).length + length + 2) % EVAPI_FRAME_GRID === 0) {
      return Buffer.from(`${length}:${json.slice(0, -1)}${' '.repeat(pad)}${last},`, 'utf8');
    }
  }
}

/** Longest frame accepted; evapi frames are SIP questions of a few kilobytes. */
const MAX_FRAME = 1024 * 1024;

/** Accumulates chunks and returns each complete payload; throws on a broken stream (the caller reconnects). */
export class NetstringReader {
  private buffer: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): string[] {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const out: string[] = [];
    let start = 0;
    for (;;) {
      const colon = this.buffer.indexOf(0x3a, start);
      if (colon < 0) {
        if (this.buffer.length - start > 10) throw new Error('netstring: length prefix too long');
        break;
      }
      const digits = this.buffer.toString('latin1', start, colon);
      if (!/^\d{1,10}$/.test(digits)) throw new Error(`netstring: bad length prefix ${JSON.stringify(digits.slice(0, 12))}`);
      const length = Number(digits);
      if (length > MAX_FRAME) throw new Error(`netstring: frame of ${length} bytes exceeds ${MAX_FRAME}`);
      const end = colon + 1 + length;
      if (this.buffer.length < end + 1) break;
      if (this.buffer[end] !== 0x2c) throw new Error('netstring: missing trailing comma');
      out.push(this.buffer.toString('utf8', colon + 1, end));
      start = end + 1;
    }
    this.buffer = start === 0 ? this.buffer : this.buffer.subarray(start);
    return out;
  }
}
