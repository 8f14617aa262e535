/**
 * Netstrings (`<length>:<bytes>,`), the framing of Kamailio's evapi socket with its default
 * `netstring_format` 1. The reader is incremental: TCP delivers any split of the stream.
 */

/** Frames one payload (one Buffer: the length prefix counts the payload's UTF-8 bytes). */
export function encodeNetstring(payload: string): Buffer {
  return Buffer.from(`${Buffer.byteLength(payload, 'utf8')}:${payload},`, 'utf8');
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
