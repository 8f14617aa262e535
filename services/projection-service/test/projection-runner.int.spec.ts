import type { NatsConnection } from 'nats';
import { keys } from '@sipauth/contracts';
import { credentialIn, credentialsIn } from './apply-projection';
import { createEventStore, type EventStore } from '@sipauth/event-store';
import { cleanupNamespace, connectNats, freshNamespace } from '../../../test/support/nats';
import { ProjectionRunner } from '../src/projection-runner';
import { ConfigScenario, phaseOne, phaseTwo, type PhaseOne } from './config-scenario';
import { activeReadModel, caughtUpTo, snapshot } from './read-model-snapshot';

describe('the projection runner against NATS and the JetStream event store', () => {
  const namespace = freshNamespace('proj');
  let nc: NatsConnection;
  let store: EventStore;
  let scenario: ConfigScenario;
  let one: PhaseOne;
  const runners: ProjectionRunner[] = [];

  const startRunner = async (holderId: string): Promise<ProjectionRunner> => {
    const runner = await ProjectionRunner.start({
      js: nc.jetstream(), jsm: await nc.jetstreamManager(), store, namespace, holderId, leaseTtlMs: 1200, rebuildGraceMs: 200,
    });
    runners.push(runner);
    return runner;
  };

  beforeAll(async () => {
    nc = await connectNats('projection-runner-test');
    store = await createEventStore(nc, { namespace });
    scenario = new ConfigScenario(store);
    one = await phaseOne(scenario, namespace);
  });

  afterAll(async () => {
    for (const runner of runners) await runner.close();
    await store.close();
    await cleanupNamespace(nc, namespace);
    await nc.close();
  });

  it('projects every event into the documents the read-model layout names', async () => {
    const runner = await startRunner('first');
    await caughtUpTo(nc, namespace, await store.headPosition());
    const rm = await snapshot(nc, namespace, 1);
    const acct = scenario.accountId;
    expect(rm[keys.trunk(acct, one.trunkId)]).toMatchObject({
      friendlyName: 'Main trunk', domainName: `${namespace}.pstn.example.net`, accountId: acct,
      credentialListIds: [one.listId], ipAccessControlListIds: [one.aclId], digestAlgorithms: ['SHA-512-256', 'SHA-256', 'MD5'],
    });
    expect(rm[keys.credentialList(acct, one.listId)]).toMatchObject({ friendlyName: 'Head office', credentialCount: 1, assignedTrunkIds: [one.trunkId] });
    expect(credentialIn(rm, acct, one.listId, one.aliceId)).toMatchObject({ username: 'alice', realm: 'sipauth.test' });
    expect(rm[keys.ipAcl(acct, one.aclId)]).toMatchObject({ friendlyName: 'LAN', ipAddressCount: 1, assignedTrunkIds: [one.trunkId] });
    expect(rm[keys.ipAddress(acct, one.aclId, one.lanId)]).toMatchObject({ ipAddress: '10.1.2.0', cidrPrefixLength: 24 });
    expect(credentialsIn(rm, acct, one.listId)).toHaveLength(1);
    expect(Object.keys(rm).filter((k) => k.includes('.credentials.') && !k.includes(one.listId))).toEqual([]);
    expect(Object.keys(rm).filter((k) => k.includes('.ip-address.'))).toHaveLength(1);
    expect(rm['meta.position']).toEqual({ position: await store.headPosition() });
    expect(runner.ready).toBe(true);
  });

  it('resumes from its checkpoint after a restart mid-stream, through unassignments and deletions', async () => {
    await runners[0].close();
    const before = await snapshot(nc, namespace, 1);
    await phaseTwo(scenario, namespace, one);
    expect(await snapshot(nc, namespace, 1)).toEqual(before);
    await startRunner('second');
    await caughtUpTo(nc, namespace, await store.headPosition());
    const rm = await snapshot(nc, namespace, 1);
    const acct = scenario.accountId;
    expect(Object.keys(rm).filter((k) => k.startsWith(`acct.${acct}.trunk.`))).toEqual([keys.trunk(acct, one.trunkId)]);
    expect(Object.keys(rm).filter((k) => k.startsWith(`acct.${acct}.credential-list.`))).toEqual([keys.credentialList(acct, one.listId)]);
    expect(Object.keys(rm).filter((k) => k.startsWith(`acct.${acct}.ip-acl.`))).toEqual([keys.ipAcl(acct, one.aclId)]);
    expect(Object.keys(rm).filter((k) => k.includes('.ip-address.'))).toHaveLength(1);
    expect(rm[keys.credentialList(acct, one.listId)]).toMatchObject({ credentialCount: 2, assignedTrunkIds: [one.trunkId] });
  });

  it('copies the sealed HA1s as they are and holds no password or clear HA1 anywhere', async () => {
    const rm = await snapshot(nc, namespace, 1);
    const text = JSON.stringify(rm);
    for (const secret of [...scenario.secrets.passwords, ...scenario.secrets.clearHa1s]) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/password/i);
    const credentials = Object.keys(rm).filter((k) => k.includes('.credential-list.')).flatMap((k) => credentialsIn(rm, scenario.accountId, k.slice(k.lastIndexOf('.') + 1)));
    expect(credentials.length).toBeGreaterThan(0);
    for (const credential of credentials) expect(credential.ha1).toEqual(scenario.secrets.sealed.get(credential.credentialId));
  });

  it('applies nothing twice when every event is delivered again from position zero', async () => {
    await runners[1].close();
    const before = await snapshot(nc, namespace, 1);
    const kv = await nc.jetstream().views.kv(`${namespace}_rm_1`, { bindOnly: true });
    await kv.put('meta.position', Buffer.from(JSON.stringify({ position: '0', updatedAt: new Date().toISOString() })));
    await startRunner('third');
    await caughtUpTo(nc, namespace, await store.headPosition());
    expect(await snapshot(nc, namespace, 1)).toEqual(before);
  });

  it('rebuilds into a fresh generation that equals the live one, switches to it and drops the old bucket', async () => {
    const runner = runners[2];
    await caughtUpTo(nc, namespace, await store.headPosition());
    const live = await snapshot(nc, namespace, 1);
    const result = await runner.rebuild();
    expect(result).toEqual({ generation: 2, position: await store.headPosition() });
    expect(await activeReadModel(nc, namespace)).toMatchObject({ generation: 2, bucket: `${namespace}_rm_2` });
    expect(await snapshot(nc, namespace, 2)).toEqual(live);
    await scenario.changePassword(one.listId, one.aliceId, 'alice');
    await caughtUpTo(nc, namespace, await store.headPosition());
    const rebuilt = await snapshot(nc, namespace, 2);
    expect(credentialIn(rebuilt, scenario.accountId, one.listId, one.aliceId)?.ha1)
      .toEqual(scenario.secrets.sealed.get(one.aliceId));
    const jsm = await nc.jetstreamManager();
    const gone = async () => jsm.streams.info(`KV_${namespace}_rm_1`).then(() => false, () => true);
    for (let i = 0; i < 100 && !(await gone()); i++) await new Promise((r) => setTimeout(r, 50));
    expect(await gone()).toBe(true);
  });
});
