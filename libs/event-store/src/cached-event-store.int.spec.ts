import type { NatsConnection } from 'nats';
import { cleanupNamespace, connectNats, dropAndReconnect, freshNamespace } from '../../../test/support/nats';
import { CachedEventStore } from './cached-event-store';
import { JetStreamEventStore } from './jetstream/jetstream-event-store';
import { describeEventStore, someEvents } from './testing';

describeEventStore('CachedEventStore over JetStream', async () => {
  const nc = await connectNats('cached-event-store-contract');
  const namespace = freshNamespace('ces');
  const store = new CachedEventStore(await JetStreamEventStore.connect(nc, { namespace }), 3);
  return {
    store,
    dropConnection: () => dropAndReconnect(nc),
    dispose: async () => {
      await store.close();
      await cleanupNamespace(nc, namespace);
      await nc.close();
    },
  };
});

describe('CachedEventStore', () => {
  let nc: NatsConnection;
  const namespace = freshNamespace('cesx');
  beforeAll(async () => {
    nc = await connectNats('cached-event-store');
  });
  afterAll(async () => {
    await cleanupNamespace(nc, namespace);
    await nc.close();
  });

  it('sees what another process appended since it cached a stream, and forgets the least recently used streams', async () => {
    const other = await JetStreamEventStore.connect(nc, { namespace });
    const cached = new CachedEventStore(await JetStreamEventStore.connect(nc, { namespace }), 2);
    await other.appendToStream('trunk-a', someEvents(2), { expectedRevision: 'no_stream' });
    expect(await cached.readStream('trunk-a')).toHaveLength(2);
    const later = someEvents(3);
    await other.appendToStream('trunk-a', later, { expectedRevision: 1 });
    const read = await cached.readStream('trunk-a');
    expect(read.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4]);
    expect(read.slice(2).map((e) => e.id)).toEqual(later.map((e) => e.id));
    for (const name of ['trunk-b', 'trunk-c']) {
      await other.appendToStream(name, someEvents(1), { expectedRevision: 'no_stream' });
      await cached.readStream(name);
    }
    expect((await cached.readStream('trunk-a')).map((e) => e.revision)).toEqual([0, 1, 2, 3, 4]);
  });

  it('hands out copies: a caller changing the array it got does not change what the next caller reads', async () => {
    const cached = new CachedEventStore(await JetStreamEventStore.connect(nc, { namespace }));
    await cached.appendToStream('ipAcl-copy', someEvents(2), { expectedRevision: 'no_stream' });
    (await cached.readStream('ipAcl-copy')).pop();
    expect(await cached.readStream('ipAcl-copy')).toHaveLength(2);
  });
});
