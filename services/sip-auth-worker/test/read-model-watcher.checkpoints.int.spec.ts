import type { NatsConnection } from 'nats';
import { SealingKeyring } from '@sipauth/sip-digest';
import { eagerBucketOf, keys, POSITION_KEY } from '@sipauth/contracts';
import { cleanupNamespace, connectNats, freshNamespace } from '../../../test/support/nats';
import { readModel, trunkDoc, until } from './read-model-docs';
import { AuthIndex } from '../src/index/auth-index';
import { ReadModelWatcher } from '../src/index/read-model-watcher';

const ns = freshNamespace('rwcp');
const keyring = new SealingKeyring([{ id: 'k1', key: Buffer.alloc(32, 2) }]);
let nc: NatsConnection;
let watcher: ReadModelWatcher;

const trunk = (id: string, domainName: string, position: string, updatedAt: string) =>
  JSON.stringify(trunkDoc(id, domainName, { position, updatedAt, createdAt: updatedAt }));

beforeAll(async () => { nc = await connectNats(); });
afterAll(async () => {
  await watcher?.stop();
  await cleanupNamespace(nc, ns);
  await nc.close();
});

describe('ReadModelWatcher with an eager copy: the position', () => {
  it('reaches a checkpoint only once both the generation and its eager copy delivered it, and reports each live change with its age', async () => {
    const rm = await readModel(nc, ns, 1, { eagerCopy: true });
    await rm.trunk('TK1', 'one.example.net');
    await rm.activate();
    watcher = new ReadModelWatcher(nc, ns, () => new AuthIndex('sipauth.test', keyring));
    const applied: Array<{ kind: string; sinceRecorded: number | undefined }> = [];
    watcher.onApplied = (kind, sinceRecorded) => applied.push({ kind, sinceRecorded });
    watcher.start(() => undefined);
    await watcher.loaded;
    expect(watcher.status().position).toBe('1');

    const js = nc.jetstream();
    const generation = await js.views.kv(rm.bucket);
    const copy = await js.views.kv(eagerBucketOf(rm.bucket));
    const recordedAt = new Date().toISOString();
    // The copy delivers its checkpoint 2, then a trunk: once the trunk is applied, so is that checkpoint.
    await copy.put(POSITION_KEY, JSON.stringify({ position: '2', updatedAt: recordedAt, recordedAt }));
    await copy.put(keys.trunk('AC1', 'TK2'), trunk('TK2', 'two.example.net', '3', recordedAt));
    await until(() => watcher.index?.trunkByDomain('two.example.net') !== undefined);
    expect(watcher.status().position).toBe('1');

    // The generation's own checkpoint 2 (everything it holds up to 2 is written): now every stream has it.
    await generation.put(POSITION_KEY, JSON.stringify({ position: '2', updatedAt: recordedAt, recordedAt }));
    await until(() => watcher.status().position === '2');
    // An older checkpoint arriving late takes nothing back.
    await generation.put(POSITION_KEY, JSON.stringify({ position: '1', updatedAt: recordedAt }));
    await copy.put(keys.trunk('AC1', 'TK3'), trunk('TK3', 'three.example.net', '4', recordedAt));
    await until(() => watcher.index?.trunkByDomain('three.example.net') !== undefined);
    expect(watcher.status().position).toBe('2');

    expect(applied.map((a) => a.kind)).toEqual(['trunk', 'position', 'trunk']);
    for (const a of applied) expect(a.sinceRecorded).toBeGreaterThanOrEqual(0);
  });
});
