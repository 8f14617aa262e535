/**
 * A carrier's scale through the real path (issue 14): SCALE_CREDENTIALS credentials (default
 * 1,000,000) across SCALE_ACCOUNTS accounts (default 100,000), each account with one trunk, one IP
 * ACL of one range and one credential list holding its share of the credentials, both assigned.
 *
 *  1. events appended to the event store through its port (JetStream adapter), each stream in one
 *     append (an import is CredentialsImported events of 250 credentials, as config-service writes
 *     them), SCALE_IN_FLIGHT streams at a time: events/s;
 *  2. projection-service started on the empty read model, catching up from zero: events/s and the
 *     rebuild time;
 *  3. event stream and read-model KV bytes on disk (JetStream stream info);
 *  4. SCALE_WORKERS sip-auth-worker processes (node dist/main.js) started: time to ready (/readyz),
 *     RSS (/proc) and heap used (/metrics) once ready and after the probes;
 *  5. authorize over NATS, an ACK with valid credentials (full verify, no replay write, one nonce for
 *     all), for credentials never used (each loads its list from KV: the first-use cost) and for one
 *     hot credential: p50/p99 sequentially and req/s with 64 in flight;
 *  6. config query latency (`query.trunk.get`, config-service in this process);
 *  7. propagation: SCALE_CHANGES TrunkDigestAlgorithmsSet events appended one at a time, 150–250 ms
 *     apart at random; per change, from the store recording it to every worker applying it, read from
 *     the workers' own histogram (`sipauth_worker_propagation_seconds`, one /metrics scrape per worker
 *     before and after each change, nothing in flight meanwhile: support/propagation.ts): the trunk
 *     document (what decisions read) and the position (what auth.status reports), the slower worker;
 *     and projection-service's recorded → writes acknowledged. p50/p99/max. Until 2026-11-30 this step
 *     polled every worker's /metrics with 1 ms sleeps until the position showed (the scrapes' cost in
 *     the workers and this process inside the figure, from before the append): not comparable.
 *  8. SCALE_START_COMPARE=N: one worker started N times from the eager copy, then N times with the
 *     copy deleted (read from the bucket by filters, as before issue 14), on the same data.
 * The namespace's streams are deleted at the end. Not part of npm test.
 *
 * SCALE_DIRECT=1 is a second mode, for sizes the projection's catch-up makes too slow to build here:
 * steps 1–2 are replaced by writing the read model straight into KV, document for document what
 * projection-service writes (the generation, its eager copy, each list's credential chunks); only the
 * probe account's events are appended (and projected), so that the propagation step has a stream to
 * change. Every figure it prints is labelled `[direct KV]`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import {
  ACTIVE_KEY, authSubject, eagerBucketOf, READ_MODEL_LAYOUT, isEagerKey, isNamespaceStream, keys, projectionBucket, querySubject, readModelBucket,
  type ChunkedCredential, type CredentialListDoc, type IpAclDoc, type IpAddressDoc, type TrunkDoc,
} from '@sipauth/contracts';
import { CURRENT_SCHEMA_VERSION, ID_PREFIXES } from '@sipauth/domain';
import { createEventStore, type EventData, type EventStore } from '@sipauth/event-store';
import { computeHa1s, ha1SealingContext, sealHa1s, SealingKeyring } from '@sipauth/sip-digest';
import { startConfigService } from '@sipauth/config-service/dist/bootstrap';
import { startProjectionService } from '@sipauth/projection-service/dist/bootstrap';
import { answerChallenge } from './support/digest';
import { openBenchNamespace, type BenchNamespace } from './support/namespace';
import { credentialChunkDocs } from './support/read-model';
import { pause, PropagationProbe, scrape } from './support/propagation';
import { median, percentile } from './support/stats';

const CREDENTIALS = Number(process.env.SCALE_CREDENTIALS ?? 1_000_000);
const ACCOUNTS = Number(process.env.SCALE_ACCOUNTS ?? 100_000);
const PER_ACCOUNT = Math.ceil(CREDENTIALS / ACCOUNTS);
const IN_FLIGHT = Number(process.env.SCALE_IN_FLIGHT ?? 64);
const WORKERS = Number(process.env.SCALE_WORKERS ?? 2);
const PROBES = Number(process.env.SCALE_PROBES ?? 1_000);
const CHANGES = Number(process.env.SCALE_CHANGES ?? 100);
const PER_EVENT = 250;
const DIRECT = process.env.SCALE_DIRECT === '1';
const MODE = DIRECT ? '[direct KV] ' : '';
const START_COMPARE = Number(process.env.SCALE_START_COMPARE ?? 0);
const DIRECT_IN_FLIGHT = Number(process.env.SCALE_DIRECT_IN_FLIGHT ?? 256);

const hex = (...parts: (string | number)[]) => createHash('md5').update(parts.join('.')).digest('hex');
const account = (a: number) => {
  const accountId = `AC${hex('acct', a)}`;
  return {
    accountId, trunkId: `${ID_PREFIXES.trunk}${hex('t', a)}`, listId: `${ID_PREFIXES.credentialList}${hex('l', a)}`,
    aclId: `${ID_PREFIXES.ipAccessControlList}${hex('a', a)}`, domain: `t${a}.scale.example.net`,
    network: `10.${(a >> 8) & 255}.${a & 255}.0`, sourceIp: `10.${(a >> 8) & 255}.${a & 255}.7`,
  };
};
const user = (a: number, c: number) => ({ credentialId: `${ID_PREFIXES.credential}${hex('c', a, c)}`, username: `a${a}u${c}`, password: `Pw-${a}-${c}-scale` });

/** The streams of one account and their events, as config-service would have written them. */
function accountStreams(a: number, realm: string, keyring: SealingKeyring): [string, EventData[]][] {
  const x = account(a);
  const at = '2026-01-01T00:00:00.000Z';
  const meta = { accountId: x.accountId, correlationId: randomUUID(), causationId: randomUUID(), schemaVersion: CURRENT_SCHEMA_VERSION, actor: 'scale-bench' };
  const ev = (type: string, data: object): EventData => ({ id: randomUUID(), type, data, metadata: meta });
  const credentials = Array.from({ length: Math.min(PER_ACCOUNT, CREDENTIALS - a * PER_ACCOUNT) }, (_, c) => {
    const u = user(a, c);
    return { credentialId: u.credentialId, username: u.username, ha1: sealHa1s(keyring, computeHa1s(u.username, realm, u.password), ha1SealingContext(x.listId, u.credentialId)) };
  });
  const imports: EventData[] = [];
  for (let i = 0; i < credentials.length; i += PER_EVENT) {
    imports.push(ev('CredentialsImported', { credentialListId: x.listId, realm, createdAt: at, credentials: credentials.slice(i, i + PER_EVENT) }));
  }
  return [
    [`credentialList-${x.listId}`, [
      ev('CredentialListCreated', { credentialListId: x.listId, accountId: x.accountId, friendlyName: `List ${a}`, createdAt: at }),
      ...imports,
      ev('TrunkAssigned', { trunkId: x.trunkId, listKind: 'credentialList', listId: x.listId }),
    ]],
    [`ipAcl-${x.aclId}`, [
      ev('IpAccessControlListCreated', { ipAccessControlListId: x.aclId, accountId: x.accountId, friendlyName: `ACL ${a}`, createdAt: at }),
      ev('IpAddressAdded', { ipAccessControlListId: x.aclId, ipAddressId: `${ID_PREFIXES.ipAddress}${hex('ip', a)}`, friendlyName: 'office', ipAddress: x.network, cidrPrefixLength: 24, createdAt: at }),
      ev('TrunkAssigned', { trunkId: x.trunkId, listKind: 'ipAccessControlList', listId: x.aclId }),
    ]],
    [`trunk-${x.trunkId}`, [
      ev('TrunkCreated', { trunkId: x.trunkId, accountId: x.accountId, friendlyName: `Trunk ${a}`, domainName: x.domain, createdAt: at }),
      ev('TrunkAssigned', { trunkId: x.trunkId, listKind: 'credentialList', listId: x.listId }),
      ev('TrunkAssigned', { trunkId: x.trunkId, listKind: 'ipAccessControlList', listId: x.aclId }),
    ]],
  ];
}

/**
 * The read model of every account written straight into KV (SCALE_DIRECT): the documents
 * projection-service writes for the events of accountStreams, in its order (credentials, then the
 * list's credential chunks, then the list), with the eager kinds repeated into the eager copy.
 */
async function writeReadModelDirect(space: BenchNamespace, realm: string, keyring: SealingKeyring): Promise<{ docs: number; seconds: number }> {
  const js = space.nc.jetstream();
  const bucket = readModelBucket(space.ns, 1);
  const kv = await js.views.kv(bucket, { history: 1 });
  const copy = await js.views.kv(eagerBucketOf(bucket), { history: 1 });
  const stamp = { revision: 0, position: '0', updatedAt: '2026-01-01T00:00:00.000Z', createdAt: '2026-01-01T00:00:00.000Z' };
  let docs = 0;
  const put = async (key: string, doc: object) => {
    const data = JSON.stringify(doc);
    // A put is idempotent: one that timed out on a loaded server is simply sent again.
    const retried = async (bucket: typeof kv) => { for (let i = 0; ; i++) { try { return await bucket.put(key, data); } catch (err) { if (i === 4) throw err; } } };
    await Promise.all([retried(kv), isEagerKey(key) ? retried(copy) : undefined]);
    docs++;
  };
  let next = 0;
  const t0 = process.hrtime.bigint();
  await Promise.all(Array.from({ length: DIRECT_IN_FLIGHT }, async () => {
    while (next < ACCOUNTS) {
      const a = next++;
      const x = account(a);
      const count = Math.max(0, Math.min(PER_ACCOUNT, CREDENTIALS - a * PER_ACCOUNT));
      const credentials = Array.from({ length: count }, (_, c): [string, ChunkedCredential] => {
        const u = user(a, c);
        const ha1 = sealHa1s(keyring, computeHa1s(u.username, realm, u.password), ha1SealingContext(x.listId, u.credentialId));
        return [u.credentialId, { ...stamp, username: u.username, realm, ha1 }];
      });
      await Promise.all(credentialChunkDocs(x.accountId, x.listId, credentials, stamp).map(([key, doc]) => put(key, doc)));
      await Promise.all([put(keys.credentialList(x.accountId, x.listId), { ...stamp, credentialListId: x.listId, accountId: x.accountId, friendlyName: `List ${a}`, credentialCount: count, assignedTrunkIds: [x.trunkId] } satisfies CredentialListDoc),
      put(keys.ipAddress(x.accountId, x.aclId, `${ID_PREFIXES.ipAddress}${hex('ip', a)}`), { ...stamp, ipAddressId: `${ID_PREFIXES.ipAddress}${hex('ip', a)}`, ipAccessControlListId: x.aclId, accountId: x.accountId, friendlyName: 'office', ipAddress: x.network, cidrPrefixLength: 24 } satisfies IpAddressDoc),
      put(keys.ipAcl(x.accountId, x.aclId), { ...stamp, ipAccessControlListId: x.aclId, accountId: x.accountId, friendlyName: `ACL ${a}`, ipAddressCount: 1, assignedTrunkIds: [x.trunkId] } satisfies IpAclDoc),
      put(keys.trunk(x.accountId, x.trunkId), { ...stamp, trunkId: x.trunkId, accountId: x.accountId, friendlyName: `Trunk ${a}`, domainName: x.domain, credentialListIds: [x.listId], ipAccessControlListIds: [x.aclId], digestAlgorithms: [] } satisfies TrunkDoc)]);
      if (next % 10_000 === 0) console.log(`    ${MODE}written ${next} accounts (${docs} documents)`);
    }
  }));
  const control = await js.views.kv(projectionBucket(space.ns), { history: 1 });
  await control.put(ACTIVE_KEY, JSON.stringify({ bucket, generation: 1, activatedAt: new Date().toISOString(), layout: READ_MODEL_LAYOUT }));
  return { docs, seconds: seconds(t0) };
}

async function appendAll(store: EventStore, realm: string, keyring: SealingKeyring): Promise<{ events: number; seconds: number; last: string }> {
  let next = 0;
  let events = 0;
  let done = 0;
  let last = 0n;
  const t0 = process.hrtime.bigint();
  await Promise.all(Array.from({ length: IN_FLIGHT }, async () => {
    while (next < ACCOUNTS) {
      for (const [stream, list] of accountStreams(next++, realm, keyring)) {
        const { position } = await store.appendToStream(stream, list, { expectedRevision: 'no_stream' });
        events += list.length;
        if (BigInt(position) > last) last = BigInt(position);
      }
      // Counted when its streams are appended: `next` stays at ACCOUNTS for every append still in flight
      // at the end, which printed this line once per in-flight slot.
      if (++done % 10_000 === 0) console.log(`    appended ${done} accounts (${events} events)`);
    }
  }));
  return { events, seconds: seconds(t0), last: String(last) };
}

const seconds = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e9;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

interface WorkerProcess { child: ChildProcess; port: number; startedAt: bigint; readyAfter?: number }

async function startWorker(env: Record<string, string>): Promise<WorkerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(__dirname, '..', '..', 'services', 'sip-auth-worker', 'dist', 'main.js')], {
    env: { ...env, WORKER_HTTP_PORT: String(port), LOG_LEVEL: process.env.SCALE_WORKER_LOG_LEVEL ?? 'warn' }, stdio: ['ignore', 'inherit', 'inherit'],
  });
  return { child, port, startedAt: process.hrtime.bigint() };
}

/** The worker's V8 heap in use, from its /metrics. */
async function heapUsed(w: WorkerProcess): Promise<number> {
  const { text } = await scrape(`http://127.0.0.1:${w.port}`);
  return Number(/^nodejs_heap_size_used_bytes (\S+)/m.exec(text)?.[1]);
}
const rssOf = (w: WorkerProcess) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${w.child.pid}/status`, 'utf8'))![1]) * 1024;

async function waitReady(w: WorkerProcess): Promise<void> {
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${w.port}/readyz`)).status === 200) { w.readyAfter = seconds(w.startedAt); return; }
    } catch { /* not listening yet */ }
    if (w.child.exitCode !== null) throw new Error('a worker exited');
    await sleep(20);
  }
}

/** Latencies (ms) of `requests` sent one after another, and req/s with 64 in flight over `burst`. */
async function latencies(space: BenchNamespace, requests: object[]): Promise<number[]> {
  const out: number[] = [];
  for (const body of requests) {
    const t0 = process.hrtime.bigint();
    const d = await space.request<{ decision: string; reason: string }>(authSubject(space.ns, 'authorize'), body);
    out.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (d.decision !== 'allow') throw new Error(`not allowed: ${JSON.stringify(d)}`);
  }
  return out;
}
async function rate(space: BenchNamespace, burst: object[]): Promise<number> {
  let next = 0;
  const t0 = process.hrtime.bigint();
  await Promise.all(Array.from({ length: 64 }, async () => {
    while (next < burst.length) {
      const body = burst[next++];
      try { await space.request(authSubject(space.ns, 'authorize'), body); } catch (err) { console.log(`    request failed: ${(err as Error).message}`); }
    }
  }));
  return burst.length / seconds(t0);
}
const fmt = (xs: number[]) => `p50 ${percentile(xs, 50).toFixed(2)} ms, p99 ${percentile(xs, 99).toFixed(2)} ms`;

/** Accounts the first-use probes need, each a different account (so a different list) from 2 on. */
const FRESH_PROBES = 3 * PROBES + 64 * 8 + 1;

async function main(): Promise<void> {
  // With fewer accounts the stride below was 0: every "first use" probe was account 2, so after the
  // first request every first-use figure measured a hot credential (found in a 1,000-account run).
  if (ACCOUNTS < FRESH_PROBES + 2) throw new Error(`SCALE_ACCOUNTS=${ACCOUNTS} is too few for SCALE_PROBES=${PROBES}: the first-use probes need ${FRESH_PROBES + 2} accounts, each used once (3 × SCALE_PROBES + 515)`);
  const space = await openBenchNamespace('scale-bench');
  const workers: WorkerProcess[] = [];
  let stopProjection: (() => Promise<void>) | undefined;
  let stopConfig: (() => Promise<void>) | undefined;
  try {
    const realm = space.env.SIPAUTH_REALM;
    const keyring = SealingKeyring.fromConfig(space.env.SIPAUTH_SEALING_KEYS);
    console.log(`scale: ${CREDENTIALS} credentials, ${ACCOUNTS} accounts (1 trunk, 1 ACL of 1 range, 1 list of ${PER_ACCOUNT} each), ${WORKERS} workers, namespace ${space.ns}`);
    const store = await createEventStore(space.nc, { namespace: space.ns });
    let appended = { events: 0, seconds: 0, last: '0' };
    let rebuild = 0;
    if (DIRECT) {
      const written = await writeReadModelDirect(space, realm, keyring);
      console.log(`  ${MODE}read model written straight into KV: ${written.docs} documents in ${written.seconds.toFixed(1)} s = ${(written.docs / written.seconds).toFixed(0)} documents/s`);
      // The probe account's trunk as events too, so that the propagation step changes a stream the projection knows.
      const x = account(3);
      const meta = { accountId: x.accountId, correlationId: randomUUID(), causationId: randomUUID(), schemaVersion: CURRENT_SCHEMA_VERSION };
      const { position } = await store.appendToStream(`trunk-${x.trunkId}`, [
        { id: randomUUID(), type: 'TrunkCreated', data: { trunkId: x.trunkId, accountId: x.accountId, friendlyName: 'Trunk 3', domainName: x.domain, createdAt: '2026-01-01T00:00:00.000Z' }, metadata: meta },
        { id: randomUUID(), type: 'TrunkAssigned', data: { trunkId: x.trunkId, listKind: 'credentialList', listId: x.listId }, metadata: meta },
        { id: randomUUID(), type: 'TrunkAssigned', data: { trunkId: x.trunkId, listKind: 'ipAccessControlList', listId: x.aclId }, metadata: meta },
      ], { expectedRevision: 'no_stream' });
      appended = { events: 3, seconds: 0, last: position };
    } else {
      appended = await appendAll(store, realm, keyring);
      console.log(`  append: ${appended.events} events in ${appended.seconds.toFixed(1)} s = ${(appended.events / appended.seconds).toFixed(0)} events/s ` +
        `(${(CREDENTIALS / appended.seconds).toFixed(0)} credentials/s, HA1 sealing included)`);
    }

    const t0 = process.hrtime.bigint();
    const projection = await startProjectionService({ ...space.env, PROJECTION_HTTP_PORT: '0' });
    stopProjection = () => projection.close();
    while (BigInt(projection.runner.position ?? '0') < BigInt(appended.last)) await sleep(100);
    rebuild = seconds(t0);
    if (!DIRECT) console.log(`  projection catch-up from zero: ${rebuild.toFixed(1)} s = ${(appended.events / rebuild).toFixed(0)} events/s, ${(CREDENTIALS / rebuild).toFixed(0)} credentials/s`);

    const jsm = await space.nc.jetstreamManager();
    for await (const s of jsm.streams.list()) {
      if (isNamespaceStream(s.config.name, space.ns)) console.log(`  stream ${s.config.name}: ${mb(s.state.bytes)} on disk, ${s.state.messages} messages`);
    }

    for (let i = 0; i < WORKERS; i++) workers.push(await startWorker(space.env));
    await Promise.all(workers.map(waitReady));
    const loaded = await Promise.all(workers.map(async (w) => ({ rss: rssOf(w), heap: await heapUsed(w) })));
    console.log(`  ${MODE}workers ready in ${workers.map((w) => w.readyAfter!.toFixed(2)).join(', ')} s; RSS ${loaded.map((x) => mb(x.rss)).join(', ')}; heap used ${loaded.map((x) => mb(x.heap)).join(', ')}`);

    const config = await startConfigService({ ...space.env, CONFIG_HTTP_PORT: '0' }, { logger: ['error'] });
    stopConfig = () => config.close();
    const probe = account(1);
    const challenge = await space.request<{ proxyAuthenticate: string[] }>(authSubject(space.ns, 'authorize'),
      { domain: probe.domain, sourceIp: probe.sourceIp, method: 'INVITE', requestUri: `sip:+1555@${probe.domain}` });
    const ack = (a: number) => {
      const x = account(a);
      const u = user(a, a % PER_ACCOUNT);
      const uri = `sip:+1555@${x.domain}`;
      return { domain: x.domain, sourceIp: x.sourceIp, method: 'ACK', requestUri: uri, authorization: answerChallenge(challenge.proxyAuthenticate[0], { username: u.username, password: u.password, method: 'ACK', uri }) };
    };
    const stride = Math.floor((ACCOUNTS - 2) / FRESH_PROBES);
    const fresh = Array.from({ length: FRESH_PROBES }, (_, i) => ack(2 + i * stride));
    const w0 = process.hrtime.bigint();
    await latencies(space, [fresh.pop()!]);
    console.log(`  ${MODE}first credentialed request after ready: ${(Number(process.hrtime.bigint() - w0) / 1e6).toFixed(0)} ms`);
    const prefetched: number[] = [];
    for (const a of fresh.splice(2 * PROBES, PROBES)) {
      const invite = { domain: a.domain, sourceIp: a.sourceIp, method: 'INVITE', requestUri: a.requestUri };
      const c = await space.request<{ proxyAuthenticate: string[] }>(authSubject(space.ns, 'authorize'), invite);
      const username = /username="([^"]+)"/.exec(a.authorization)![1];
      const index = Number(/^a(\d+)u/.exec(username)![1]);
      const authorization = answerChallenge(c.proxyAuthenticate[0], { username, password: user(index, index % PER_ACCOUNT).password, method: 'INVITE', uri: a.requestUri });
      prefetched.push((await latencies(space, [{ ...invite, authorization }]))[0]);
    }
    console.log(`  ${MODE}authorize first use after a challenge (prefetched), credentialed INVITE: ${fmt(prefetched)}`);
    const firstUse = await latencies(space, fresh.slice(0, PROBES));
    console.log(`  ${MODE}authorize first use, one at a time: ${fmt(firstUse)}`);
    const firstRate = await rate(space, fresh.slice(PROBES));
    const hotRequest = ack(1);
    await latencies(space, [hotRequest, hotRequest]);
    const hot = await latencies(space, Array.from({ length: PROBES * 2 }, () => hotRequest));
    const hotRate = await rate(space, Array.from({ length: 10_000 }, () => hotRequest));
    console.log(`  ${MODE}authorize first use (list loaded from KV): ${fmt(firstUse)}, ${firstRate.toFixed(0)} req/s (64 in flight)`);
    console.log(`  ${MODE}authorize hot credential:                   ${fmt(hot)}, ${hotRate.toFixed(0)} req/s (64 in flight)`);

    const queries: number[] = [];
    for (let i = 0; i < 200; i++) {
      const x = account((i * 7919) % ACCOUNTS);
      const q0 = process.hrtime.bigint();
      await space.request(querySubject(space.ns, 'trunk.get'), { accountId: x.accountId, trunkId: x.trunkId });
      queries.push(Number(process.hrtime.bigint() - q0) / 1e6);
    }
    console.log(`  ${MODE}config query trunk.get: ${fmt(queries)}`);

    const propagation: number[] = [];
    const trunkApplied: number[] = [];
    const stored: number[] = [];
    let propagationLost = 0;
    const target = account(3);
    const changes = new PropagationProbe(workers.map((w) => `http://127.0.0.1:${w.port}`), `http://127.0.0.1:${projection.httpPort}`);
    await changes.baseline();
    for (let i = 0; i < CHANGES; i++) {
      await pause(150, 250);
      const algorithms = i % 2 === 0 ? ['SHA-256', 'MD5'] : ['MD5', 'SHA-256'];
      await store.appendToStream(`trunk-${target.trunkId}`, [{
        id: randomUUID(), type: 'TrunkDigestAlgorithmsSet', data: { trunkId: target.trunkId, algorithms },
        metadata: { accountId: target.accountId, correlationId: randomUUID(), causationId: randomUUID(), schemaVersion: CURRENT_SCHEMA_VERSION },
      }], { expectedRevision: 'any' });
      await pause(150, 250);
      const measured = await changes.after(['position', 'trunk']);
      if (!measured) { propagationLost++; continue; }
      const position = Math.max(...measured.workers.map((w) => w.position));
      propagation.push(position);
      trunkApplied.push(Math.max(...measured.workers.map((w) => w.trunk)));
      if (measured.stored !== undefined) stored.push(measured.stored);
      const slowest = Math.max(position, measured.stored ?? 0);
      if (slowest > 50) console.log(`    change ${i + 1}: ${slowest.toFixed(0)} ms (projection-service acknowledged after ${measured.stored?.toFixed(0) ?? '?'} ms; workers ${measured.workers.map((w) => w.position.toFixed(0)).join(', ')} ms)`);
    }
    const fmtMax = (xs: number[]) => `${fmt(xs)}, max ${percentile(xs, 100).toFixed(2)} ms`;
    console.log(`  ${MODE}propagation (event recorded → every worker's position, the workers' histograms): ${fmtMax(propagation)} over ${propagation.length} changes` +
      `${propagationLost ? `, ${propagationLost} not measured (a worker's histogram did not grow by exactly one within 5 s)` : ''}`);
    console.log(`  ${MODE}propagation (event recorded → every worker applied the trunk document):         ${fmtMax(trunkApplied)}`);
    console.log(`  ${MODE}projection-service: event recorded → its writes acknowledged:                   ${fmtMax(stored)}`);

    const after = await Promise.all(workers.map(async (w) => ({ rss: rssOf(w), heap: await heapUsed(w) })));
    const rss = median(after.map((x) => x.rss));
    console.log(`  ${MODE}after probes: RSS ${after.map((x) => mb(x.rss)).join(', ')}; heap used ${after.map((x) => mb(x.heap)).join(', ')}; ` +
      `resident bytes per credential of the platform ${(median(loaded.map((x) => x.rss)) / CREDENTIALS).toFixed(1)} (ready), ${(rss / CREDENTIALS).toFixed(1)} (after probes)`);
    console.log(`  SUMMARY ${JSON.stringify({
      mode: DIRECT ? 'direct-kv' : 'real-path', credentials: CREDENTIALS, accounts: ACCOUNTS, appendEventsPerS: Math.round(appended.events / appended.seconds), catchUpEventsPerS: Math.round(appended.events / rebuild),
      rebuildS: +rebuild.toFixed(1), readyS: workers.map((w) => +w.readyAfter!.toFixed(2)), rssMB: after.map((x) => Math.round(x.rss / 1e6)), heapMB: after.map((x) => Math.round(x.heap / 1e6)),
      firstUseP50: +percentile(firstUse, 50).toFixed(2), firstUseP99: +percentile(firstUse, 99).toFixed(2), hotP50: +percentile(hot, 50).toFixed(2), hotP99: +percentile(hot, 99).toFixed(2),
      firstUseRate: Math.round(firstRate), hotRate: Math.round(hotRate), queryP99: +percentile(queries, 99).toFixed(2),
      propagationP50: +percentile(propagation, 50).toFixed(2), propagationP99: +percentile(propagation, 99).toFixed(2), propagationMax: +percentile(propagation, 100).toFixed(2),
      trunkAppliedP50: +percentile(trunkApplied, 50).toFixed(2), trunkAppliedP99: +percentile(trunkApplied, 99).toFixed(2), trunkAppliedMax: +percentile(trunkApplied, 100).toFixed(2),
    })}`);
    if (START_COMPARE > 0) {
      // One worker at a time, on the same data: from the eager copy, then (the copy deleted) from the bucket itself, as before issue 14.
      for (const w of workers.splice(0)) w.child.kill('SIGTERM');
      const readyOnce = async () => {
        const w = await startWorker(space.env);
        await waitReady(w);
        w.child.kill('SIGTERM');
        await new Promise((r) => w.child.once('exit', r));
        return w.readyAfter!;
      };
      const withCopy: number[] = [];
      for (let i = 0; i < START_COMPARE; i++) withCopy.push(await readyOnce());
      const jsm2 = await space.nc.jetstreamManager();
      await jsm2.streams.delete(`KV_${eagerBucketOf(readModelBucket(space.ns, 1))}`);
      const withoutCopy: number[] = [];
      for (let i = 0; i < START_COMPARE; i++) withoutCopy.push(await readyOnce());
      console.log(`  ${MODE}one worker ready, median of ${START_COMPARE}: from the eager copy ${median(withCopy).toFixed(2)} s (${withCopy.map((x) => x.toFixed(1)).join(', ')}); ` +
        `from the bucket by filters (no copy, as before) ${median(withoutCopy).toFixed(2)} s (${withoutCopy.map((x) => x.toFixed(1)).join(', ')}); ratio ${(median(withoutCopy) / median(withCopy)).toFixed(2)}`);
    }
    await store.close();
  } finally {
    for (const w of workers) w.child.kill('SIGTERM');
    await stopConfig?.().catch(() => undefined);
    await stopProjection?.().catch(() => undefined);
    await space.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
