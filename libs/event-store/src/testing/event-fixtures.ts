/** Small helpers for the contract suite: events to write and a bounded way to read a subscription. */
import { randomUUID } from 'node:crypto';
import type { EventData, EventSubscription, RecordedEvent } from '../event-store.port';

export function someEvents(count: number, type = 'SomethingHappened'): EventData[] {
  return Array.from({ length: count }, (_, i) => ({
    id: randomUUID(),
    type,
    data: { n: i, text: `event ${i}` },
    metadata: { accountId: 'AC1', correlationId: 'corr-1', causationId: 'cause-1', schemaVersion: 1 },
  }));
}

/**
 * Takes the next `count` events from a subscription. Fails (rather than hanging the run) when they do
 * not all arrive within `guardMs`; the guard is a safety net, not something the tests measure.
 */
export async function take(subscription: EventSubscription, count: number, guardMs = 20_000): Promise<RecordedEvent[]> {
  const seen: RecordedEvent[] = [];
  if (count === 0) return seen;
  const iterator = subscription[Symbol.asyncIterator]();
  let timer: NodeJS.Timeout | undefined;
  const guard = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`subscription delivered ${seen.length} of ${count} events`)), guardMs);
  });
  try {
    while (seen.length < count) {
      const next = await Promise.race([iterator.next(), guard]);
      if (next.done) throw new Error(`subscription ended after ${seen.length} of ${count} events`);
      seen.push(next.value);
    }
    return seen;
  } finally {
    clearTimeout(timer);
  }
}

/** Whether a list of decimal positions strictly increases when compared as integers. */
export function strictlyIncreasing(positions: string[]): boolean {
  return positions.every((p, i) => i === 0 || BigInt(p) > BigInt(positions[i - 1]));
}
