/**
 * Nagle's rule for requests: an item pushed while nothing is in flight goes at the end of this
 * event-loop turn (with whatever else arrived in that turn); one pushed while earlier ones are still
 * in flight is held until `release()` (a reply arrived) and then goes with everything held, in one
 * batch. A busy edge so sends the worker its questions in bursts, one wakeup and one read for several,
 * instead of one per question; an idle one adds nothing (no timer). `maxHoldMs` bounds the hold when
 * replies stall (a timer only while something is held).
 */
export class HoldWhileBusy<T> {
  private items: T[] = [];
  private scheduled = false;
  private cap?: NodeJS.Timeout;

  constructor(
    private readonly busy: () => boolean,
    private readonly maxHoldMs: number,
    private readonly flush: (items: T[]) => void,
  ) {}

  push(item: T): void {
    this.items.push(item);
    if (this.scheduled || this.cap) return;
    if (!this.busy()) this.schedule();
    else this.cap = setTimeout(() => this.schedule(), this.maxHoldMs);
  }

  /** Something in flight came back: what is held goes at the end of this turn. */
  release(): void {
    if (this.items.length > 0) this.schedule();
  }

  private schedule(): void {
    if (this.cap) {
      clearTimeout(this.cap);
      this.cap = undefined;
    }
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      const items = this.items;
      this.items = [];
      if (items.length > 0) this.flush(items);
    });
  }
}
