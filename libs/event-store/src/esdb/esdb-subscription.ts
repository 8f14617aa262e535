/**
 * subscribeToAll on EventStoreDB: a catch-up subscription to `$all`, filtered server-side to the
 * namespace's streams, from the checkpoint. The ESDB client does not resubscribe after a dropped
 * connection, so this loop does, from the last position yielded; events at or before it are skipped
 * (whether the server treats the start position as inclusive or not, nothing repeats).
 */
import {
  AllStreamSubscription, CancelledError, DeadlineExceededError, EventStoreDBClient, NotLeaderError, START, streamNameFilter,
  TimeoutError, UnavailableError,
} from '@eventstore/db-client';
import type { EventSubscription, RecordedEvent } from '../event-store.port';
import { esdbFromPosition, esdbToPosition } from './esdb-positions';
import { toRecordedEvent } from './esdb-event-mapping';

const RETRY_DELAY_MS = 500;

/** Errors a resubscription can outlive (connection, leader change); anything else (access denied, bad request) is final. */
const isTransient = (err: unknown): boolean =>
  err instanceof UnavailableError || err instanceof CancelledError || err instanceof DeadlineExceededError ||
  err instanceof TimeoutError || err instanceof NotLeaderError;

export class EsdbSubscription implements EventSubscription {
  private closed = false;
  private current: AllStreamSubscription | undefined;
  private cursor: bigint | undefined;

  constructor(
    private readonly client: EventStoreDBClient,
    private readonly streamPrefix: string,
    checkpoint: string | undefined,
    private readonly onClose: () => void,
  ) {
    this.cursor = checkpoint === undefined || checkpoint === '0' ? undefined : BigInt(checkpoint);
  }

  private iterator: AsyncGenerator<RecordedEvent> | undefined;

  /** One iteration per subscription: asking again returns the same iterator, which goes on where it was. */
  [Symbol.asyncIterator](): AsyncGenerator<RecordedEvent> {
    this.iterator ??= this.iterate();
    return this.iterator;
  }

  private async *iterate(): AsyncGenerator<RecordedEvent> {
    try {
      while (!this.closed) {
        try {
          this.current = this.client.subscribeToAll({
            fromPosition: this.cursor === undefined ? START : esdbFromPosition(this.cursor.toString()),
            filter: streamNameFilter({ prefixes: [this.streamPrefix] }),
          });
          for await (const resolved of this.current) {
            const event = resolved.event;
            if (!event?.position || !event.streamId.startsWith(this.streamPrefix)) continue;
            const position = BigInt(esdbToPosition(event.position));
            if (this.cursor !== undefined && position <= this.cursor) continue;
            this.cursor = position;
            yield toRecordedEvent(event, this.streamPrefix);
            if (this.closed) return;
          }
        } catch (err) {
          if (this.closed) return;
          // A dropped connection, a server restart or a leader change: resubscribe from the cursor below.
          // Anything else would fail the same way forever: end the iteration with it, so the caller sees it.
          if (!isTransient(err)) throw err;
          console.warn(`EventStoreDB subscription dropped (${(err as Error).name}); resubscribing from the last event seen`);
        }
        if (!this.closed) await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
      }
    } finally {
      await this.current?.unsubscribe().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.current?.unsubscribe().catch(() => undefined);
    this.onClose();
  }
}
