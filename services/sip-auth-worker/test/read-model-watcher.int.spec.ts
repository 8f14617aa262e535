import type { NatsConnection } from 'nats';
import { SealingKeyring } from '@sipauth/sip-digest';
import { projectionBucket } from '@sipauth/contracts';
import { cleanupNamespace, connectNats, freshNamespace } from '../../../test/support/nats';
import { readModel, until } from './read-model-docs';
import { AuthIndex } from '../src/index/auth-index';
import { ReadModelWatcher } from '../src/index/read-model-watcher';

const ns = freshNamespace('rw');
const keyring = new SealingKeyring([{ id: 'k1', key: Buffer.alloc(32, 2) }]);
let nc: NatsConnection;
let watcher: ReadModelWatcher;

beforeAll(async () => { nc = await connectNats(); });
afterAll(async () => {
  await watcher?.stop();
  await cleanupNamespace(nc, ns);
  await nc.close();
});

describe('ReadModelWatcher', () => {
  it('waits for the projection to create its buckets, then loads and follows the active generation', async () => {
    // The watcher's JetStream requests for its projection bucket: a second one means the first found none and was handled.
    const observer = await connectNats('rw-observer');
    const asks = observer.subscribe(`$JS.API.STREAM.INFO.KV_${projectionBucket(ns)}`);
    const secondAsk = (async () => { let n = 0; for await (const _ of asks) if (++n === 2) return; })();
    await observer.flush();
    watcher = new ReadModelWatcher(nc, ns, () => new AuthIndex('sipauth.test', keyring));
    const errors: Error[] = [];
    watcher.start((err) => errors.push(err));
    await secondAsk;
    await observer.close();
    expect(watcher.status()).toMatchObject({ ready: false, position: '0' });

    const rm = await readModel(nc, ns, 1);
    await rm.trunk('TK1', 'one.example.net');
    await rm.activate();
    await watcher.loaded;
    expect(watcher.status()).toMatchObject({ ready: true, position: '1', counts: { trunks: 1 } });

    await rm.trunk('TK2', 'two.example.net');
    await until(() => watcher.status().position === '2');
    expect(watcher.index?.trunkByDomain('two.example.net')?.trunkId).toBe('TK2');
    expect(errors).toEqual([]);
  });

  it('reloads the generation whole when its watch ends on its own, instead of serving a frozen index', async () => {
    const before = watcher.index;
    // Simulates a consumer lost for good: the same thing a dropped watch looks like from inside.
    (watcher as unknown as { current: { watch: { stop(): void } } }).current.watch.stop();
    await until(() => watcher.index !== before);
    const rm = await readModel(nc, ns, 1);
    await rm.trunk('TK3', 'three.example.net');
    await until(() => watcher.index?.trunkByDomain('three.example.net') !== undefined);
    expect(watcher.status().counts.trunks).toBe(3);
  });
});
