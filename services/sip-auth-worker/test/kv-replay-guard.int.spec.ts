import type { NatsConnection } from 'nats';
import { cleanupNamespace, connectNats, freshNamespace } from '../../../test/support/nats';
import { KvReplayGuard } from '../src/index/kv-replay-guard';

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
    const one = await KvReplayGuard.open(nc, namespace, 300);
    const two = await KvReplayGuard.open(nc, namespace, 300);
    const use = { response: 'abc', transactionId: 'z9hG4bK-1' };
    expect(await one.claim('pair-1', use)).toBe('first');
    expect(await two.claim('pair-1', { response: 'abc' })).toBe('replayed');
    expect(await two.claim('pair-2', use)).toBe('first');
  });

  it('tells a retransmission (same transaction id and response) from a replay, on another guard', async () => {
    const one = await KvReplayGuard.open(nc, namespace, 300);
    const two = await KvReplayGuard.open(nc, namespace, 300);
    expect(await one.claim('pair-3', { response: 'r1', transactionId: 'z9hG4bK-a' })).toBe('first');
    expect(await two.claim('pair-3', { response: 'r1', transactionId: 'z9hG4bK-a' })).toBe('retransmission');
    expect(await two.claim('pair-3', { response: 'r1', transactionId: 'z9hG4bK-b' })).toBe('replayed');
    expect(await one.claim('pair-3', { response: 'r2', transactionId: 'z9hG4bK-a' })).toBe('replayed');
    expect(await one.claim('pair-4', { response: 'r1' })).toBe('first');
    expect(await two.claim('pair-4', { response: 'r1' })).toBe('replayed');
  });

  it('costs the first verification one KV write and nothing more; only a pair already used with a transactionId is read back', async () => {
    const guard = await KvReplayGuard.open(nc, namespace, 300);
    const kv = (guard as unknown as { kv: { get: unknown } }).kv;
    const publisher = (guard as unknown as { publisher: { createIfAbsent: unknown } }).publisher;
    const put = jest.spyOn(publisher as never, 'createIfAbsent' as never);
    const get = jest.spyOn(kv as never, 'get' as never);
    expect(await guard.claim('pair-5', { response: 'r', transactionId: 't1' })).toBe('first');
    expect([put.mock.calls.length, get.mock.calls.length]).toEqual([1, 0]);
    expect(await guard.claim('pair-5', { response: 'r' })).toBe('replayed');
    expect(get.mock.calls.length).toBe(0);
    expect(await guard.claim('pair-5', { response: 'r', transactionId: 't1' })).toBe('retransmission');
    expect(get.mock.calls.length).toBe(1);
  });

  it('stores the claim in the bucket as kv.put would (the use, readable by kv.get)', async () => {
    const guard = await KvReplayGuard.open(nc, namespace, 300);
    expect(await guard.claim('pair-6', { response: 'r6', transactionId: 't6' })).toBe('first');
    const stored = await (guard as unknown as { kv: { get(k: string): Promise<{ string(): string; operation: string } | null> } }).kv.get('pair-6');
    expect(stored?.operation).toBe('PUT');
    expect(stored?.string()).toMatch(/ t6$/);
  });

  it('fails a claim (never "first") when JetStream does not answer: no responders, or the connection closed', async () => {
    const other = await connectNats('replay-guard-test-2');
    const guard = await KvReplayGuard.open(other, namespace, 300);
    const publisher = (guard as unknown as { publisher: { createIfAbsent(s: string, d: string): Promise<void> } }).publisher;
    await expect(publisher.createIfAbsent(`nobody.listens.${namespace}`, 'x')).rejects.toThrow(/no JetStream responders/);
    await other.close();
    await expect(guard.claim('pair-7', { response: 'r' })).rejects.toThrow(/closed/);
  });

  it('refuses to start on a bucket that would forget pairs while their nonces are still valid', async () => {
    await expect(KvReplayGuard.open(nc, namespace, 3600)).rejects.toThrow(/forgets nonce\/nc pairs after 330 s, but nonces live 3600 s/);
    await expect(KvReplayGuard.open(nc, namespace, 120)).resolves.toBeInstanceOf(KvReplayGuard);
  });
});
