/**
 * The event store on EventStoreDB (`@eventstore/db-client`), the production store of the design.
 *
 * - Stream names are prefixed with `<namespace>:` (namespaces never contain `:`), so two namespaces on
 *   one EventStoreDB never see each other and `$all` is filtered server-side by that prefix (which also
 *   excludes every `$` system stream).
 * - Each event's `id` is the ESDB event id, which makes re-appending the same events idempotent.
 * - Positions: see esdb-positions.ts (`commit * 2^64 + prepare`, compare with BigInt).
 */
import {
  ANY,
  BACKWARDS,
  END,
  EventStoreDBClient,
  jsonEvent,
  JSONType,
  NO_STREAM,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { assertNamespace } from '@sipauth/contracts';
import {
  AccountEventsPage,
  AppendResult,
  EventData,
  EventStore,
  EventSubscription,
  ExpectedRevision,
  ReadAccountBackwardsOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamNotFound,
  SubscribeOptions,
  WrongExpectedRevision,
} from '../event-store.port';
import { toRecordedEvent } from './esdb-event-mapping';
import { esdbFromPosition, esdbToPosition } from './esdb-positions';
import { EsdbSubscription } from './esdb-subscription';

export interface EventStoreDbEventStoreOptions {
  namespace: string;
  /** `esdb://host:2113?tls=false` and the like. */
  connectionString: string;
}

/** How far back headPosition looks past other namespaces' and system events, page by page. */
const HEAD_PAGE = 256;
/** Default bound on the namespace's events one readAccountBackwards call examines. */
const DEFAULT_MAX_SCAN = 10_000;

/** {@link EventStore} over EventStoreDB. */
export class EventStoreDbEventStore implements EventStore {
  private readonly subscriptions = new Set<EsdbSubscription>();
  private readonly prefix: string;

  constructor(
    private readonly client: EventStoreDBClient,
    namespace: string,
  ) {
    this.prefix = `${assertNamespace(namespace)}:`;
  }

  /** A store over a new client for the connection string (the client connects lazily). */
  static connect(options: EventStoreDbEventStoreOptions): EventStoreDbEventStore {
    return new EventStoreDbEventStore(EventStoreDBClient.connectionString(options.connectionString), options.namespace);
  }

  async appendToStream(streamName: string, events: EventData[], options: { expectedRevision: ExpectedRevision }): Promise<AppendResult> {
    if (events.length === 0) throw new Error(`append to ${streamName}: no events`);
    const { expectedRevision } = options;
    const esdbEvents = events.map((e) =>
      jsonEvent({ id: e.id, type: e.type, data: e.data as JSONType, metadata: e.metadata as unknown as JSONType }),
    );
    let next: bigint;
    let transaction: string | undefined;
    try {
      const result = await this.client.appendToStream(this.prefix + streamName, esdbEvents, {
        expectedRevision: expectedRevision === 'no_stream' ? NO_STREAM : expectedRevision === 'any' ? ANY : BigInt(expectedRevision),
      });
      next = result.nextExpectedRevision;
      transaction = result.position ? esdbToPosition(result.position) : undefined;
    } catch (err) {
      if (err instanceof WrongExpectedVersionError) {
        const actual = typeof err.actualVersion === 'bigint' ? Number(err.actualVersion) : 'no_stream';
        throw new WrongExpectedRevision(streamName, expectedRevision, actual);
      }
      throw err;
    }
    // The append reply's position is the transaction's, not each event's: read the written events
    // back for their exact positions (also right for an idempotent repeat, which returns the original).
    const firstRevision = Number(next) - events.length + 1;
    const written = await this.readStream(streamName, { fromRevision: firstRevision, maxCount: events.length });
    // A read that carries no position must not report "0" (every waiter would be satisfied at once):
    // fall back to the transaction's position, which is at or after each of its events.
    const positions = written.map((e) => (e.position !== '0' ? e.position : transaction));
    if (positions.length !== events.length || !positions.every((p): p is string => p !== undefined)) {
      throw new Error(`append to ${streamName}: EventStoreDB reported no position for the written events`);
    }
    return { nextExpectedRevision: Number(next), position: positions[positions.length - 1], positions };
  }

  async readStream(streamName: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    try {
      const read = this.client.readStream(this.prefix + streamName, {
        fromRevision: BigInt(options.fromRevision ?? 0),
        maxCount: options.maxCount ?? Number.MAX_SAFE_INTEGER,
      });
      for await (const resolved of read) {
        if (resolved.event) events.push(toRecordedEvent(resolved.event, this.prefix));
      }
    } catch (err) {
      if (err instanceof StreamNotFoundError) throw new StreamNotFound(streamName);
      throw err;
    }
    return events;
  }

  subscribeToAll(options: SubscribeOptions = {}): EventSubscription {
    const subscription = new EsdbSubscription(this.client, this.prefix, options.fromPosition, () =>
      this.subscriptions.delete(subscription),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  /**
   * `$all` read backwards (this client version has no server-side filter on readAll), keeping the
   * namespace's events of the account. The start position is re-checked here, so whether the server
   * treats it as inclusive or not, the page starts strictly before it.
   */
  async readAccountBackwards(options: ReadAccountBackwardsOptions): Promise<AccountEventsPage> {
    const before = options.beforePosition === undefined ? undefined : BigInt(options.beforePosition);
    const maxScan = options.maxScan ?? DEFAULT_MAX_SCAN;
    const read = this.client.readAll(
      { direction: BACKWARDS, fromPosition: options.beforePosition === undefined ? END : esdbFromPosition(options.beforePosition), maxCount: Number.MAX_SAFE_INTEGER },
      { highWaterMark: HEAD_PAGE },
    );
    const events: RecordedEvent[] = [];
    let scanned = 0;
    try {
      for await (const resolved of read) {
        const e = resolved.event;
        if (!e?.position || !e.streamId.startsWith(this.prefix)) continue;
        const recorded = toRecordedEvent(e, this.prefix);
        if (before !== undefined && BigInt(recorded.position) >= before) continue;
        scanned++;
        if (recorded.metadata?.accountId === options.accountId && (options.where?.(recorded) ?? true)) events.push(recorded);
        if (events.length >= options.maxCount || scanned >= maxScan) return { events, continueBefore: recorded.position };
      }
    } finally {
      await read.cancel().catch(() => undefined);
    }
    return { events };
  }

  /** The position of the namespace's last event: `$all` read backwards past other streams. */
  async headPosition(): Promise<string> {
    const read = this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: Number.MAX_SAFE_INTEGER }, { highWaterMark: HEAD_PAGE });
    try {
      for await (const resolved of read) {
        const e = resolved.event;
        if (e?.position && e.streamId.startsWith(this.prefix)) return esdbToPosition(e.position);
      }
    } finally {
      await read.cancel().catch(() => undefined);
    }
    return '0';
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    await this.client.dispose();
  }
}
