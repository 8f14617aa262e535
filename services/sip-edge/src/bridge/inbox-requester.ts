/**
 * NATS requests on one wildcard inbox subscription, with one sweep timer for every deadline.
 * nats.js `request()` allocates a request object, an Error (for the timeout's stack) and a timer per
 * call: at thousands of questions a second that was the bridge's largest cost after the socket
 * writes (bench/sip-edge.bench.ts, SIP_EDGE_BENCH_PROFILE). All requests share one timeout, so the
 * pending map, kept in insertion order, expires from its head.
 */
import { createInbox, type Msg, type NatsConnection, type Subscription } from 'nats';

export type RequestOutcome = { ok: true; msg: Msg } | { ok: false; why: 'timeout' | 'no-responders' | 'closed' };

interface Pending { deadline: number; settle(outcome: RequestOutcome): void }

export class InboxRequester {
  private readonly prefix: string;
  private readonly pending = new Map<string, Pending>();
  private readonly sub: Subscription;
  private readonly sweeper: NodeJS.Timeout;
  private seq = 0;

  /** `onSettled` runs after each reply or timeout has been settled (a request is no longer in flight). */
  constructor(
    private readonly nc: NatsConnection,
    private readonly timeoutMs: number,
    inboxPrefix?: string,
    private readonly onSettled: () => void = () => undefined,
  ) {
    this.prefix = `${createInbox(inboxPrefix)}.`;
    this.sub = nc.subscribe(`${this.prefix}*`, { callback: (err, msg) => !err && this.onReply(msg) });
    this.sweeper = setInterval(() => this.sweep(), Math.max(10, Math.min(100, timeoutMs / 10)));
    this.sweeper.unref();
  }

  /** Requests published and not yet settled. */
  get inFlight(): number {
    return this.pending.size;
  }

  /** Publishes `payload` to `subject` and settles with the first reply, a no-responders status, or the timeout. */
  request(subject: string, payload: string, settle: (outcome: RequestOutcome) => void): void {
    const token = (this.seq = (this.seq + 1) % Number.MAX_SAFE_INTEGER).toString(36);
    this.pending.set(token, { deadline: Date.now() + this.timeoutMs, settle });
    try {
      this.nc.publish(subject, payload, { reply: this.prefix + token });
    } catch {
      this.pending.delete(token);
      settle({ ok: false, why: 'closed' });
    }
  }

  private onReply(msg: Msg): void {
    const token = msg.subject.slice(this.prefix.length);
    const waiting = this.pending.get(token);
    if (!waiting) return;
    this.pending.delete(token);
    // The server answers a request nobody subscribes to with a 503 status message (no payload).
    if (msg.headers?.code === 503 && msg.data.length === 0) waiting.settle({ ok: false, why: 'no-responders' });
    else waiting.settle({ ok: true, msg });
    this.onSettled();
  }

  private sweep(): void {
    const now = Date.now();
    let expired = false;
    for (const [token, waiting] of this.pending) {
      if (waiting.deadline > now) break;
      this.pending.delete(token);
      waiting.settle({ ok: false, why: 'timeout' });
      expired = true;
    }
    if (expired) this.onSettled();
  }

  /** Stops listening; whatever is still pending settles as closed. */
  close(): void {
    clearInterval(this.sweeper);
    this.sub.unsubscribe();
    for (const waiting of this.pending.values()) waiting.settle({ ok: false, why: 'closed' });
    this.pending.clear();
  }
}
