import type { NatsConnection } from 'nats';
import { cleanupNamespace, connectNats, freshNamespace } from '../../../../test/support/nats';
import { KvReplayGuard } from './kv-replay-guard';

describe('KvReplayGuard on NATS KV', () => {
  let nc: NatsConnection;
  const namespace = freshNamespace('rg');
  beforeAll(async () => {
    nc = await connectNats('replay-guard-test');
  });
  afterAll(async () => {
    await cleanupNamespace(nc, namespace);
    await nc.close();
  });

  it('accepts a nonce/nc pair once, across guards sharing the bucket', async () => {
    const one = await KvReplayGuard.open(nc.jetstream(), namespace, 300);
    const two = await KvReplayGuard.open(nc.jetstream(), namespace, 300);
    expect(await one.claim('pair-1')).toBe(true);
    expect(await two.claim('pair-1')).toBe(false);
    expect(await two.claim('pair-2')).toBe(true);
  });

  it('refuses to start on a bucket that would forget pairs while their nonces are still valid', async () => {
    await expect(KvReplayGuard.open(nc.jetstream(), namespace, 3600)).rejects.toThrow(/forgets nonce\/nc pairs after 330 s, but nonces live 3600 s/);
    await expect(KvReplayGuard.open(nc.jetstream(), namespace, 120)).resolves.toBeInstanceOf(KvReplayGuard);
  });
});
