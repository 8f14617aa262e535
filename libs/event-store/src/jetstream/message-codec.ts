/** How one append is laid out in one JetStream message: all its events in the payload, bookkeeping in headers. */
import { headers as natsHeaders, JsMsg, MsgHdrs } from 'nats';
import type { EventData, RecordedEvent } from '../event-store.port';
import { toPosition } from './positions';
import { integerHeader, rawHeaderBlock } from './raw-headers';
import { decodeStreamName } from './subject-token';

const UTF8 = new TextDecoder();

export const HEADER_STREAM = 'Sipauth-Stream';
export const HEADER_REVISION = 'Sipauth-Revision';
export const HEADER_COUNT = 'Sipauth-Count';

/** What the headers of an append message say. */
export interface AppendHeader {
  /** Revision of the first event in the message. */
  firstRevision: number;
  count: number;
}

export function encodeHeaders(token: string, firstRevision: number, count: number): MsgHdrs {
  const h = natsHeaders();
  h.set(HEADER_STREAM, token);
  h.set(HEADER_REVISION, String(firstRevision));
  h.set(HEADER_COUNT, String(count));
  return h;
}

export function decodeHeaders(h: MsgHdrs | undefined): AppendHeader {
  const firstRevision = Number(h?.get(HEADER_REVISION));
  const count = Number(h?.get(HEADER_COUNT));
  if (!Number.isInteger(firstRevision) || !Number.isInteger(count) || count < 1) {
    throw new Error('event store message without valid revision headers');
  }
  return { firstRevision, count };
}

export function encodePayload(events: EventData[]): Uint8Array {
  return Buffer.from(JSON.stringify(events.map(({ id, type, data, metadata }) => ({ id, type, data, metadata }))));
}

/** What decoding needs of a stored append message, however it was read (consumer or direct get). */
export interface StoredAppend {
  subject: string;
  seq: number;
  /** Revision of the message's first event (its revision header). */
  firstRevision: number;
  data: Uint8Array;
  created: Date;
}

/** A message from a consumer, as {@link decodeAppend} takes it; its headers are not decoded as a whole. */
export function storedAppendOf(m: JsMsg): StoredAppend {
  const block = rawHeaderBlock(m);
  const firstRevision = (block && integerHeader(block, HEADER_REVISION)) ?? decodeHeaders(m.headers).firstRevision;
  return { subject: m.subject, seq: m.seq, firstRevision, data: m.data, created: new Date(m.info.timestampNanos / 1e6) };
}

/** A message on the event subjects that is not an append this store wrote (no revision headers, or not JSON). */
export class UnreadableEventMessage extends Error {
  constructor(readonly subject: string, readonly seq: number, cause: unknown) {
    super(`event store message #${seq} on ${subject} is not an append of this store: ${(cause as Error)?.message ?? String(cause)}`);
    this.name = 'UnreadableEventMessage';
  }
}

/** {@link storedAppendOf} then {@link decodeAppend}, naming the message when it cannot be read. */
export function decodeMessage(m: JsMsg, subjectPrefix: string): RecordedEvent[] {
  try {
    return decodeAppend(storedAppendOf(m), subjectPrefix);
  } catch (err) {
    throw new UnreadableEventMessage(m.subject, m.seq, err);
  }
}

/** The events of one append message, with their revisions and positions. */
export function decodeAppend(msg: StoredAppend, subjectPrefix: string): RecordedEvent[] {
  const { firstRevision } = msg;
  const streamName = decodeStreamName(msg.subject.slice(subjectPrefix.length));
  const created = msg.created.toISOString();
  const events = JSON.parse(UTF8.decode(msg.data)) as EventData[];
  return events.map((e, i) => ({
    id: e.id,
    type: e.type,
    data: e.data,
    metadata: e.metadata,
    streamName,
    revision: firstRevision + i,
    position: toPosition(msg.seq, i),
    created,
  }));
}
