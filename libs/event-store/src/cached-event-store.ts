/**
 * An {@link EventStore} decorator that remembers the events of recently used streams, so the command
 * path reads only what was appended since (one `readStream(…, { fromRevision })`) instead of the whole
 * stream on every command. Streams are append-only, so the cache is never wrong, only behind, and the
 * store's expected-revision check still guards every append. Bounded: least recently used streams go.
 */
import type {
  AccountEventsPage, AppendResult, EventData, EventStore, EventSubscription, ExpectedRevision, ReadAccountBackwardsOptions, ReadStreamOptions, RecordedEvent, SubscribeOptions,
} from './event-store.port';

/** Wraps any {@link EventStore}; proven by the same contract suite as the adapters (cached-event-store.int.spec.ts). */
export class CachedEventStore implements EventStore {
  private readonly streams = new Map<string, RecordedEvent[]>();

  constructor(private readonly inner: EventStore, private readonly maxStreams = 1_000) {}

  appendToStream(streamName: string, events: EventData[], options: { expectedRevision: ExpectedRevision }): Promise<AppendResult> {
    return this.inner.appendToStream(streamName, events, options);
  }

  async readStream(streamName: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    if (options && (options.fromRevision || options.maxCount !== undefined)) return this.inner.readStream(streamName, options);
    const known = this.streams.get(streamName);
    try {
      if (!known) return this.remember(streamName, await this.inner.readStream(streamName));
      const newer = await this.inner.readStream(streamName, { fromRevision: known.length });
      if (newer.length > 0 && newer[0].revision !== known.length) return this.remember(streamName, await this.inner.readStream(streamName));
      return this.remember(streamName, newer.length === 0 ? known : known.concat(newer));
    } catch (err) {
      this.streams.delete(streamName);
      throw err;
    }
  }

  subscribeToAll(options?: SubscribeOptions): EventSubscription {
    return this.inner.subscribeToAll(options);
  }

  readAccountBackwards(options: ReadAccountBackwardsOptions): Promise<AccountEventsPage> {
    return this.inner.readAccountBackwards(options);
  }

  headPosition(): Promise<string> {
    return this.inner.headPosition();
  }

  close(): Promise<void> {
    this.streams.clear();
    return this.inner.close();
  }

  private remember(streamName: string, events: RecordedEvent[]): RecordedEvent[] {
    this.streams.delete(streamName);
    this.streams.set(streamName, events);
    if (this.streams.size > this.maxStreams) this.streams.delete(this.streams.keys().next().value as string);
    return events.slice();
  }
}
