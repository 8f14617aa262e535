/**
 * The watcher across a restart of the NATS server (a private one: the shared server must never be
 * restarted). The server forgets the watches' consumers; nats.js would notice only after missed
 * heartbeats and meanwhile the worker would decide from a frozen index, so the watcher reloads the
 * active generation as soon as the connection is back.
 */
import { connect, NatsConnection } from 'nats';
import { SealingKeyring } from '@sipauth/sip-digest';
import { freshNamespace } from '../../../test/support/nats';
import { describeWithPrivateNats, PrivateNats, startPrivateNats } from '../../../test/support/private-nats';
import { readModel } from './read-model-docs';
import { AuthIndex } from '../src/index/auth-index';
import { ReadModelWatcher } from '../src/index/read-model-watcher';

const keyring = new SealingKeyring([{ id: 'k1', key: Buffer.alloc(32, 2) }]);

async function until(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describeWithPrivateNats('ReadModelWatcher across a NATS server restart', () => {
  const ns = freshNamespace('rwr');
  let nats: PrivateNats;
  let nc: NatsConnection;
  let watcher: ReadModelWatcher;

  beforeAll(async () => {
    nats = await startPrivateNats();
    nc = await connect({ servers: nats.url, maxReconnectAttempts: -1, reconnectTimeWait: 250 });
  });

  afterAll(async () => {
    await watcher?.stop();
    await nc?.close();
    await nats?.stop();
  });

  it('reloads the active generation once the connection is back, then follows writes made after the restart', async () => {
    const rm = await readModel(nc, ns, 1);
    await rm.trunk('TK1', 'one.example.net');
    await rm.activate();
    watcher = new ReadModelWatcher(nc, ns, () => new AuthIndex('sipauth.test', keyring));
    watcher.start(() => undefined);
    await watcher.loaded;
    const before = watcher.index;

    await nats.restart();
    await until(() => watcher.index !== before, 'the watcher to reload the generation after the reconnect');
    expect(watcher.status()).toMatchObject({ ready: true, position: '1', counts: { trunks: 1 } });

    await rm.trunk('TK2', 'two.example.net');
    await until(() => watcher.status().position === '2', 'a write made after the restart to reach the index');
    expect(watcher.index?.trunkByDomain('two.example.net')?.trunkId).toBe('TK2');
  }, 60_000);
});
