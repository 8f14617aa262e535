/**
 * The event store port. Two adapters implement it (JetStream, EventStoreDB) and prove it with one
 * contract suite (`describeEventStore`). Services talk to this interface only.
 */

/** Metadata every event carries (SPEC §4). */
export interface EventMetadata {
  accountId: string;
  correlationId: string;
  causationId: string;
  schemaVersion: number;
  /** Who asked (written by `handle` since the audit trail; older events have none). */
  actor?: string;
  /** The caller's idempotency key, when it gave one. */
  requestId?: string;
  [key: string]: unknown;
}

/** An event to append. `id` (a UUID) makes appends idempotent: re-appending an id already written is a no-op. */
export interface EventData<Type extends string = string, Data = unknown> {
  id: string;
  type: Type;
  data: Data;
  metadata: EventMetadata;
}

/** An event as stored. */
export interface RecordedEvent<Type extends string = string, Data = unknown> extends EventData<Type, Data> {
  streamName: string;
  /** 0-based index of the event in its stream. */
  revision: number;
  /** Global position: a decimal string, comparable as an integer, increasing in global order. */
  position: string;
  /** ISO-8601 time the store recorded it. */
  created: string;
}

/** `'no_stream'`: the stream must not exist; `'any'`: no check; a number: the revision of the stream's last event. */
export type ExpectedRevision = 'no_stream' | 'any' | number;

export interface AppendResult {
  /** Revision of the last event now in the stream (what to expect next time). */
  nextExpectedRevision: number;
  /** Position of the last event written (or, for a repeated append, of the original). */
  position: string;
  /** Position of each event written, in order, when the adapter knows them (JetStream does). */
  positions?: string[];
}

export interface ReadStreamOptions {
  /** First revision to read (default 0). */
  fromRevision?: number;
  maxCount?: number;
}

export interface SubscribeOptions {
  /** Start after this position (a checkpoint); omitted or undefined: from the very beginning. */
  fromPosition?: string;
}

/** A page of one account's events, newest first (the audit trail). */
export interface ReadAccountBackwardsOptions {
  /** Only events whose `metadata.accountId` is this. */
  accountId: string;
  /** Only events strictly before this position (where the previous page stopped); omitted: from the newest. */
  beforePosition?: string;
  /** At most this many events. */
  maxCount: number;
  /** A further condition on each of the account's events (checked in this process). */
  where?: (event: RecordedEvent) => boolean;
  /**
   * At most this many events (of any account) are examined in one call, so that a page of a quiet
   * account in a busy store stays bounded; default 10,000. A page may therefore hold fewer than
   * `maxCount` events and still have a `continueBefore`.
   */
  maxScan?: number;
}

export interface AccountEventsPage {
  /** The matching events, newest first. */
  events: RecordedEvent[];
  /** Where to go on (pass as `beforePosition`); absent when the walk reached the store's first event. */
  continueBefore?: string;
}

/**
 * Catch-up then live, in global order. Consume with `for await`; resumes by itself after a dropped
 * connection; `close()` ends the iteration.
 */
export interface EventSubscription extends AsyncIterable<RecordedEvent> {
  close(): Promise<void>;
}

export interface EventStore {
  appendToStream(streamName: string, events: EventData[], options: { expectedRevision: ExpectedRevision }): Promise<AppendResult>;
  /** All events of a stream in order; throws {@link StreamNotFound} when the stream has none. */
  readStream(streamName: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  subscribeToAll(options?: SubscribeOptions): EventSubscription;
  /**
   * One account's events across all streams, newest first, a page at a time. Neither adapter can
   * filter by account on the server (stream names carry the aggregate, not the account), so both walk
   * the namespace's events backwards and keep the account's: cost grows with the events walked past.
   */
  readAccountBackwards(options: ReadAccountBackwardsOptions): Promise<AccountEventsPage>;
  /** Position of the last event in the store ("0" when empty). */
  headPosition(): Promise<string>;
  close(): Promise<void>;
}

/** The expected revision did not match the stream's actual revision. */
export class WrongExpectedRevision extends Error {
  constructor(
    readonly streamName: string,
    readonly expected: ExpectedRevision,
    readonly actual: number | 'no_stream',
  ) {
    super(`stream ${streamName}: expected revision ${String(expected)}, actual ${String(actual)}`);
    this.name = 'WrongExpectedRevision';
  }
}

export class StreamNotFound extends Error {
  constructor(readonly streamName: string) {
    super(`stream ${streamName} not found`);
    this.name = 'StreamNotFound';
  }
}
