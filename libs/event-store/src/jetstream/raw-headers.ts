/**
 * Reading one header of a received message without decoding them all. nats.js decodes a message's
 * headers only as a whole (canonical keys, validation of every line), which during a catch-up costs
 * more than parsing the events themselves. nats.js 2.x keeps the raw header block on the message, so
 * the one header a catch-up needs is found there; wherever the block is missing or not as expected,
 * callers fall back to the public headers, so another nats.js version is only slower, never wrong.
 */
import type { JsMsg } from 'nats';

const PREAMBLE = Buffer.from('NATS/1.0', 'latin1');
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;
const ZERO = 0x30;
const NINE = 0x39;

/** The shape nats.js 2.x gives a received message (`JsMsgImpl.msg` is a `MsgImpl`). */
interface NatsMsgInternals {
  msg?: { _rdata?: unknown; _msg?: { hdr?: unknown } };
}

/** The message's raw header block (`NATS/1.0\r\nKey: value\r\n…\r\n\r\n`), when nats.js exposes it. */
export function rawHeaderBlock(m: JsMsg): Buffer | undefined {
  const inner = (m as unknown as NatsMsgInternals).msg;
  const data = inner?._rdata;
  const length = inner?._msg?.hdr;
  if (!(data instanceof Uint8Array) || typeof length !== 'number' || length < PREAMBLE.length || length > data.length) return undefined;
  const block = Buffer.from(data.buffer, data.byteOffset, length);
  return block.subarray(0, PREAMBLE.length).equals(PREAMBLE) ? block : undefined;
}

/**
 * The value of header `key` (spelled exactly so) in a raw header block, read as a non-negative
 * integer; undefined when the header is absent or its value is not a plain decimal.
 */
export function integerHeader(block: Buffer, key: string): number | undefined {
  const at = block.indexOf(`\r\n${key}:`, 0, 'latin1');
  if (at < 0) return undefined;
  let i = at + key.length + 3;
  while (i < block.length && (block[i] === SPACE || block[i] === TAB)) i++;
  const start = i;
  let value = 0;
  while (i < block.length && block[i] >= ZERO && block[i] <= NINE) value = value * 10 + (block[i++] - ZERO);
  if (i === start || block[i] !== CR || !Number.isSafeInteger(value)) return undefined;
  return value;
}
