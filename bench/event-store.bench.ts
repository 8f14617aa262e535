/**
 * JetStream event store: append latency and throughput (1 and 32 writers, each on its own stream with
 * expected revisions) and catch-up read throughput (subscribeToAll from zero) over 100,000 events
 * written one per append, as real traffic writes them (one command, one event), and again over
 * 100,000 events written ten per append.
 * Runs in a fresh namespace on NATS_URL and deletes it afterwards. Figures are medians of repeats.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { connect, NatsConnection } from 'nats';
import { EventData, EventStore, JetStreamEventStore } from '@sipauth/event-store';

const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const REPEATS = 3;
const APPENDS_ONE_WRITER = 1_000;
const WRITERS = 32;
const APPENDS_PER_WRITER = 50;
const CATCH_UP_EVENTS = 100_000;
const FILL_WRITERS = 256;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (xs: number[], p: number): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

function event(): EventData {
  return {
    id: randomUUID(),
    type: 'CredentialAdded',
    data: { credentialListId: 'CLbench', credentialId: randomUUID(), username: 'alice', ha1: { 'SHA-256': 'x'.repeat(120) } },
    metadata: { accountId: 'ACbench', correlationId: randomUUID(), causationId: randomUUID(), schemaVersion: 1 },
  };
}

/** One writer appending `count` single-event appends to its own stream; returns each append's latency in ms. */
async function writer(store: EventStore, stream: string, count: number): Promise<number[]> {
  const latencies: number[] = [];
  let expected: number | 'no_stream' = 'no_stream';
  for (let i = 0; i < count; i++) {
    const t0 = process.hrtime.bigint();
    expected = (await store.appendToStream(stream, [event()], { expectedRevision: expected })).nextExpectedRevision;
    latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return latencies;
}

async function appendRun(store: EventStore, writers: number, perWriter: number, tag: string): Promise<{ p50: number; p99: number; rate: number }> {
  const t0 = process.hrtime.bigint();
  const all = await Promise.all(Array.from({ length: writers }, (_, w) => writer(store, `bench-${tag}-${w}`, perWriter)));
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const latencies = all.flat();
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), rate: latencies.length / seconds };
}

async function appendFigures(store: EventStore, writers: number, perWriter: number): Promise<void> {
  const runs = [];
  for (let r = 0; r < REPEATS; r++) runs.push(await appendRun(store, writers, perWriter, `${writers}w${r}`));
  const p50 = median(runs.map((x) => x.p50));
  const p99 = median(runs.map((x) => x.p99));
  const rate = median(runs.map((x) => x.rate));
  const target = writers === 1 ? `   (target p99 ≤ 10 ms: ${p99 <= 10 ? 'met' : 'MISSED'})` : '';
  console.log(`append, ${String(writers).padStart(2)} writer(s): p50 ${p50.toFixed(2)} ms  p99 ${p99.toFixed(2)} ms  ${Math.round(rate)} appends/s${target}`);
}

/**
 * Fills the store with CATCH_UP_EVENTS events through `appendToStream`, `eventsPerAppend` per append,
 * from FILL_WRITERS concurrent writers, each on its own stream with expected revisions: the messages
 * are exactly what production writes, only many are in flight at once.
 */
async function fill(store: EventStore, eventsPerAppend: number): Promise<number> {
  const appends = CATCH_UP_EVENTS / eventsPerAppend;
  let next = 0;
  const t0 = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: FILL_WRITERS }, async (_, w) => {
      let expected: number | 'no_stream' = 'no_stream';
      while (next < appends) {
        next++;
        const events = Array.from({ length: eventsPerAppend }, event);
        expected = (await store.appendToStream(`fill${eventsPerAppend}-${w}`, events, { expectedRevision: expected })).nextExpectedRevision;
      }
    }),
  );
  return appends / (Number(process.hrtime.bigint() - t0) / 1e9);
}

async function catchUpRate(store: EventStore, total: number): Promise<number> {
  const t0 = process.hrtime.bigint();
  const subscription = store.subscribeToAll();
  let seen = 0;
  for await (const _ of subscription) {
    if (++seen === total) break;
  }
  await subscription.close();
  return total / (Number(process.hrtime.bigint() - t0) / 1e9);
}

async function printCatchUp(store: EventStore, total: number, layout: string): Promise<void> {
  const rates = [];
  for (let r = 0; r < REPEATS; r++) rates.push(await catchUpRate(store, total));
  const rate = median(rates);
  console.log(`catch-up over ${total} events (${layout}): ${Math.round(rate)} events/s   (target ≥ 20000: ${rate >= 20_000 ? 'met' : 'MISSED'})`);
}

async function catchUpFigures(nc: NatsConnection, eventsPerAppend: number): Promise<void> {
  const namespace = `bench${randomBytes(4).toString('hex')}`;
  const store = await JetStreamEventStore.connect(nc, { namespace });
  try {
    const appendRate = await fill(store, eventsPerAppend);
    const layout = eventsPerAppend === 1 ? 'one per append' : `${eventsPerAppend} per append`;
    await printCatchUp(store, CATCH_UP_EVENTS, `${layout}, written by ${FILL_WRITERS} writers at ${Math.round(appendRate)} appends/s`);
  } finally {
    await store.close();
    await (await nc.jetstreamManager()).streams.delete(store.jetStreamName).catch(() => undefined);
  }
}

async function main(): Promise<void> {
  const nc = await connect({ servers: NATS_URL, name: 'event-store-bench' });
  const namespace = `bench${randomBytes(4).toString('hex')}`;
  const store = await JetStreamEventStore.connect(nc, { namespace });
  try {
    console.log(`JetStream event store on ${NATS_URL}, medians of ${REPEATS} runs`);
    await appendFigures(store, 1, APPENDS_ONE_WRITER);
    await appendFigures(store, WRITERS, APPENDS_PER_WRITER);
  } finally {
    await store.close();
    await (await nc.jetstreamManager()).streams.delete(store.jetStreamName).catch(() => undefined);
  }
  await catchUpFigures(nc, 1);
  await catchUpFigures(nc, 10);
  await nc.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
