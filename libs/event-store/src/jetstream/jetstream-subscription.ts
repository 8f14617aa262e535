/**
 * subscribeToAll on JetStream: an ordered consumer over `<ns>.events.>` from the message after the
 * checkpoint (or the checkpoint's own message, when the checkpoint lies inside a multi-event append).
 * The cursor is the last position yielded; every event at or before it is skipped, so a consumer that
 * is recreated (by nats.js after a dropped connection, or by this loop when its iterator ends) neither
 * repeats nor skips an event.
 */
import type { Consumer, ConsumerMessages, JetStreamClient, JsMsg, NatsConnection } from 'nats';
import type { EventSubscription, RecordedEvent } from '../event-store.port';
import { decodeAppend } from './message-codec';
import { fromPosition } from './positions';

/** Pause before recreating a consumer whose iteration failed (the connection may be reconnecting). */
const RETRY_DELAY_MS = 250;

export class JetStreamSubscription implements EventSubscription {
  private closed = false;
  private messages: ConsumerMessages | undefined;
  /** The last event yielded (or the checkpoint): message sequence and index within the message. */
  private cursor: { seq: number; index: number };
  private wakeUp: (() => void) | undefined;

  private consumer: Consumer | undefined;
  private iterator: AsyncGenerator<RecordedEvent> | undefined;
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

  /** One iteration per subscription: asking again returns the same iterator, which goes on where it was. */
  [Symbol.asyncIterator](): AsyncGenerator<RecordedEvent> {
    this.iterator ??= this.iterate();
    return this.iterator;
  }

  private async *iterate(): AsyncGenerator<RecordedEvent> {
    try {
      yield* this.run();
    } finally {
      this.messages?.stop();
      this.consumer?.delete().catch(() => undefined);
    }
  }

  private async *run(): AsyncGenerator<RecordedEvent> {
    while (!this.closed) {
      try {
        for await (const m of await this.consume()) {
          for (const event of this.unseen(m)) {
            yield event;
            if (this.closed) return;
          }
        }
      } catch (err) {
        if (this.closed) return;
        if (this.nc.isClosed()) throw err;
      }
      if (this.nc.isClosed()) throw new Error('event subscription ended: the NATS connection is closed');
      if (!this.closed) await this.pause(RETRY_DELAY_MS);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.statusWatch.stop?.();
    this.messages?.stop();
    this.wakeUp?.();
    this.onClose();
  }

  private async consume(): Promise<ConsumerMessages> {
    // A checkpoint at index 999 (or "0") has nothing left in its own message.
    const startSeq = Math.max(1, this.cursor.seq);
    this.consumer?.delete().catch(() => undefined);
    this.consumer = await this.js.consumers.get(this.streamName, {
      filterSubjects: `${this.subjectPrefix}>`,
      opt_start_seq: startSeq,
    });
    this.messages = await this.consumer.consume({ max_messages: 1000, expires: 10_000, idle_heartbeat: 2_000 });
    if (this.closed) this.messages.stop();
    return this.messages;
  }

  private *unseen(m: JsMsg): Generator<RecordedEvent> {
    if (m.seq < this.cursor.seq) return;
    const created = new Date(m.info.timestampNanos / 1e6);
    const events = decodeAppend({ subject: m.subject, seq: m.seq, headers: m.headers, data: m.data, created }, this.subjectPrefix);
    const skip = m.seq === this.cursor.seq && this.cursor.seq > 0 ? this.cursor.index + 1 : 0;
    for (let i = skip; i < events.length; i++) {
      this.cursor = { seq: m.seq, index: i };
      yield events[i];
    }
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
