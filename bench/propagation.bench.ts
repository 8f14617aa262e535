/**
 * Propagation: from a config command's reply (credential.change-password over NATS) to the workers
 * deciding with it. Per change: the time until every worker (two replicas) reports an applied
 * position ≥ the reply's position, and the time until, after that, an authorize answered over NATS
 * allows the new password (the figure that matters). p50/p99 over many changes (target p99 ≤ 50 ms).
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { connect } from 'nats';
import { authSubject, configSubject, type AuthDecision, type Reply } from '@sipauth/contracts';
import { computeResponse, hashHex, parseChallenge } from '@sipauth/sip-digest';
import { startConfigService } from '@sipauth/config-service/dist/bootstrap';
import { startProjectionService } from '@sipauth/projection-service/dist/bootstrap';
import { startSipAuthWorker } from '@sipauth/sip-auth-worker';

const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const CHANGES = 60;
const WARMUP = 5;
const DOMAIN = 'propagation.example.net';
const URI = `sip:+15550100@${DOMAIN}`;

async function main(): Promise<void> {
  const ns = `bench${randomBytes(4).toString('hex')}`;
  const env = {
    ...process.env, NODE_ENV: 'test', NATS_URL, SIPAUTH_NAMESPACE: ns, SIPAUTH_REALM: 'sipauth.bench',
    SIPAUTH_NONCE_SECRETS: `n1:${randomBytes(32).toString('base64')}`, SIPAUTH_SEALING_KEYS: `k1:${randomBytes(32).toString('base64')}`,
  };
  const nc = await connect({ servers: NATS_URL, name: 'bench-propagation' });
  const config = await startConfigService({ ...env, CONFIG_HTTP_PORT: '0' }, { logger: ['error'] });
  const projection = await startProjectionService({ ...env, PROJECTION_HTTP_PORT: '0' });
  const workers = [await startSipAuthWorker({ ...env, WORKER_HTTP_PORT: '0' }), await startSipAuthWorker({ ...env, WORKER_HTTP_PORT: '0' })];
  const request = async <T>(subject: string, body: object): Promise<T> => {
    const msg = await nc.request(subject, Buffer.from(JSON.stringify(body)), { timeout: 10_000 });
    const reply = JSON.parse(Buffer.from(msg.data).toString()) as Reply<T>;
    if (!reply.ok) throw new Error(`${subject}: ${JSON.stringify(reply.error)}`);
    return reply.data;
  };
  const command = <T = { position: string }>(name: Parameters<typeof configSubject>[1], body: object) =>
    request<T & { position: string }>(configSubject(ns, name), { accountId: 'bench', ...body });
  try {
    let password = 'Bench-Pass-0000';
    const list = await command<{ credentialListId: string; credentialId: string }>('credential-list.create', { friendlyName: 'Bench', username: 'alice', password });
    const { trunkId } = await command<{ trunkId: string }>('trunk.create', { friendlyName: 'Bench', domainName: DOMAIN });
    const assigned = await command('trunk.assign', { trunkId, listKind: 'credentialList', listId: list.credentialListId });
    await until(() => workers.every((w) => BigInt(w.status().position) >= BigInt(assigned.position)));

    const challenge = await request<AuthDecision>(authSubject(ns, 'authorize'), { domain: DOMAIN, sourceIp: '198.51.100.7', method: 'INVITE', requestUri: URI });
    const parsed = parseChallenge(challenge.proxyAuthenticate![0]);
    if (!parsed.ok) throw new Error('bad challenge');
    const { realm, nonce, algorithm } = parsed.value;
    // ACK credentials skip the replay rule, so the same nonce answers every probe.
    const ackWith = (pw: string) => {
      const response = computeResponse({ algorithm, ha1: hashHex('SHA-256', `alice:${realm}:${pw}`), nonce, cnonce: 'c', nc: '00000001', qop: 'auth', method: 'ACK', uri: URI });
      return { domain: DOMAIN, sourceIp: '198.51.100.7', method: 'ACK', requestUri: URI,
        authorization: `Digest username="alice", realm="${realm}", nonce="${nonce}", uri="${URI}", response="${response}", algorithm=${algorithm}, qop=auth, nc=00000001, cnonce="c"` };
    };

    const applied: number[] = [];
    const deciding: number[] = [];
    for (let i = 0; i < CHANGES + WARMUP; i++) {
      password = `Bench-Pass-${String(i + 1).padStart(4, '0')}`;
      const { position } = await command('credential.change-password', { credentialListId: list.credentialListId, credentialId: list.credentialId, password });
      const t0 = performance.now();
      await spinUntil(() => workers.every((w) => BigInt(w.status().position) >= BigInt(position)));
      const t1 = performance.now();
      const probe = ackWith(password);
      let decision: AuthDecision;
      do decision = await request<AuthDecision>(authSubject(ns, 'authorize'), probe);
      while (decision.reason !== 'digest-verified' && performance.now() - t0 < 5_000);
      if (decision.reason !== 'digest-verified') throw new Error(`change ${i} not visible: ${decision.reason}`);
      const t2 = performance.now();
      if (i >= WARMUP) { applied.push(t1 - t0); deciding.push(t2 - t0); }
    }
    const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
    console.log(`propagation of credential.change-password over ${CHANGES} changes, 2 workers (ms from the command's reply)`);
    console.log(`every worker applied  p50 ${pct(applied, 0.5).toFixed(2)}  p99 ${pct(applied, 0.99).toFixed(2)}  max ${pct(applied, 1).toFixed(2)}`);
    console.log(`authorize allows new  p50 ${pct(deciding, 0.5).toFixed(2)}  p99 ${pct(deciding, 0.99).toFixed(2)}  max ${pct(deciding, 1).toFixed(2)}  (target p99 ≤ 50 ms)`);
  } finally {
    for (const w of workers) await w.close();
    await projection.close();
    await config.close();
    const jsm = await nc.jetstreamManager();
    for await (const s of jsm.streams.list()) {
      if (s.config.name.startsWith(`${ns}_`) || s.config.name.startsWith(`KV_${ns}_`) || s.config.name.startsWith(`${ns}-`)) await jsm.streams.delete(s.config.name);
    }
    await nc.close();
  }
}

/** Polls on every turn of the event loop, so the measurement is not rounded up to a timer tick. */
async function spinUntil(check: () => boolean): Promise<void> {
  const deadline = performance.now() + 5_000;
  while (!check()) {
    if (performance.now() > deadline) throw new Error('timed out waiting for the workers');
    await new Promise((r) => setImmediate(r));
  }
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 3000 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!check()) throw new Error('timed out waiting for the read model');
}

main().catch((err) => { console.error(err); process.exit(1); });
