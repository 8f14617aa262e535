import type { NatsConnection } from 'nats';
import { ACTIVE_KEY, keys, POSITION_KEY, projectionBucket, READ_MODEL_LAYOUT, readModelBucket } from '@sipauth/contracts';
import { createEventStore, type EventStore } from '@sipauth/event-store';
import { cleanupNamespace, connectNats, freshNamespace } from '../../../test/support/nats';
import { ProjectionRunner } from '../src/projection-runner';
import { credentialsIn } from './apply-projection';
import { ConfigScenario, phaseOne, type PhaseOne } from './config-scenario';
import { activeReadModel, snapshot } from './read-model-snapshot';

/**
 * A layout change ships as a rebuild (issue 14: credentials moved into chunk documents): started on a
 * generation written by a version of the previous layout (its pointer names no layout), projection-service
 * rebuilds into a fresh generation of this layout and switches readers to it, with no manual step.
 */
describe('a read model of the previous layout', () => {
  const namespace = freshNamespace('layout');
  let nc: NatsConnection;
  let store: EventStore;
  let one: PhaseOne;
  let scenario: ConfigScenario;
  let runner: ProjectionRunner | undefined;

  beforeAll(async () => {
    nc = await connectNats('layout-upgrade-test');
    store = await createEventStore(nc, { namespace });
    scenario = new ConfigScenario(store);
    one = await phaseOne(scenario, namespace);
  });
  afterAll(async () => {
    await runner?.close();
    await store.close();
    await cleanupNamespace(nc, namespace);
    await nc.close();
  });

  it('is rebuilt into this layout on start and readers are switched to it', async () => {
    // What a previous version left: generation 1 with per-credential documents, checkpointed at the head.
    const js = nc.jetstream();
    const old = await js.views.kv(readModelBucket(namespace, 1), { history: 1 });
    await old.put(`acct.${scenario.accountId}.credential.${one.listId}.${one.aliceId}`, JSON.stringify({ username: 'alice' }));
    await old.put(POSITION_KEY, JSON.stringify({ position: await store.headPosition(), updatedAt: new Date().toISOString() }));
    const control = await js.views.kv(projectionBucket(namespace), { history: 1 });
    await control.put(ACTIVE_KEY, JSON.stringify({ bucket: readModelBucket(namespace, 1), generation: 1, activatedAt: new Date().toISOString() }));

    runner = await ProjectionRunner.start({
      js, jsm: await nc.jetstreamManager(), store, namespace, holderId: 'upgrader', leaseTtlMs: 10_000, rebuildGraceMs: 200,
    });
    for (let i = 0; i < 400 && (await activeReadModel(nc, namespace))?.generation !== 2; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await activeReadModel(nc, namespace)).toMatchObject({ generation: 2, layout: READ_MODEL_LAYOUT });
    const rebuilt = await snapshot(nc, namespace, 2);
    expect(rebuilt[keys.credentialList(scenario.accountId, one.listId)]).toMatchObject({ credentialCount: 1 });
    expect(credentialsIn(rebuilt, scenario.accountId, one.listId).map((c) => c.credentialId)).toEqual([one.aliceId]);
    expect(Object.keys(rebuilt).filter((k) => k.includes('.credential.'))).toEqual([]);
  });
});
