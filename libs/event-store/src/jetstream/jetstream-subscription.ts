/**
 * subscribeToAll on JetStream: an ordered pull consumer over `<ns>.events.>` from the message after
 * the checkpoint (or the checkpoint's own message, when the checkpoint lies inside a multi-event
 * append).
 *
 * Catch-up speed is per-event overhead, so the hot path is plain: each message is decoded once into a
 * buffer and `next()` hands out buffered events without any generator or `await` in between. The
 * consumer's own iterator still paces the pulls, so a slow reader never makes the buffer grow past one
 * message's events.
 *
 * The cursor is the last event taken into the buffer (or the checkpoint); a consumer that is recreated
 * (by nats.js after a dropped connection, or by this class when its iteration ends) starts there and
 * every event at or before it is skipped, so nothing repeats and nothing is missed.
 */
import type { Consumer, ConsumerMessages, JetStreamClient, JsMsg, NatsConnection } from 'nats';
import type { EventSubscription, RecordedEvent } from '../event-store.port';
import { decodeMessage } from './message-codec';
import { fromPosition } from './positions';

/** Pause before recreating a consumer whose iteration failed (the connection may be reconnecting). */
const RETRY_DELAY_MS = 250;
/** Messages asked of the server per pull; more in flight means fewer round trips during catch-up. */
const PULL_BATCH = 1000;
const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

export class JetStreamSubscription implements EventSubscription, AsyncIterableIterator<RecordedEvent> {
  private closed = false;
  private failure: unknown;
  private consumer: Consumer | undefined;
  private messages: ConsumerMessages | undefined;
  private source: AsyncIterator<JsMsg> | undefined;
  /** Decoded events; those from `head` on are not handed out yet. */
  private buffer: RecordedEvent[] = [];
  private head = 0;
  /** The last event taken into the buffer (or the checkpoint): message sequence and index within it. */
  private cursor: { seq: number; index: number };
  /** Set while the buffer is being refilled; later `next()` calls queue behind it, in order. */
  private refilling: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;
  private readonly statusWatch: AsyncIterable<{ type: string }> & { stop?: () => void };

  constructor(
    private readonly nc: NatsConnection,
    private readonly js: JetStreamClient,
    private readonly streamName: string,
    private readonly subjectPrefix: string,
    checkpoint: string | undefined,
    private readonly onClose: () => void,
  ) {
    this.cursor = checkpoint === undefined ? { seq: 0, index: 0 } : fromPosition(checkpoint);
    this.statusWatch = nc.status();
    void this.restartOnReconnect();
  }

  /** One iteration per subscription: asking again returns the same iterator, which goes on where it was. */
  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<RecordedEvent>> {
    if (this.refilling === undefined) {
      if (this.failure !== undefined) return Promise.reject(this.failure);
      if (this.closed) return Promise.resolve(DONE);
      if (this.head < this.buffer.length) return Promise.resolve({ done: false, value: this.buffer[this.head++] });
      this.refilling = this.refill().finally(() => {
        this.refilling = undefined;
      });
    }
    return this.refilling.then(() => this.next());
  }

  /** Leaving a `for await` early ends the subscription. */
  async return(): Promise<IteratorResult<RecordedEvent>> {
    await this.close();
    return DONE;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.statusWatch.stop?.();
    this.stopConsumer();
    this.wakeUp?.();
    this.onClose();
  }

  /** Waits for the next message that has unseen events and decodes it into the (empty) buffer. */
  private async refill(): Promise<void> {
    try {
      while (!this.closed && this.head >= this.buffer.length) {
        const next = await this.nextMessage();
        if (next === undefined) {
          if (this.closed) return;
          if (this.nc.isClosed()) throw new Error('event subscription ended: the NATS connection is closed');
          await this.pause(RETRY_DELAY_MS);
        } else {
          this.take(next);
        }
      }
    } catch (err) {
      this.failure = err;
      await this.close();
    }
  }

  /** The consumer's next message; undefined when its iteration ended or failed and it must be recreated. */
  private async nextMessage(): Promise<JsMsg | undefined> {
    try {
      this.source ??= await this.open();
      const next = await this.source.next();
      if (!next.done) return next.value;
    } catch (err) {
      if (this.nc.isClosed() && !this.closed) throw err;
    }
    this.source = undefined;
    return undefined;
  }

  private async open(): Promise<AsyncIterator<JsMsg>> {
    // A checkpoint at index 999 (or "0") has nothing left in its own message.
    const startSeq = Math.max(1, this.cursor.seq);
    this.stopConsumer();
    const consumer = await this.js.consumers.get(this.streamName, { filterSubjects: `${this.subjectPrefix}>`, opt_start_seq: startSeq });
    this.consumer = consumer;
    const messages = await consumer.consume({ max_messages: PULL_BATCH, expires: 10_000, idle_heartbeat: 2_000 });
    this.messages = messages;
    // Closed while the consumer was being created: end it at once (its iteration then ends too).
    if (this.closed) this.stopConsumer();
    return messages[Symbol.asyncIterator]();
  }

  /**
   * Messages in flight when the connection dropped are lost to the old consumer; rather than wait for
   * missed heartbeats, start a new consumer from the cursor as soon as the client is back.
   */
  private async restartOnReconnect(): Promise<void> {
    for await (const status of this.statusWatch) {
      if (this.closed) return;
      if (status.type === 'reconnect') this.messages?.stop();
    }
  }

  private stopConsumer(): void {
    this.messages?.stop();
    this.consumer?.delete().catch(() => undefined);
    this.messages = undefined;
    this.consumer = undefined;
  }

  /** Puts the events of `m` after the cursor into the buffer. */
  private take(m: JsMsg): void {
    const seq = m.seq;
    if (seq < this.cursor.seq) return;
    const skip = seq === this.cursor.seq && seq > 0 ? this.cursor.index + 1 : 0;
    const events = decodeMessage(m, this.subjectPrefix);
    if (skip >= events.length) return;
    this.buffer = events;
    this.head = skip;
    this.cursor = { seq, index: events.length - 1 };
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
