/**
 * The event store on NATS JetStream: one JetStream stream per namespace (`<ns>_events`, subjects
 * `<ns>.events.>`), one subject per aggregate stream (`<ns>.events.<encoded stream name>`).
 *
 * - One append is ONE JetStream message holding all its events (NATS 2.9 has no atomic multi-message
 *   publish), so nothing is ever half-written. Headers carry the stream token, the first revision and
 *   the count.
 * - Positions: event `i` of the message with sequence `s` is at `s * 1000 + i` (see positions.ts).
 * - Optimistic concurrency: the last message of the subject tells the current revision; the publish
 *   expects that message's sequence as the subject's last (`Nats-Expected-Last-Subject-Sequence`), so a
 *   writer that slipped in between is caught by the server.
 * - Idempotency: the message id is a hash of the stream name and event ids, so JetStream's duplicate
 *   window answers a retry with the original ack; beyond it, events already present after the expected
 *   revision with the same ids make the append a successful no-op.
 */
import { createHash } from 'node:crypto';
import type { JetStreamClient, JetStreamManager, NatsConnection } from 'nats';
import { assertNamespace, isWrongLastSequence } from '@sipauth/contracts';
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
import { AppendHeader, decodeAppend, decodeHeaders, decodeMessage, encodeHeaders, encodePayload, StoredAppend, storedAppendOf } from './message-codec';
import { EVENTS_PER_MESSAGE, toPosition } from './positions';
import { encodeStreamName } from './subject-token';
import { ensureEventStream, eventSubjectPrefix, isNotFound } from './jetstream-stream-setup';
import { JetStreamSubscription } from './jetstream-subscription';
import { readAccountBackwards } from './jetstream-backward-reader';
import { Tail, TailCache } from './tail-cache';

export interface JetStreamEventStoreOptions {
  namespace: string;
  /** Replicas of the event stream: 1 (default) on one server, 3 in a production cluster. */
  replicas?: number;
  /** JetStream's duplicate window for retried appends; default 10 minutes. */
  duplicateWindowMs?: number;
}

/** Headroom for the headers and protocol line next to the payload, within the server's max_payload. */
const HEADER_ALLOWANCE = 1024;
/** Bound on re-reads when an 'any' append keeps losing the race to other writers. */
const MAX_ANY_RACES = 50;

interface LastAppend {
  header: AppendHeader;
  stored: StoredAppend;
}

/** {@link EventStore} over NATS JetStream. Create with {@link JetStreamEventStore.connect}. */
export class JetStreamEventStore implements EventStore {
  private readonly subscriptions = new Set<JetStreamSubscription>();
  /** Last known message of recently used subjects, to append without reading first (the server still checks). */
  private readonly tails = new TailCache();

  private constructor(
    private readonly nc: NatsConnection,
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    /** Name of the JetStream stream holding the namespace's events. */
    readonly jetStreamName: string,
    private readonly subjectPrefix: string,
  ) {}

  /** Creates or updates the namespace's event stream (idempotent) and returns a store over it. */
  static async connect(nc: NatsConnection, options: JetStreamEventStoreOptions): Promise<JetStreamEventStore> {
    const namespace = assertNamespace(options.namespace);
    const jsm = await nc.jetstreamManager();
    const name = await ensureEventStream(jsm, {
      namespace,
      replicas: options.replicas ?? 1,
      duplicateWindowMs: options.duplicateWindowMs ?? 10 * 60_000,
    });
    return new JetStreamEventStore(nc, nc.jetstream(), jsm, name, eventSubjectPrefix(namespace));
  }

  async appendToStream(streamName: string, events: EventData[], options: { expectedRevision: ExpectedRevision }): Promise<AppendResult> {
    const { expectedRevision } = options;
    if (events.length === 0) throw new Error(`append to ${streamName}: no events`);
    if (events.length > EVENTS_PER_MESSAGE) {
      throw new Error(`append to ${streamName}: ${events.length} events, at most ${EVENTS_PER_MESSAGE} per append`);
    }
    const token = encodeStreamName(streamName);
    const subject = this.subjectPrefix + token;
    const payload = encodePayload(events);
    const maxPayload = this.nc.info?.max_payload ?? 1024 * 1024;
    if (payload.length + subject.length + HEADER_ALLOWANCE > maxPayload) {
      throw new Error(`append to ${streamName}: ${payload.length} bytes exceed the server's max payload of ${maxPayload}`);
    }
    const msgID = appendId(streamName, events);
    let known = this.tails.get(subject);
    let fresh = known === undefined;
    if (fresh) known = await this.readTail(subject);
    for (let race = 0; ; race++) {
      const actual = known ? known.lastRevision : 'no_stream';
      if (!revisionMatches(expectedRevision, actual)) {
        // A remembered tail may be stale (another process wrote): only a fresh read may refuse.
        if (!fresh) {
          known = await this.readTail(subject);
          fresh = true;
          continue;
        }
        return this.alreadyAppended(streamName, events, expectedRevision, actual);
      }
      const firstRevision = actual === 'no_stream' ? 0 : actual + 1;
      try {
        const ack = await this.js.publish(subject, payload, {
          msgID,
          expect: { lastSubjectSequence: known?.seq ?? 0 },
          headers: encodeHeaders(token, firstRevision, events.length),
        });
        if (ack.duplicate) {
          this.tails.delete(subject);
          return this.resultOfMessage(ack.seq);
        }
        this.tails.remember(subject, { seq: ack.seq, lastRevision: firstRevision + events.length - 1 });
        const positions = events.map((_, i) => toPosition(ack.seq, i));
        return { nextExpectedRevision: firstRevision + events.length - 1, position: positions[positions.length - 1], positions };
      } catch (err) {
        if (!isWrongLastSequence(err)) throw err;
        if (expectedRevision === 'any' && race >= MAX_ANY_RACES) {
          throw new WrongExpectedRevision(streamName, expectedRevision, actual);
        }
        // Someone wrote between our read and our publish: the next read shows what they wrote.
        known = await this.readTail(subject);
        fresh = true;
      }
    }
  }

  async readStream(streamName: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const fromRevision = options.fromRevision ?? 0;
    const maxCount = options.maxCount ?? Number.POSITIVE_INFINITY;
    const subject = this.subjectPrefix + encodeStreamName(streamName);
    const last = await this.lastAppend(subject);
    if (!last) throw new StreamNotFound(streamName);
    if (fromRevision > lastRevisionOf(last.header) || maxCount <= 0) return [];
    if (last.header.firstRevision > fromRevision) return this.readSubject(subject, last.stored.seq, fromRevision, maxCount);
    const events = decodeAppend(last.stored, this.subjectPrefix);
    const from = fromRevision - last.header.firstRevision;
    return events.slice(from, from + maxCount);
  }

  subscribeToAll(options: SubscribeOptions = {}): EventSubscription {
    const subscription = new JetStreamSubscription(this.nc, this.js, this.jetStreamName, this.subjectPrefix, options.fromPosition, () =>
      this.subscriptions.delete(subscription),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  readAccountBackwards(options: ReadAccountBackwardsOptions): Promise<AccountEventsPage> {
    return readAccountBackwards(this.js, this.jsm, this.jetStreamName, this.subjectPrefix, options);
  }

  async headPosition(): Promise<string> {
    const info = await this.jsm.streams.info(this.jetStreamName);
    if (info.state.last_seq === 0 || info.state.messages === 0) return '0';
    return (await this.resultOfMessage(info.state.last_seq)).position;
  }

  /** Ends this store's subscriptions; the NATS connection belongs to the caller and stays open. */
  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.close()));
  }

  /** The subject's last message, read from the stream leader; remembers the subject's tail. */
  private async lastAppend(subject: string): Promise<LastAppend | undefined> {
    try {
      const sm = await this.jsm.streams.getMessage(this.jetStreamName, { last_by_subj: subject });
      const header = decodeHeaders(sm.header);
      const stored = { subject: sm.subject, seq: sm.seq, firstRevision: header.firstRevision, data: sm.data, created: sm.time };
      this.tails.remember(subject, { seq: sm.seq, lastRevision: lastRevisionOf(header) });
      return { header, stored };
    } catch (err) {
      if (!isNotFound(err)) throw err;
      this.tails.delete(subject);
      return undefined;
    }
  }

  private async readTail(subject: string): Promise<Tail | undefined> {
    await this.lastAppend(subject);
    return this.tails.get(subject);
  }

  private async resultOfMessage(seq: number): Promise<AppendResult> {
    const sm = await this.jsm.streams.getMessage(this.jetStreamName, { seq });
    const header = decodeHeaders(sm.header);
    const positions = Array.from({ length: header.count }, (_, i) => toPosition(seq, i));
    return { nextExpectedRevision: lastRevisionOf(header), position: positions[positions.length - 1], positions };
  }

  /**
   * The subject's events from `fromRevision` on, at most `maxCount`, through an ordered consumer; reads
   * no further than the message `lastSeq` (the tail when the read began).
   */
  private async readSubject(subject: string, lastSeq: number, fromRevision: number, maxCount: number): Promise<RecordedEvent[]> {
    const consumer = await this.js.consumers.get(this.jetStreamName, { filterSubjects: subject, inactive_threshold: 30_000 });
    const messages = await consumer.consume({ max_messages: 1000 });
    const events: RecordedEvent[] = [];
    try {
      for await (const m of messages) {
        for (const e of decodeMessage(m, this.subjectPrefix)) {
          if (e.revision >= fromRevision && events.length < maxCount) events.push(e);
        }
        if (m.seq >= lastSeq || events.length >= maxCount) break;
      }
    } finally {
      messages.stop();
      consumer.delete().catch(() => undefined);
    }
    return events;
  }

  /**
   * The expected revision does not match. If the very same events (by id) already follow the expected
   * revision, this is a retry of an append that succeeded: answer as the original did.
   */
  private async alreadyAppended(
    streamName: string,
    events: EventData[],
    expected: ExpectedRevision,
    actual: number | 'no_stream',
  ): Promise<AppendResult> {
    const conflict = new WrongExpectedRevision(streamName, expected, actual);
    if (actual === 'no_stream' || expected === 'any') throw conflict;
    const from = expected === 'no_stream' ? 0 : expected + 1;
    if (from + events.length - 1 > actual) throw conflict;
    const stored = await this.readStream(streamName, { fromRevision: from, maxCount: events.length });
    if (stored.length !== events.length || stored.some((e, i) => e.id !== events[i].id)) throw conflict;
    const lastStored = stored[stored.length - 1];
    return { nextExpectedRevision: lastStored.revision, position: lastStored.position, positions: stored.map((e) => e.position) };
  }
}

function lastRevisionOf(header: AppendHeader): number {
  return header.firstRevision + header.count - 1;
}

function revisionMatches(expected: ExpectedRevision, actual: number | 'no_stream'): boolean {
  return expected === 'any' || expected === actual;
}

/** A stable id for one append, so JetStream recognises its retries. */
function appendId(streamName: string, events: EventData[]): string {
  const h = createHash('sha256').update(streamName);
  for (const e of events) h.update('\0').update(e.id);
  return h.digest('base64url');
}
