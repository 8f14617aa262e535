/**
 * The JetStream side of `readAccountBackwards`. JetStream delivers only forwards and cannot filter by
 * account (the subject names the aggregate stream). Alternatives weighed: a KV index per account would
 * be a second write outside the append's single message (not atomic, so the trail could miss events);
 * one `getMessage` per sequence costs a round trip per message. So we walk backwards by sequence in
 * chunks: an ordered consumer reads the chunk `[end - CHUNK + 1, end]` forwards in one batch, we keep
 * the account's events newest first, and step back a chunk. Bounded by `maxScan` events per call.
 */
import type { JetStreamClient, JetStreamManager, JsMsg } from 'nats';
import type { AccountEventsPage, ReadAccountBackwardsOptions, RecordedEvent } from '../event-store.port';
import { decodeMessage } from './message-codec';
import { fromPosition } from './positions';

/** Messages (appends) read per step back. */
const CHUNK = 256;
const DEFAULT_MAX_SCAN = 10_000;
/** How long one batch may take to arrive before the read gives up waiting for missing sequences. */
const FETCH_EXPIRES_MS = 5_000;

export async function readAccountBackwards(
  js: JetStreamClient,
  jsm: JetStreamManager,
  jetStreamName: string,
  subjectPrefix: string,
  options: ReadAccountBackwardsOptions,
): Promise<AccountEventsPage> {
  const { state } = await jsm.streams.info(jetStreamName);
  if (state.messages === 0) return { events: [] };
  const before = options.beforePosition === undefined ? undefined : BigInt(options.beforePosition);
  const firstSeq = state.first_seq;
  let end = before === undefined ? state.last_seq : Math.min(state.last_seq, fromPosition(options.beforePosition!).seq);
  const maxScan = options.maxScan ?? DEFAULT_MAX_SCAN;
  const found: RecordedEvent[] = [];
  let scanned = 0;
  while (end >= firstSeq) {
    const start = Math.max(firstSeq, end - CHUNK + 1);
    const messages = await readChunk(js, jetStreamName, start, end);
    for (let m = messages.length - 1; m >= 0; m--) {
      const events = decodeMessage(messages[m], subjectPrefix);
      for (let i = events.length - 1; i >= 0; i--) {
        const e = events[i];
        if (before !== undefined && BigInt(e.position) >= before) continue;
        scanned++;
        if (e.metadata?.accountId === options.accountId && (options.where?.(e) ?? true)) found.push(e);
        if (found.length >= options.maxCount || scanned >= maxScan) return { events: found, continueBefore: e.position };
      }
    }
    end = start - 1;
  }
  return { events: found };
}

/** The messages with sequences `start..end` (those that still exist), in order. */
async function readChunk(js: JetStreamClient, jetStreamName: string, start: number, end: number): Promise<JsMsg[]> {
  const consumer = await js.consumers.get(jetStreamName, { opt_start_seq: start, inactive_threshold: 30_000 });
  const out: JsMsg[] = [];
  try {
    for (;;) {
      const batch = await consumer.fetch({ max_messages: end - start + 1 - out.length, expires: FETCH_EXPIRES_MS });
      let got = 0;
      for await (const m of batch) {
        got++;
        if (m.seq > end) return out;
        out.push(m);
        if (m.seq === end) return out;
      }
      if (got === 0 || out.length >= end - start + 1) return out;
    }
  } finally {
    await consumer.delete().catch(() => undefined);
  }
}
