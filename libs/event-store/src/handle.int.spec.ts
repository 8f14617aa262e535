import type { NatsConnection } from 'nats';
import { Conflict, credentialListDecider, CURRENT_SCHEMA_VERSION, UnknownEventType, UnsupportedSchemaVersion } from '@sipauth/domain';
import { cleanupNamespace, connectNats, freshNamespace } from '../../../test/support/nats';
import { EventStore, WrongExpectedRevision } from './event-store.port';
import { handle, type HandledDecider } from './handle';
import { someEvents } from './testing';
import { JetStreamEventStore } from './jetstream/jetstream-event-store';

type CounterEvent = { type: 'Incremented'; data: { by: number } } | { type: 'Capped'; data: { at: number } };
type CounterCommand = { type: 'Increment'; by: number } | { type: 'Cap' };
type CounterState = { value: number; capped: boolean };

/** A tiny decider: increments unless capped; capping twice changes nothing; incrementing a capped counter is refused. */
const counter: HandledDecider<CounterState, CounterCommand, CounterEvent> = {
  upcast: (stored) => ({ type: stored.type, data: stored.data }) as CounterEvent,
  initialState: () => ({ value: 0, capped: false }),
  evolve: (s, e) => (e.type === 'Incremented' ? { ...s, value: s.value + e.data.by } : { ...s, capped: true }),
  decide: (c, s) => {
    if (c.type === 'Cap') return s.capped ? [] : [{ type: 'Capped', data: { at: s.value } }];
    if (s.capped) throw new Conflict('the counter is capped');
    return [{ type: 'Incremented', data: { by: c.by } }];
  },
};

const context = { accountId: 'AC1', correlationId: 'corr-1', causationId: 'cmd-1' };

describe('handle (read, fold, decide, append) on the JetStream store', () => {
  let nc: NatsConnection;
  let store: JetStreamEventStore;
  const namespace = freshNamespace('hd');

  beforeAll(async () => {
    nc = await connectNats('handle-test');
    store = await JetStreamEventStore.connect(nc, { namespace });
  });
  afterAll(async () => {
    await store.close();
    await cleanupNamespace(nc, namespace);
    await nc.close();
  });

  it('creates the stream on the first command and writes the decided events with their metadata', async () => {
    const result = await handle(store, 'counter-1', counter, { type: 'Increment', by: 2 }, context);
    expect(result.nextExpectedRevision).toBe(0);
    expect(result.events).toHaveLength(1);
    expect(result.events[0]).toMatchObject({
      type: 'Incremented',
      data: { by: 2 },
      revision: 0,
      position: result.position,
      metadata: { ...context, schemaVersion: CURRENT_SCHEMA_VERSION },
    });
    const [stored] = await store.readStream('counter-1');
    expect(stored).toMatchObject({ id: result.events[0].id, position: result.position });
  });

  it('decides on the state folded from the stream', async () => {
    await handle(store, 'counter-2', counter, { type: 'Increment', by: 3 }, context);
    await handle(store, 'counter-2', counter, { type: 'Increment', by: 4 }, context);
    const capped = await handle(store, 'counter-2', counter, { type: 'Cap' }, context);
    expect(capped.events[0].data).toEqual({ at: 7 });
    expect(capped.nextExpectedRevision).toBe(2);
  });

  it('lets a domain rejection through and writes nothing', async () => {
    await handle(store, 'counter-3', counter, { type: 'Cap' }, context);
    await expect(handle(store, 'counter-3', counter, { type: 'Increment', by: 1 }, context)).rejects.toBeInstanceOf(Conflict);
    expect(await store.readStream('counter-3')).toHaveLength(1);
  });

  it('answers a no-op with no events and the position of the stream\'s last event', async () => {
    const first = await handle(store, 'counter-4', counter, { type: 'Cap' }, context);
    const again = await handle(store, 'counter-4', counter, { type: 'Cap' }, context);
    expect(again).toEqual({ events: [], position: first.position, nextExpectedRevision: 0 });
  });

  it('answers a no-op on a missing stream with the store\'s head position', async () => {
    const noop: HandledDecider<CounterState, CounterCommand, CounterEvent> = { ...counter, decide: () => [] };
    const result = await handle(store, 'counter-none', noop, { type: 'Cap' }, context);
    expect(result).toEqual({ events: [], position: await store.headPosition(), nextExpectedRevision: 'no_stream' });
  });

  it('lets concurrent commands on one stream through two stores (two replicas) all succeed by re-reading and retrying', async () => {
    const replica = await JetStreamEventStore.connect(nc, { namespace });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => handle(i % 2 ? store : replica, 'counter-5', counter, { type: 'Increment', by: 1 }, context)),
    );
    expect(results.map((r) => r.nextExpectedRevision).sort((a, b) => Number(a) - Number(b))).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect((await store.readStream('counter-5')).map((e) => e.revision)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('gives up with WrongExpectedRevision once the retries are spent', async () => {
    let decisions = 0;
    const counting = { ...counter, decide: (c: CounterCommand, s: CounterState) => (decisions++, counter.decide(c, s)) };
    // The same store, with another writer that slips in after every read of ours.
    const meddled: EventStore = Object.assign(Object.create(store) as EventStore, {
      readStream: async (name: string) => {
        const history = await store.readStream(name).catch(() => []);
        const [other] = someEvents(1, 'Incremented');
        await store.appendToStream(name, [{ ...other, data: { by: 1 } }], { expectedRevision: 'any' });
        return history;
      },
    });
    await expect(handle(meddled, 'counter-6', counting, { type: 'Increment', by: 1 }, { ...context, maxRetries: 2 })).rejects.toBeInstanceOf(WrongExpectedRevision);
    expect(decisions).toBe(3);
  });

  describe('reading what it cannot read', () => {
    const created = { credentialListId: 'CL1', accountId: 'AC1', friendlyName: 'Office', createdAt: '2026-01-01T00:00:00.000Z' };
    const rename = { type: 'RenameCredentialList' as const, accountId: 'AC1', credentialListId: 'CL1', friendlyName: 'Lab' };

    it('refuses a stream holding an event of a schema version newer than the code, and writes nothing', async () => {
      const [event] = someEvents(1, 'CredentialListCreated');
      await store.appendToStream('credentialList-v2', [{ ...event, data: created, metadata: { ...event.metadata, schemaVersion: 2 } }], { expectedRevision: 'no_stream' });
      await expect(handle(store, 'credentialList-v2', credentialListDecider, rename, context)).rejects.toThrow(UnsupportedSchemaVersion);
      expect(await store.readStream('credentialList-v2')).toHaveLength(1);
    });

    it('refuses a stream holding an event type its aggregate never wrote, naming it', async () => {
      const [event] = someEvents(1, 'CredentialListCreated');
      await store.appendToStream('credentialList-odd', [{ ...event, data: created }], { expectedRevision: 'no_stream' });
      await store.appendToStream('credentialList-odd', someEvents(1, 'CredentialListPainted'), { expectedRevision: 0 });
      await expect(handle(store, 'credentialList-odd', credentialListDecider, rename, context)).rejects.toThrow(UnknownEventType);
      await expect(handle(store, 'credentialList-odd', credentialListDecider, rename, context)).rejects.toThrow(/CredentialListPainted/);
    });
  });

  describe('with an idempotency key', () => {
    const keyed = { ...context, requestId: 'req-1', idempotencyKey: 'AC1\0counter.increment\0req-1' };

    it('answers a retry of a command already written with what it wrote, and writes nothing again', async () => {
      const first = await handle(store, 'counter-idem', counter, { type: 'Increment', by: 5 }, keyed);
      await handle(store, 'counter-idem', counter, { type: 'Increment', by: 1 }, context);
      const retry = await handle(store, 'counter-idem', counter, { type: 'Increment', by: 5 }, { ...keyed, causationId: 'cmd-2' });
      expect(retry.events.map((e) => [e.id, e.position])).toEqual(first.events.map((e) => [e.id, e.position]));
      expect(retry.position).toBe(first.position);
      expect((await store.readStream('counter-idem')).map((e) => e.data)).toEqual([{ by: 5 }, { by: 1 }]);
    });

    it('writes each of concurrent retries of one request once', async () => {
      const results = await Promise.all(Array.from({ length: 5 }, () => handle(store, 'counter-idem2', counter, { type: 'Increment', by: 2 }, keyed)));
      expect(new Set(results.map((r) => r.position)).size).toBe(1);
      expect(await store.readStream('counter-idem2')).toHaveLength(1);
    });

    it('derives different event ids for another request, so it runs', async () => {
      await handle(store, 'counter-idem3', counter, { type: 'Increment', by: 2 }, keyed);
      await handle(store, 'counter-idem3', counter, { type: 'Increment', by: 2 }, { ...keyed, idempotencyKey: 'AC1\0counter.increment\0req-2' });
      expect(await store.readStream('counter-idem3')).toHaveLength(2);
    });

    it('recognises a retry through a second store on the same stream (another replica), beyond any in-process queue', async () => {
      const replica = await JetStreamEventStore.connect(nc, { namespace });
      const first = await handle(store, 'counter-idem4', counter, { type: 'Increment', by: 3 }, keyed);
      const retry = await handle(replica, 'counter-idem4', counter, { type: 'Increment', by: 3 }, keyed);
      expect(retry.position).toBe(first.position);
      expect(await store.readStream('counter-idem4')).toHaveLength(1);
    });
  });

  it('runs 40 concurrent commands on one stream of one store one after another: none needs a retry', async () => {
    let conflicts = 0;
    const watched: EventStore = Object.assign(Object.create(store) as EventStore, {
      appendToStream: (...args: Parameters<EventStore['appendToStream']>) =>
        store.appendToStream(...args).catch((err: unknown) => { if (err instanceof WrongExpectedRevision) conflicts++; throw err; }),
    });
    await Promise.all(Array.from({ length: 40 }, () => handle(watched, 'counter-queue', counter, { type: 'Increment', by: 1 }, context)));
    expect(conflicts).toBe(0);
    expect(await store.readStream('counter-queue')).toHaveLength(40);
  });
});
