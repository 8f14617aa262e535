import { KvWatchInclude, type NatsConnection } from 'nats';
import { keys, POSITION_KEY } from '@sipauth/contracts';
import { createEventStore, type EventStore } from '@sipauth/event-store';
import { cleanupNamespace, connectNats, freshNamespace } from '../../../test/support/nats';
import { ProjectionRunner } from '../src/projection-runner';
import { ConfigScenario } from './config-scenario';
import { activeReadModel, caughtUpTo, eventually } from './read-model-snapshot';

/**
 * A replay from an older checkpoint (what a new lease holder does after the old one lost its lease
 * before checkpointing) must not bring a deleted list back, not even for a moment: readers watch
 * the bucket and would act on it.
 */
describe('tombstones of deleted documents', () => {
  const namespace = freshNamespace('tomb');
  let nc: NatsConnection;
  let store: EventStore;

  beforeAll(async () => {
    nc = await connectNats('tombstones-test');
    store = await createEventStore(nc, { namespace });
  });
  afterAll(async () => {
    await store.close();
    await cleanupNamespace(nc, namespace);
    await nc.close();
  });

  const startRunner = (holderId: string) =>
    nc.jetstreamManager().then((jsm) => ProjectionRunner.start({ js: nc.jetstream(), jsm, store, namespace, holderId, leaseTtlMs: 900, rebuildGraceMs: 100 }));

  it('a replay from position zero writes no deleted list or credential, and readers see no tombstone among their keys', async () => {
    const scenario = new ConfigScenario(store);
    const { listId } = await scenario.createList('alice');
    await scenario.addCredential(listId, 'bob');
    await scenario.list(listId, { type: 'DeleteCredentialList' });
    const first = await startRunner('first');
    await caughtUpTo(nc, namespace, await store.headPosition());
    await first.close();

    const bucket = (await activeReadModel(nc, namespace))!.bucket;
    const kv = await nc.jetstream().views.kv(bucket, { bindOnly: true });
    const listKey = keys.credentialList(scenario.accountId, listId);
    expect((await kv.get(listKey))?.operation ?? 'absent').not.toBe('PUT');
    // An older checkpoint: the next holder replays everything.
    await kv.delete(POSITION_KEY);
    const writes: string[] = [];
    const watch = await kv.watch({ key: `acct.${scenario.accountId}.>`, include: KvWatchInclude.UpdatesOnly });
    const watching = (async () => {
      for await (const entry of watch) if (entry.operation === 'PUT') writes.push(entry.key);
    })();

    const second = await startRunner('second');
    try {
      await caughtUpTo(nc, namespace, await store.headPosition());
      await eventually('the replay has been applied', () => second.ready);
    } finally {
      await second.close();
      watch.stop();
      await watching;
    }
    expect(writes).toEqual([]);
    const visible: string[] = [];
    for await (const key of await kv.keys(`acct.${scenario.accountId}.>`)) visible.push(key);
    const alive = [];
    for (const key of visible) if ((await kv.get(key))?.operation === 'PUT') alive.push(key);
    expect(alive).toEqual([]);
    expect((await kv.get(`tombstone.${listKey}`))?.json()).toMatchObject({ deleted: true });
  });
});
