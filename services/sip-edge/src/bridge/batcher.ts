/**
 * Collects items and hands them over together: after `windowMs` (0: at the end of this event-loop
 * turn). On loopback a socket write costs the writer the receiver's TCP work too, and writes were
 * most of the bridge's CPU (bench/sip-edge.bench.ts profiles), so questions are published and
 * answers written in batches; the window bounds the latency this adds.
 */
export class Batcher<T> {
  private items: T[] = [];
  private scheduled = false;

  constructor(private readonly windowMs: number, private readonly flush: (items: T[]) => void) {}

  push(item: T): void {
    this.items.push(item);
    if (this.scheduled) return;
    this.scheduled = true;
    const run = () => {
      this.scheduled = false;
      const items = this.items;
      this.items = [];
      this.flush(items);
    };
    if (this.windowMs > 0) setTimeout(run, this.windowMs);
    else setImmediate(run);
  }
}
