import type { NatsConnection } from 'nats';
import { lockoutBucket } from '@sipauth/contracts';
import { parseSourceIp, SourceIp } from '@sipauth/ip-acl-match';
import { cleanupNamespace, connectNats, freshNamespace } from '../../../test/support/nats';
import type { TrunkView } from '../src/authorization/auth-lookup';
import { LockoutRegistry } from '../src/lockout/lockout-registry';

const trunk = { trunkId: 'TK1', accountId: 'AC1', lockoutPolicy: { enabled: true, maxFailures: 3, windowSeconds: 60, lockoutSeconds: 300 } } as unknown as TrunkView;
const attacker = parseSourceIp('203.0.113.66') as SourceIp;
const ipv6 = parseSourceIp('2001:db8::66') as SourceIp;

async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) { if (await check()) return; await new Promise((r) => setTimeout(r, 10)); }
  throw new Error(`timed out waiting for ${what}`);
}

describe('LockoutRegistry on real NATS, two replicas', () => {
  const ns = freshNamespace('lk');
  const connections: NatsConnection[] = [];
  const registries: LockoutRegistry[] = [];
  const logs: string[] = [];
  const open = async () => {
    const nc = await connectNats('lockout-test');
    connections.push(nc);
    const registry = await LockoutRegistry.open(nc, ns, { log: (m) => logs.push(m) });
    registries.push(registry);
    return registry;
  };
  let a: LockoutRegistry;
  let b: LockoutRegistry;
  beforeAll(async () => { [a, b] = [await open(), await open()]; });
  afterAll(async () => {
    for (const r of registries) await r.close();
    await cleanupNamespace(connections[0], ns);
    for (const nc of connections) await nc.close();
  });

  it('locks a source out on both replicas when failures reported to either cross the threshold, and stores it in KV', async () => {
    a.failed(trunk, attacker, 'alice', 'bad-response');
    b.failed(trunk, attacker, 'alice', 'unknown-user');
    await until(() => a.lockedUntil(trunk, attacker) === undefined, 'two failures counted');
    a.failed(trunk, attacker, 'alice', 'bad-response');
    await until(() => a.lockedUntil(trunk, attacker) !== undefined && b.lockedUntil(trunk, attacker) !== undefined, 'both replicas locked');
    const kv = await connections[0].jetstream().views.kv(lockoutBucket(ns), { bindOnly: true });
    await until(async () => (await kv.get('TK1.203.0.113.66'))?.operation === 'PUT', 'the lockout in KV');
    expect(a.list('TK1')).toEqual([expect.objectContaining({ trunkId: 'TK1', sourceIp: '203.0.113.66', failures: 3 })]);
    expect(logs.filter((l) => l.includes('locked out of trunk TK1'))).toHaveLength(1);
  });

  it('shows a replica started later the lockouts already in force', async () => {
    const c = await open();
    expect(c.lockedUntil(trunk, attacker)).toBe(a.lockedUntil(trunk, attacker));
  });

  it('starts a count again on every replica after a success reported to one', async () => {
    const counting = () => registries.filter((r) => r.hasFailures(trunk, ipv6)).length;
    a.failed(trunk, ipv6, 'bob', 'bad-response');
    a.failed(trunk, ipv6, 'bob', 'bad-response');
    await until(() => counting() === registries.length, 'the failures counted everywhere');
    b.succeeded(trunk, ipv6);
    await until(() => counting() === 0, 'the count reset everywhere');
    a.failed(trunk, ipv6, 'bob', 'bad-response');
    await until(() => counting() === registries.length, 'the new failure counted everywhere');
    expect(registries.map((r) => r.lockedUntil(trunk, ipv6))).toEqual(registries.map(() => undefined));
  });

  it('clears a lockout on every replica and in KV, answering how many were active', async () => {
    for (let i = 0; i < 3; i++) b.failed(trunk, ipv6, 'bob', 'bad-response');
    await until(() => a.lockedUntil(trunk, ipv6) !== undefined, 'the IPv6 source locked');
    expect(a.list('TK1').map((l) => l.sourceIp).sort()).toEqual(['2001:db8::66', '203.0.113.66']);
    expect(await b.clear('TK1', '2001:db8::66')).toBe(1);
    await until(() => registries.every((r) => r.lockedUntil(trunk, ipv6) === undefined), 'the IPv6 lockout cleared everywhere');
    expect(registries.every((r) => r.lockedUntil(trunk, attacker) !== undefined)).toBe(true);
    expect(await a.clear('TK1')).toBe(1);
    await until(() => registries.every((r) => r.list('TK1').length === 0), 'every lockout of TK1 cleared');
    const kv = await connections[0].jetstream().views.kv(lockoutBucket(ns), { bindOnly: true });
    expect((await kv.get('TK1.203.0.113.66'))?.operation).not.toBe('PUT');
  });
});
