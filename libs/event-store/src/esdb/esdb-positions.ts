/**
 * EventStoreDB positions as one decimal string. An ESDB `$all` position is a pair (commit, prepare),
 * ordered lexicographically; all events of one append share the commit position and differ in their
 * prepare position. We write `commit * 2^64 + prepare` (prepare is a 64-bit log offset), which is
 * order-preserving and reversible: comparing two positions as big integers (BigInt, they exceed 2^53)
 * compares them in `$all` order, and a checkpoint inside a multi-event append still names exactly one
 * event, so resuming from it neither skips nor repeats the rest of that append.
 */
import type { Position } from '@eventstore/db-client';

const SHIFT = 64n;
const MASK = (1n << SHIFT) - 1n;

export function esdbToPosition(p: Position): string {
  return ((p.commit << SHIFT) + p.prepare).toString();
}

export function esdbFromPosition(position: string): Position {
  if (!/^\d+$/.test(position)) throw new Error(`not a position: ${JSON.stringify(position)}`);
  const n = BigInt(position);
  return { commit: n >> SHIFT, prepare: n & MASK };
}
