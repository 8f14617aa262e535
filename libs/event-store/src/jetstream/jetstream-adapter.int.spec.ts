import type { NatsConnection } from 'nats';
import { cleanupNamespace, connectNats, dropAndReconnect, freshNamespace } from '../../../../test/support/nats';
import { WrongExpectedRevision } from '../event-store.port';
import { someEvents, take } from '../testing';
import { JetStreamEventStore } from './jetstream-event-store';
import { integerHeader, rawHeaderBlock } from './raw-headers';

describe('JetStream adapter specifics', () => {
  let nc: NatsConnection;
  let other: NatsConnection;
  const namespace = freshNamespace('ej');

  beforeAll(async () => {
    nc = await connectNats('event-store-jetstream');
    other = await connectNats('event-store-jetstream-other');
  });
  afterAll(async () => {
    await cleanupNamespace(nc, namespace);
    await Promise.all([nc.close(), other.close()]);
  });

  /** Runs `test` against a store in a namespace of its own (its subscriptions see only its events). */
  async function withOwnNamespace(prefix: string, test: (store: JetStreamEventStore) => Promise<void>): Promise<void> {
    const ns = freshNamespace(prefix);
    const store = await JetStreamEventStore.connect(nc, { namespace: ns });
    try {
      await test(store);
    } finally {
      await store.close();
      await cleanupNamespace(nc, ns);
    }
  }

  it('creates one stream per namespace, file-backed, never discarding, and connecting again changes nothing', async () => {
    await JetStreamEventStore.connect(nc, { namespace });
    const store = await JetStreamEventStore.connect(nc, { namespace, duplicateWindowMs: 60_000 });
    const info = await (await nc.jetstreamManager()).streams.info(store.jetStreamName);
    expect(info.config).toMatchObject({
      name: `${namespace}_events`,
      subjects: [`${namespace}.events.>`],
      storage: 'file',
      retention: 'limits',
      max_age: 0,
      max_msgs: -1,
      max_bytes: -1,
      num_replicas: 1,
      duplicate_window: 60_000 * 1e6,
    });
  });

  it('ends a subscription with an error naming a foreign message on the event subjects, after the events before it', async () => {
    await withOwnNamespace('eu', async (store) => {
      await store.appendToStream('trunk-ok', someEvents(1), { expectedRevision: 'no_stream' });
      const ack = await nc.jetstream().publish(`${store.jetStreamName.replace(/_events$/, "")}.events.trunk-foreign`, new TextEncoder().encode('not an append'));
      const subscription = store.subscribeToAll();
      const iterator = subscription[Symbol.asyncIterator]();
      expect((await iterator.next()).value).toMatchObject({ streamName: 'trunk-ok' });
      await expect(iterator.next()).rejects.toThrow(new RegExp(`message #${ack.seq} on .*trunk-foreign is not an append of this store`));
      await subscription.close();
    });
  });

  it('stores a multi-event append as one message on the stream\'s own subject', async () => {
    const store = await JetStreamEventStore.connect(nc, { namespace });
    await store.appendToStream('trunkDomain-acme.example.net', someEvents(3), { expectedRevision: 'no_stream' });
    const jsm = await nc.jetstreamManager();
    const msg = await jsm.streams.getMessage(store.jetStreamName, { last_by_subj: `${namespace}.events.trunkDomain-acme%2Eexample%2Enet` });
    expect(msg.header.get('Sipauth-Revision')).toBe('0');
    expect(msg.header.get('Sipauth-Count')).toBe('3');
    expect(JSON.parse(new TextDecoder().decode(msg.data))).toHaveLength(3);
  });

  it('refuses an append of more than 1000 events, or bigger than the server takes, and writes nothing', async () => {
    const store = await JetStreamEventStore.connect(nc, { namespace });
    await expect(store.appendToStream('trunk-huge', someEvents(1001), { expectedRevision: 'no_stream' })).rejects.toThrow(/at most 1000/);
    const [big] = someEvents(1);
    const tooBig = { ...big, data: { blob: 'x'.repeat((nc.info?.max_payload ?? 1_048_576) + 1) } };
    await expect(store.appendToStream('trunk-huge', [tooBig], { expectedRevision: 'no_stream' })).rejects.toThrow(/max payload/);
    await expect(store.readStream('trunk-huge')).rejects.toThrow(/not found/);
  });

  it('checks expected revisions against writes made by another process since this one last wrote', async () => {
    const mine = await JetStreamEventStore.connect(nc, { namespace });
    const theirs = await JetStreamEventStore.connect(other, { namespace });
    const first = await mine.appendToStream('ipAcl-shared', someEvents(1), { expectedRevision: 'no_stream' });
    await theirs.appendToStream('ipAcl-shared', someEvents(1), { expectedRevision: first.nextExpectedRevision });
    await expect(mine.appendToStream('ipAcl-shared', someEvents(1), { expectedRevision: 0 })).rejects.toBeInstanceOf(WrongExpectedRevision);
    const result = await mine.appendToStream('ipAcl-shared', someEvents(1), { expectedRevision: 1 });
    expect(result.nextExpectedRevision).toBe(2);
    await theirs.appendToStream('ipAcl-shared', someEvents(1), { expectedRevision: 'any' });
    expect((await mine.appendToStream('ipAcl-shared', someEvents(1), { expectedRevision: 'any' })).nextExpectedRevision).toBe(4);
    expect((await theirs.readStream('ipAcl-shared')).map((e) => e.revision)).toEqual([0, 1, 2, 3, 4]);
  });

  it('resumes a catch-up interrupted by a dropped connection without gaps or duplicates', () =>
    withOwnNamespace('ed', async (store) => {
      let expected: number | 'no_stream' = 'no_stream';
      for (let i = 0; i < 200; i++) {
        expected = (await store.appendToStream('trunk-long', someEvents(10), { expectedRevision: expected })).nextExpectedRevision;
      }
      const subscription = store.subscribeToAll();
      // 305: the connection drops in the middle of an append's events, some of them still unread.
      const before = await take(subscription, 305);
      await dropAndReconnect(nc);
      const after = await take(subscription, 1695);
      await subscription.close();
      expect([...before, ...after].every((e, i) => e.revision === i)).toBe(true);
    }));

  it('finds the revision in the raw header block of the messages this nats.js delivers (the fast path is live)', async () => {
    const store = await JetStreamEventStore.connect(nc, { namespace });
    await store.appendToStream('trunk-raw', someEvents(1), { expectedRevision: 'no_stream' });
    await store.appendToStream('trunk-raw', someEvents(2), { expectedRevision: 0 });
    const js = nc.jetstream();
    const consumer = await js.consumers.get(store.jetStreamName, { filterSubjects: `${namespace}.events.trunk-raw` });
    const messages = [await consumer.next(), await consumer.next()];
    await consumer.delete();
    expect(messages.map((m) => m && integerHeader(rawHeaderBlock(m)!, 'Sipauth-Revision'))).toEqual([0, 1]);
    expect(messages.map((m) => m?.headers?.get('Sipauth-Revision'))).toEqual(['0', '1']);
  });

  it('hands each event to exactly one of several next() calls made at once, in order', () =>
    withOwnNamespace('en', async (store) => {
      await store.appendToStream('trunk-a', someEvents(3), { expectedRevision: 'no_stream' });
      await store.appendToStream('trunk-b', someEvents(1), { expectedRevision: 'no_stream' });
      const subscription = store.subscribeToAll();
      const iterator = subscription[Symbol.asyncIterator]();
      const pending = Array.from({ length: 6 }, () => iterator.next());
      await store.appendToStream('trunk-a', someEvents(2), { expectedRevision: 2 });
      const seen = (await Promise.all(pending)).map((r) => (r.done ? 'done' : `${r.value.streamName}@${r.value.revision}`));
      await subscription.close();
      expect(seen).toEqual(['trunk-a@0', 'trunk-a@1', 'trunk-a@2', 'trunk-b@0', 'trunk-a@3', 'trunk-a@4']);
    }));

  it('ends the subscription when a for-await loop over it is left early', () =>
    withOwnNamespace('eb', async (store) => {
      await store.appendToStream('trunk-b', someEvents(5), { expectedRevision: 'no_stream' });
      const subscription = store.subscribeToAll();
      for await (const event of subscription) if (event.revision === 1) break;
      expect(await subscription[Symbol.asyncIterator]().next()).toEqual({ done: true, value: undefined });
    }));

  it('ends a next() that waits for live events when the subscription is closed', () =>
    withOwnNamespace('ew', async (store) => {
      // The consumer's first pull request on the server is the sign that next() is waiting for live events.
      const pulls = nc.subscribe(`$JS.API.CONSUMER.MSG.NEXT.${store.jetStreamName}.>`, { max: 1 });
      await nc.flush();
      const subscription = store.subscribeToAll();
      const waiting = subscription[Symbol.asyncIterator]().next();
      for await (const _ of pulls) break;
      await subscription.close();
      expect(await waiting).toEqual({ done: true, value: undefined });
    }));
});
