/**
 * The contract every EventStore adapter proves (STYLE habit 6). Each test gets a store from the
 * factory (a fresh namespace) and disposes of it afterwards.
 */
import { EventStore, RecordedEvent, StreamNotFound, WrongExpectedRevision } from '../event-store.port';
import { someEvents, strictlyIncreasing, take } from './event-fixtures';

/** What an adapter's test file hands the suite. */
export interface EventStoreFixture {
  store: EventStore;
  /** Drops the store's connection (it must come back by itself); omitted if the adapter cannot. */
  dropConnection?: () => Promise<void>;
  dispose: () => Promise<void>;
}

export function describeEventStore(name: string, factory: () => Promise<EventStoreFixture>): void {
  describe(`${name} event store contract`, () => {
    let fixture: EventStoreFixture;
    let store: EventStore;

    beforeEach(async () => {
      fixture = await factory();
      store = fixture.store;
    });
    afterEach(async () => {
      await fixture.dispose();
    });

    it('reads back an appended event with its id, type, data, metadata, revision 0 and a position', async () => {
      const [event] = someEvents(1);
      const result = await store.appendToStream('trunk-TK1', [event], { expectedRevision: 'no_stream' });
      const [read] = await store.readStream('trunk-TK1');
      expect(read).toMatchObject({ ...event, streamName: 'trunk-TK1', revision: 0, position: result.position });
      expect(result.nextExpectedRevision).toBe(0);
      expect(Number.isNaN(Date.parse(read.created))).toBe(false);
    });

    it('reads a multi-event append back in order with consecutive revisions', async () => {
      await store.appendToStream('ipAcl-AL1', someEvents(2), { expectedRevision: 'no_stream' });
      const events = someEvents(5);
      const result = await store.appendToStream('ipAcl-AL1', events, { expectedRevision: 1 });
      const read = await store.readStream('ipAcl-AL1');
      expect(read.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4, 5, 6]);
      expect(read.slice(2).map((e) => e.id)).toEqual(events.map((e) => e.id));
      expect(result).toMatchObject({ nextExpectedRevision: 6, position: read[6].position });
      expect(strictlyIncreasing(read.map((e) => e.position))).toBe(true);
    });

    it('reads part of a stream from a revision, up to a count', async () => {
      await store.appendToStream('trunk-TK2', someEvents(3), { expectedRevision: 'no_stream' });
      await store.appendToStream('trunk-TK2', someEvents(3), { expectedRevision: 2 });
      const part = await store.readStream('trunk-TK2', { fromRevision: 2, maxCount: 3 });
      expect(part.map((e) => e.revision)).toEqual([2, 3, 4]);
    });

    it('throws StreamNotFound for a stream with no events', async () => {
      await expect(store.readStream('trunk-nobody')).rejects.toBeInstanceOf(StreamNotFound);
    });

    it('keeps streams whose names differ only in dots, wildcards and spaces apart', async () => {
      const names = ['trunkDomain-acme.pstn.example.net', 'trunkDomain-acme*pstn', 'trunkDomain-acme>pstn', 'trunkDomain-acme pstn', 'trunkDomain-äcme'];
      for (const n of names) await store.appendToStream(n, someEvents(1), { expectedRevision: 'no_stream' });
      for (const n of names) expect((await store.readStream(n)).map((e) => e.streamName)).toEqual([n]);
    });

    it('refuses no_stream on an existing stream, a wrong revision, and a revision on a missing stream', async () => {
      await store.appendToStream('credentialList-CL1', someEvents(2), { expectedRevision: 'no_stream' });
      await expect(store.appendToStream('credentialList-CL1', someEvents(1), { expectedRevision: 'no_stream' })).rejects.toBeInstanceOf(WrongExpectedRevision);
      await expect(store.appendToStream('credentialList-CL1', someEvents(1), { expectedRevision: 0 })).rejects.toBeInstanceOf(WrongExpectedRevision);
      await expect(store.appendToStream('credentialList-CL1', someEvents(1), { expectedRevision: 2 })).rejects.toBeInstanceOf(WrongExpectedRevision);
      await expect(store.appendToStream('credentialList-none', someEvents(1), { expectedRevision: 0 })).rejects.toBeInstanceOf(WrongExpectedRevision);
      expect(await store.readStream('credentialList-CL1')).toHaveLength(2);
    });

    it('appends with expected revision any whether or not the stream exists', async () => {
      await store.appendToStream('trunk-any', someEvents(1), { expectedRevision: 'any' });
      const result = await store.appendToStream('trunk-any', someEvents(2), { expectedRevision: 'any' });
      expect(result.nextExpectedRevision).toBe(2);
    });

    it('lets exactly one of 20 concurrent appends with the same expected revision win', async () => {
      await store.appendToStream('trunk-race', someEvents(1), { expectedRevision: 'no_stream' });
      const outcomes = await Promise.allSettled(
        Array.from({ length: 20 }, () => store.appendToStream('trunk-race', someEvents(1), { expectedRevision: 0 })),
      );
      const won = outcomes.filter((o) => o.status === 'fulfilled');
      const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost.every((o) => o.reason instanceof WrongExpectedRevision)).toBe(true);
      expect(await store.readStream('trunk-race')).toHaveLength(2);
    });

    it('treats re-appending the same events as a success that writes nothing, even after the stream moved on', async () => {
      const events = someEvents(3);
      const first = await store.appendToStream('ipAcl-idem', events, { expectedRevision: 'no_stream' });
      const again = await store.appendToStream('ipAcl-idem', events, { expectedRevision: 'no_stream' });
      expect(again).toMatchObject({ nextExpectedRevision: first.nextExpectedRevision, position: first.position });
      await store.appendToStream('ipAcl-idem', someEvents(1), { expectedRevision: 2 });
      const late = await store.appendToStream('ipAcl-idem', events, { expectedRevision: 'no_stream' });
      expect(late).toMatchObject({ nextExpectedRevision: 2, position: first.position });
      expect((await store.readStream('ipAcl-idem')).map((e) => e.revision)).toEqual([0, 1, 2, 3]);
    });

    it('reports the head position: "0" when empty, then the last event written', async () => {
      expect(await store.headPosition()).toBe('0');
      await store.appendToStream('trunk-h1', someEvents(2), { expectedRevision: 'no_stream' });
      const last = await store.appendToStream('trunk-h2', someEvents(3), { expectedRevision: 'no_stream' });
      expect(await store.headPosition()).toBe(last.position);
    });

    it('delivers every event from the start exactly once in global order, then live events', async () => {
      await store.appendToStream('trunk-s1', someEvents(3), { expectedRevision: 'no_stream' });
      await store.appendToStream('trunk-s2', someEvents(1), { expectedRevision: 'no_stream' });
      await store.appendToStream('trunk-s1', someEvents(2), { expectedRevision: 2 });
      const subscription = store.subscribeToAll();
      try {
        const caughtUp = await take(subscription, 6);
        expect(caughtUp.map((e) => `${e.streamName}@${e.revision}`)).toEqual([
          'trunk-s1@0', 'trunk-s1@1', 'trunk-s1@2', 'trunk-s2@0', 'trunk-s1@3', 'trunk-s1@4',
        ]);
        const live = someEvents(2);
        await store.appendToStream('trunk-s2', live, { expectedRevision: 0 });
        const liveSeen = await take(subscription, 2);
        expect(liveSeen.map((e) => e.id)).toEqual(live.map((e) => e.id));
        expect(strictlyIncreasing([...caughtUp, ...liveSeen].map((e) => e.position))).toBe(true);
        expect(await store.headPosition()).toBe(liveSeen[1].position);
      } finally {
        await subscription.close();
      }
    });

    it('resumes from a checkpoint inside a multi-event append with the rest of that append, nothing twice', async () => {
      const first = someEvents(4);
      const second = someEvents(2);
      await store.appendToStream('credentialList-cp', first, { expectedRevision: 'no_stream' });
      await store.appendToStream('credentialList-cp', second, { expectedRevision: 3 });
      const all = await store.readStream('credentialList-cp');
      const subscription = store.subscribeToAll({ fromPosition: all[1].position });
      try {
        const seen = await take(subscription, 4);
        expect(seen.map((e) => e.id)).toEqual(all.slice(2).map((e) => e.id));
      } finally {
        await subscription.close();
      }
    });

    it('from the head position, delivers only what is written afterwards', async () => {
      await store.appendToStream('trunk-old', someEvents(3), { expectedRevision: 'no_stream' });
      const subscription = store.subscribeToAll({ fromPosition: await store.headPosition() });
      try {
        const fresh = someEvents(1);
        await store.appendToStream('trunk-new', fresh, { expectedRevision: 'no_stream' });
        expect((await take(subscription, 1)).map((e) => e.id)).toEqual([fresh[0].id]);
      } finally {
        await subscription.close();
      }
    });

    it('ends the iteration when the subscription is closed', async () => {
      await store.appendToStream('trunk-c', someEvents(1), { expectedRevision: 'no_stream' });
      const subscription = store.subscribeToAll();
      const seen: string[] = [];
      const done = (async () => {
        for await (const e of subscription) {
          seen.push(e.id);
          await subscription.close();
        }
      })();
      await done;
      expect(seen).toHaveLength(1);
    });

    it('reads a 10,000-event stream whole', async () => {
      let expected: number | 'no_stream' = 'no_stream';
      for (let i = 0; i < 100; i++) {
        expected = (await store.appendToStream('ipAcl-big', someEvents(100), { expectedRevision: expected })).nextExpectedRevision;
      }
      const read = await store.readStream('ipAcl-big');
      expect(read).toHaveLength(10_000);
      expect(read.every((e, i) => e.revision === i)).toBe(true);
    });

    it("reads one account's events across streams newest first, page by page, with no gap or repeat", async () => {
      expect(await store.readAccountBackwards({ accountId: 'AC1', maxCount: 10 })).toEqual({ events: [] });
      const of = (accountId: string, count: number) => someEvents(count).map((e) => ({ ...e, metadata: { ...e.metadata, accountId } }));
      const mine: string[] = [];
      const write = async (stream: string, accountId: string, count: number, expectedRevision: number | 'no_stream') => {
        const events = of(accountId, count);
        await store.appendToStream(stream, events, { expectedRevision });
        if (accountId === 'AC1') mine.push(...events.map((e) => e.id));
      };
      await write('trunk-a1', 'AC1', 3, 'no_stream');
      await write('trunk-b1', 'AC2', 4, 'no_stream');
      await write('credentialList-a2', 'AC1', 1, 'no_stream');
      await write('trunk-a1', 'AC1', 2, 2);
      await write('trunk-b1', 'AC2', 2, 3);
      const seen: RecordedEvent[] = [];
      let before: string | undefined;
      for (let page = 0; page < 10; page++) {
        const { events, continueBefore } = await store.readAccountBackwards({ accountId: 'AC1', maxCount: 2, beforePosition: before });
        seen.push(...events);
        if (continueBefore === undefined) break;
        before = continueBefore;
      }
      expect(seen.map((e) => e.id)).toEqual([...mine].reverse());
      expect(strictlyIncreasing(seen.map((e) => e.position).reverse())).toBe(true);
      expect(seen.every((e) => e.metadata.accountId === 'AC1')).toBe(true);
    });

    it("finds an account's events among 600 appends of others, in pages of 70", async () => {
      const mine: string[] = [];
      for (let i = 0; i < 600; i++) {
        const accountId = i % 5 === 0 ? 'AC1' : 'AC2';
        const events = someEvents(1).map((e) => ({ ...e, metadata: { ...e.metadata, accountId } }));
        await store.appendToStream(`trunk-many${i % 7}`, events, { expectedRevision: 'any' });
        if (accountId === 'AC1') mine.push(events[0].id);
      }
      const seen: string[] = [];
      let before: string | undefined;
      for (let page = 0; page < 10; page++) {
        const { events, continueBefore } = await store.readAccountBackwards({ accountId: 'AC1', maxCount: 70, beforePosition: before });
        seen.push(...events.map((e) => e.id));
        if (continueBefore === undefined) break;
        before = continueBefore;
      }
      expect(seen).toEqual([...mine].reverse());
    });

    it('walks no further than maxScan events per call, saying where to go on, and applies a further condition', async () => {
      const [target] = someEvents(1);
      await store.appendToStream('trunk-quiet', [target], { expectedRevision: 'no_stream' });
      await store.appendToStream('trunk-busy', someEvents(5).map((e) => ({ ...e, metadata: { ...e.metadata, accountId: 'AC9' } })), { expectedRevision: 'no_stream' });
      const first = await store.readAccountBackwards({ accountId: 'AC1', maxCount: 5, maxScan: 3 });
      expect(first.events).toEqual([]);
      expect(first.continueBefore).toBeDefined();
      const rest = await store.readAccountBackwards({ accountId: 'AC1', maxCount: 5, beforePosition: first.continueBefore });
      expect(rest.events.map((e) => e.id)).toEqual([target.id]);
      const none = await store.readAccountBackwards({ accountId: 'AC1', maxCount: 5, where: (e) => e.streamName === 'trunk-busy' });
      expect(none).toEqual({ events: [] });
    });

    it('resumes a subscription after the connection drops, without gaps or duplicates', async () => {
      if (!fixture.dropConnection) return;
      await store.appendToStream('trunk-drop', someEvents(3), { expectedRevision: 'no_stream' });
      const subscription = store.subscribeToAll();
      try {
        const before = await take(subscription, 3);
        await fixture.dropConnection();
        await store.appendToStream('trunk-drop', someEvents(2), { expectedRevision: 2 });
        await fixture.dropConnection();
        await store.appendToStream('trunk-drop', someEvents(2), { expectedRevision: 4 });
        const after = await take(subscription, 4);
        expect([...before, ...after].map((e) => e.revision)).toEqual([0, 1, 2, 3, 4, 5, 6]);
        expect(strictlyIncreasing([...before, ...after].map((e) => e.position))).toBe(true);
      } finally {
        await subscription.close();
      }
    });
  });
}
