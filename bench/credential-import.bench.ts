/**
 * Bulk import end to end (issue 14, target ≥ 20,000 credentials/s): `credential.import` chunks of 999
 * (a new list holds its first credential, so 999 fill it) sent over NATS to config-service, a few
 * lists at a time, until every worker has applied the last import's position (each worker's own
 * position, and `auth.status`), i.e. until every worker decides with every imported credential.
 * Two setups side by side on the shared NATS server: the whole stack in this process (one thread for
 * config-service, projection-service and two workers), and the services as separate processes (as
 * deployed). In process, one imported credential is then verified with a digest answer, so the figure
 * is of credentials that really authenticate. Printed per repeat and as the median: credentials/s,
 * events/s, and when the last command was answered (the rest is projection + workers).
 *
 * Then the projection's catch-up from zero (what a rebuild or a first start at scale costs): events
 * appended straight through the event-store port, projection-service started on the empty read model,
 * timed until it has applied the last one; events/s and KV writes/s (the bucket's messages). Two
 * shapes: the scale benchmark's (per account a list of 10 imported credentials, an ACL of one range and
 * a trunk with both assigned: 9 events) and whole lists of 1,000 imported (4 events each). KV writes
 * are the generation bucket's messages (its eager copy not counted). Sizes: BENCH_CATCH_UP_ACCOUNTS,
 * BENCH_CATCH_UP_LISTS, BENCH_CATCH_UP_REPEATS; BENCH_IMPORT_LISTS sizes the import part (default 20 lists of 999); BENCH_CATCH_UP_ONLY=1 runs this part alone;
 * BENCH_PROJECTION_LOG_LEVEL=info shows the projection's log (lease losses) while it catches up.
 *
 * Where the CPU goes: each repeat also reads the CPU time (user + system, /proc ticks of 10 ms) of
 * every process the import costs — this one, each service process (as processes) and the NATS server —
 * and prints the medians in µs per imported credential (2 cores at 20,000 credentials/s leave 100 µs
 * for all of them), with the read-model bucket's KV writes per list. BENCH_SETUPS=in-process or
 * =processes runs one setup; BENCH_CATCH_UP=0 skips the catch-up part.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { authSubject, CREDENTIAL_CHUNKS, readModelBucket } from '@sipauth/contracts';
import { CURRENT_SCHEMA_VERSION, ID_PREFIXES } from '@sipauth/domain';
import { createEventStore, type EventData, type EventStore } from '@sipauth/event-store';
import { computeHa1s, ha1SealingContext, sealHa1s, SealingKeyring } from '@sipauth/sip-digest';
import { startProjectionService } from '@sipauth/projection-service/dist/bootstrap';
import { answerChallenge } from './support/digest';
import { openBenchNamespace, until } from './support/namespace';
import { startProcessStack } from './support/processes';
import { startStack, type Stack } from './support/stack';
import type { BenchNamespace } from './support/namespace';
import { median } from './support/stats';

/** Lists of 999 per repeat (BENCH_IMPORT_LISTS): 20 by default; 500 for a sustained half-million import. */
const LISTS = Number(process.env.BENCH_IMPORT_LISTS ?? 20);
const CHUNK = 999;
const IN_FLIGHT = 4;
const REPEATS = Number(process.env.BENCH_REPEATS ?? 5);
const CATCH_UP_REPEATS = Number(process.env.BENCH_CATCH_UP_REPEATS ?? 3);
/** Accounts of the scale shape per catch-up run (9 events, 10 credentials each). */
const CATCH_UP_ACCOUNTS = Number(process.env.BENCH_CATCH_UP_ACCOUNTS ?? 2_000);
/** Lists of 1,000 imported credentials per catch-up run of the import shape. */
const CATCH_UP_LISTS = Number(process.env.BENCH_CATCH_UP_LISTS ?? 30);
const WORKERS = 2;
/** Credentials per CredentialsImported event (MAX_CREDENTIALS_PER_IMPORTED_EVENT of the domain). */
const PER_EVENT = 250;
const password = (list: number, i: number) => `Bench-Import-${list}-${i}-Pw`;

interface Round { credentials: number; events: number; seconds: number; repliedAt: number; cpu: Map<string, number>; kvWrites: number }
/** Where the imports go, and how to read every worker's applied position. */
interface Target { space: BenchNamespace; workerPositions(): Promise<bigint[]> }

const TICKS_PER_SECOND = 100;

/** utime + stime of a process, in µs (clock ticks of /proc/<pid>/stat); undefined once it is gone. */
function cpuMicrosOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1e6) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/**
 * The processes whose CPU an import costs: this one, its child services (by the service their
 * `dist/main.js` names, workers numbered) and the NATS server (found by its command name).
 */
function costedProcesses(): Map<string, number> {
  const found = new Map<string, number>([['bench process', process.pid]]);
  let workers = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (comm === 'nats-server') found.set('nats-server', Number(entry));
      else if (ppid === process.pid) {
        const service = /services\/([^/]+)\/dist\/main\.js/.exec(readFileSync(`/proc/${entry}/cmdline`, 'utf8'))?.[1];
        if (service) found.set(service === 'sip-auth-worker' ? `worker ${++workers}` : service, Number(entry));
      }
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

function cpuSnapshot(processes: Map<string, number>): Map<string, number> {
  return new Map([...processes].map(([name, pid]) => [name, cpuMicrosOf(pid) ?? 0]));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function round({ space: stack, workerPositions }: Target, tag: string): Promise<Round> {
  const lists: string[] = [];
  for (let l = 0; l < LISTS; l++) {
    lists.push((await stack.command<{ credentialListId: string }>('credential-list.create', { friendlyName: `${tag} ${l}`, username: `${tag}seed${l}`, password: password(l, -1) })).credentialListId);
  }
  const bodies = lists.map((credentialListId, l) => ({
    credentialListId, realm: stack.env.SIPAUTH_REALM, requestId: `${tag}-${l}`,
    credentials: Array.from({ length: CHUNK }, (_, i) => ({ username: `${tag}l${l}u${i}`, password: password(l, i) })),
  }));
  let last = 0n;
  const processes = costedProcesses();
  const kvWrites0 = await bucketMessages(stack);
  const cpu0 = cpuSnapshot(processes);
  const t0 = process.hrtime.bigint();
  let next = 0;
  await Promise.all(Array.from({ length: IN_FLIGHT }, async () => {
    while (next < bodies.length) {
      const { position } = await stack.command('credential.import', bodies[next++]);
      if (BigInt(position) > last) last = BigInt(position);
    }
  }));
  const repliedAt = Number(process.hrtime.bigint() - t0) / 1e9;
  for (let polls = 0; !(await workerPositions()).every((p) => p >= last); polls++) {
    if (polls > 12_000) throw new Error('the workers did not reach the last import in 60 s');
    await sleep(5);
  }
  const status = await stack.request<{ position: string }>(authSubject(stack.ns, 'status'), {});
  if (BigInt(status.position) < last) throw new Error(`auth.status at ${status.position}, below ${last}`);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu1 = cpuSnapshot(processes);
  const cpu = new Map([...cpu1].map(([name, micros]) => [name, (micros - (cpu0.get(name) ?? 0)) / (LISTS * CHUNK)]));
  const kvWrites = (await bucketMessages(stack)) - kvWrites0;
  return { credentials: LISTS * CHUNK, events: LISTS * Math.ceil(CHUNK / PER_EVENT), seconds, repliedAt, cpu, kvWrites };
}

/** Messages written so far into the namespace's first read-model generation (its eager copy not counted). */
async function bucketMessages(space: BenchNamespace): Promise<number> {
  const info = await (await space.nc.jetstreamManager()).streams.info(`KV_${readModelBucket(space.ns, 1)}`);
  return info.state.last_seq;
}

/** A digest answer as one imported credential, allowed by the workers: the imported credentials really work. */
async function verifyOne(stack: Stack, tag: string): Promise<void> {
  const domainName = `import-bench-${tag}.example.net`;
  const { credentialListId } = await stack.command<{ credentialListId: string }>('credential-list.create', { friendlyName: 'check', username: `${tag}seed`, password: password(0, -1) });
  await stack.command('credential.import', { credentialListId, realm: stack.env.SIPAUTH_REALM, credentials: [{ username: `${tag}check`, password: password(0, 7) }] });
  const { trunkId } = await stack.command<{ trunkId: string }>('trunk.create', { friendlyName: 'check', domainName });
  const { position } = await stack.command('trunk.assign', { trunkId, listKind: 'credentialList', listId: credentialListId });
  await until(() => stack.workers.every((w) => BigInt(w.status().position) >= BigInt(position)));
  const invite = { domain: domainName, sourceIp: '198.51.100.7', method: 'INVITE', requestUri: `sip:+1555@${domainName}` };
  const challenge = await stack.request<{ proxyAuthenticate: string[] }>(authSubject(stack.ns, 'authorize'), invite);
  const authorization = answerChallenge(challenge.proxyAuthenticate[0], { username: `${tag}check`, password: password(0, 7), method: 'INVITE', uri: invite.requestUri });
  const decision = await stack.request<{ decision: string }>(authSubject(stack.ns, 'authorize'), { ...invite, authorization });
  if (decision.decision !== 'allow') throw new Error(`an imported credential was not allowed: ${JSON.stringify(decision)}`);
}

/**
 * Plain KV puts/s into a scratch bucket of the namespace, 128 in flight, measured next to the import:
 * the server's put rate on this machine at this moment. Credentials are written as chunk documents
 * (CREDENTIAL_CHUNKS per list, puts coalesced across events), so the import is no longer bounded by one
 * put per credential.
 */
async function kvPutsPerSecond(stack: BenchNamespace): Promise<number> {
  const kv = await stack.nc.jetstream().views.kv(`${stack.ns}_scratch`, { history: 1 });
  const value = new Uint8Array(600);
  const total = 5000;
  let next = 0;
  const t0 = process.hrtime.bigint();
  await Promise.all(Array.from({ length: 128 }, async () => {
    while (next < total) await kv.put(`k.${next++}`, value);
  }));
  const rate = total / (Number(process.hrtime.bigint() - t0) / 1e9);
  // Not one of the namespace's own streams (isNamespaceStream), so its close() would leave it behind.
  await kv.destroy();
  return rate;
}

async function measure(setup: string, target: Target, ceilings: number[]): Promise<void> {
  await round(target, `${setup}-warm`);
  const rounds: Round[] = [];
  for (let r = 0; r < REPEATS; r++) {
    const x = await round(target, `${setup}-${r}`);
    rounds.push(x);
    ceilings.push(await kvPutsPerSecond(target.space));
    console.log(`    repeat ${r + 1}: ${(x.credentials / x.seconds).toFixed(0)} credentials/s, ${(x.events / x.seconds).toFixed(0)} events/s ` +
      `(${x.credentials} in ${x.seconds.toFixed(2)} s; last reply at ${x.repliedAt.toFixed(2)} s)`);
  }
  const m = (pick: (x: Round) => number) => median(rounds.map(pick));
  const names = [...rounds[0].cpu.keys()];
  const total = m((x) => [...x.cpu.values()].reduce((a, b) => a + b, 0));
  console.log(`  ${setup}: CPU µs per credential (medians, /proc ticks of 10 ms): ${names.map((n) => `${n} ${m((x) => x.cpu.get(n) ?? 0).toFixed(1)}`).join(', ')}; ` +
    `all ${total.toFixed(1)} (budget on 2 cores at 20,000/s: 100); KV writes per list of ${CHUNK} (${CREDENTIAL_CHUNKS} chunks + list): median ${m((x) => x.kvWrites / LISTS).toFixed(1)}`);
  console.log(`  ${setup}: median ${m((x) => x.credentials / x.seconds).toFixed(0)} credentials/s, ${m((x) => x.events / x.seconds).toFixed(0)} events/s, chunk ${CHUNK}; ` +
    `commands answered at ${(100 * m((x) => x.repliedAt / x.seconds)).toFixed(0)}% of the time (the rest: projection + workers); target ≥ 20,000 credentials/s`);
}

const hex = (...parts: (string | number)[]) => createHash('md5').update(parts.join('.')).digest('hex');

/** The streams of one account as config-service would have written them: `credentials` imported into its list, an ACL, a trunk. */
function accountStreams(a: number, credentials: number, realm: string, keyring: SealingKeyring, small: boolean): [string, EventData[]][] {
  const accountId = `AC${hex('acct', a)}`;
  const listId = `${ID_PREFIXES.credentialList}${hex('l', a)}`;
  const trunkId = `${ID_PREFIXES.trunk}${hex('t', a)}`;
  const aclId = `${ID_PREFIXES.ipAccessControlList}${hex('a', a)}`;
  const createdAt = '2026-01-01T00:00:00.000Z';
  const metadata = { accountId, correlationId: randomUUID(), causationId: randomUUID(), schemaVersion: CURRENT_SCHEMA_VERSION, actor: 'import-bench' };
  const ev = (type: string, data: object): EventData => ({ id: randomUUID(), type, data, metadata });
  const lines = Array.from({ length: credentials }, (_, c) => {
    const credentialId = `${ID_PREFIXES.credential}${hex('c', a, c)}`;
    const username = `a${a}u${c}`;
    return { credentialId, username, ha1: sealHa1s(keyring, computeHa1s(username, realm, `Pw-${a}-${c}-catch-up`), ha1SealingContext(listId, credentialId)) };
  });
  const imports: EventData[] = [];
  for (let i = 0; i < lines.length; i += PER_EVENT) imports.push(ev('CredentialsImported', { credentialListId: listId, realm, createdAt, credentials: lines.slice(i, i + PER_EVENT) }));
  const list: [string, EventData[]] = [`credentialList-${listId}`, [ev('CredentialListCreated', { credentialListId: listId, accountId, friendlyName: `List ${a}`, createdAt }), ...imports]];
  if (!small) return [list];
  list[1].push(ev('TrunkAssigned', { trunkId, listKind: 'credentialList', listId }));
  return [list,
    [`ipAcl-${aclId}`, [
      ev('IpAccessControlListCreated', { ipAccessControlListId: aclId, accountId, friendlyName: `ACL ${a}`, createdAt }),
      ev('IpAddressAdded', { ipAccessControlListId: aclId, ipAddressId: `${ID_PREFIXES.ipAddress}${hex('ip', a)}`, friendlyName: 'office', ipAddress: `10.${(a >> 8) & 255}.${a & 255}.0`, cidrPrefixLength: 24, createdAt }),
      ev('TrunkAssigned', { trunkId, listKind: 'ipAccessControlList', listId: aclId }),
    ]],
    [`trunk-${trunkId}`, [
      ev('TrunkCreated', { trunkId, accountId, friendlyName: `Trunk ${a}`, domainName: `t${a}.catch-up.example.net`, createdAt }),
      ev('TrunkAssigned', { trunkId, listKind: 'credentialList', listId }),
      ev('TrunkAssigned', { trunkId, listKind: 'ipAccessControlList', listId: aclId }),
    ]],
  ];
}

async function appendAccounts(store: EventStore, accounts: number, credentials: number, realm: string, keyring: SealingKeyring, small: boolean): Promise<{ events: number; last: bigint }> {
  let next = 0;
  let events = 0;
  let last = 0n;
  await Promise.all(Array.from({ length: 16 }, async () => {
    while (next < accounts) {
      for (const [stream, list] of accountStreams(next++, credentials, realm, keyring, small)) {
        const { position } = await store.appendToStream(stream, list, { expectedRevision: 'no_stream' });
        events += list.length;
        if (BigInt(position) > last) last = BigInt(position);
      }
    }
  }));
  return { events, last };
}

interface CatchUp { events: number; writes: number; seconds: number }

/** Appends one shape into a fresh namespace, then times projection-service catching up from zero. */
async function catchUpOnce(small: boolean): Promise<CatchUp> {
  const space = await openBenchNamespace('credential-import-bench-catch-up');
  try {
    const store = await createEventStore(space.nc, { namespace: space.ns });
    const keyring = SealingKeyring.fromConfig(space.env.SIPAUTH_SEALING_KEYS);
    const { events, last } = small
      ? await appendAccounts(store, CATCH_UP_ACCOUNTS, 10, space.env.SIPAUTH_REALM, keyring, true)
      : await appendAccounts(store, CATCH_UP_LISTS, 1_000, space.env.SIPAUTH_REALM, keyring, false);
    await store.close();
    const t0 = process.hrtime.bigint();
    const projection = await startProjectionService({ ...space.env, PROJECTION_HTTP_PORT: '0', LOG_LEVEL: process.env.BENCH_PROJECTION_LOG_LEVEL ?? 'error' });
    try {
      while (BigInt(projection.runner.position ?? '0') < last) await sleep(20);
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      const info = await (await space.nc.jetstreamManager()).streams.info(`KV_${readModelBucket(space.ns, 1)}`);
      return { events, writes: info.state.last_seq, seconds };
    } finally {
      await projection.close();
    }
  } finally {
    await space.close();
  }
}

async function measureCatchUp(small: boolean): Promise<void> {
  const shape = small ? `scale shape, ${CATCH_UP_ACCOUNTS} accounts × (10 credentials, 9 events)` : `import shape, ${CATCH_UP_LISTS} lists × 1,000 credentials (4 events each)`;
  const runs: CatchUp[] = [];
  for (let r = 0; r < CATCH_UP_REPEATS; r++) {
    const x = await catchUpOnce(small);
    runs.push(x);
    console.log(`    repeat ${r + 1}: ${(x.events / x.seconds).toFixed(0)} events/s, ${(x.writes / x.seconds).toFixed(0)} KV writes/s (${x.events} events, ${x.writes} writes in ${x.seconds.toFixed(2)} s)`);
  }
  const rates = (pick: (x: CatchUp) => number) => runs.map((x) => pick(x) / x.seconds);
  const range = (xs: number[]) => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}`;
  const ev = rates((x) => x.events);
  const kv = rates((x) => x.writes);
  console.log(`  catch-up from zero, ${shape}: median ${median(ev).toFixed(0)} events/s (${range(ev)}), ${median(kv).toFixed(0)} KV writes/s (${range(kv)})`);
}

async function main(): Promise<void> {
  if (process.env.BENCH_CATCH_UP_ONLY !== undefined) {
    await measureCatchUp(true);
    await measureCatchUp(false);
    return;
  }
  console.log(`credential.import over NATS, ${LISTS} lists × ${CHUNK} credentials per repeat (chunk ${CHUNK} = ${Math.ceil(CHUNK / PER_EVENT)} events in one append, ` +
    `${IN_FLIGHT} chunks in flight), until ${WORKERS} workers have applied them; median of ${REPEATS}`);
  const ceilings: number[] = [];
  const setups = (process.env.BENCH_SETUPS ?? 'in-process,processes').split(',');
  if (setups.includes('in-process')) {
    const stack = await startStack('credential-import-bench', WORKERS);
    try {
      await until(() => stack.workers.every((w) => w.status().ready), 'workers ready');
      await measure('in-process', { space: stack, workerPositions: async () => stack.workers.map((w) => BigInt(w.status().position)) }, ceilings);
      await verifyOne(stack, 'chk');
      console.log('    an imported credential verified with a digest answer: yes');
    } finally {
      await stack.close();
    }
  }
  if (setups.includes('processes')) {
    const processes = await startProcessStack('credential-import-bench-processes', WORKERS);
    try {
      await measure('processes', { space: processes, workerPositions: () => processes.workerPositions() }, ceilings);
    } finally {
      await processes.close();
    }
  }
  console.log(`  side by side: plain NATS KV puts (600 B, 128 in flight) ${median(ceilings).toFixed(0)}/s (the old layout's ceiling: one KV document per credential)`);
  if (process.env.BENCH_CATCH_UP === '0') return;
  console.log(`projection catch-up from zero, events appended through the port first; median of ${CATCH_UP_REPEATS}`);
  await measureCatchUp(true);
  await measureCatchUp(false);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
