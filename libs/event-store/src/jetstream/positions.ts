/**
 * JetStream positions. One append is one JetStream message; the message's stream sequence is the
 * global order. Event `i` (0-based, at most 999) of the message with sequence `s` has the position
 * `s * 1000 + i`, written as a decimal string. Positions are therefore comparable as integers and
 * increase in global order; "0" means "before everything". A checkpoint inside a multi-event append
 * names exactly which of its events were already seen.
 */
export const EVENTS_PER_MESSAGE = 1000;
const FACTOR = BigInt(EVENTS_PER_MESSAGE);

/** The position of event `index` of the message with sequence `seq`. */
export function toPosition(seq: number, index: number): string {
  const position = seq * EVENTS_PER_MESSAGE + index;
  // Plain arithmetic is exact up to 2^53 (sequence ~9e12), far beyond any real stream; BigInt beyond.
  return Number.isSafeInteger(position) ? String(position) : (BigInt(seq) * FACTOR + BigInt(index)).toString();
}

/** The message sequence and the event index a position names. */
export function fromPosition(position: string): { seq: number; index: number } {
  if (!/^\d+$/.test(position)) throw new Error(`not a position: ${JSON.stringify(position)}`);
  const p = BigInt(position);
  return { seq: Number(p / FACTOR), index: Number(p % FACTOR) };
}
