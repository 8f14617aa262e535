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
 */
import { authSubject } from '@sipauth/contracts';
import { answerChallenge } from './support/digest';
import { until } from './support/namespace';
import { startProcessStack } from './support/processes';
import { startStack, type Stack } from './support/stack';
import type { BenchNamespace } from './support/namespace';
import { median } from './support/stats';

const LISTS = 20;
const CHUNK = 999;
const IN_FLIGHT = 4;
const REPEATS = Number(process.env.BENCH_REPEATS ?? 5);
const WORKERS = 2;
/** Credentials per CredentialsImported event (MAX_CREDENTIALS_PER_IMPORTED_EVENT of the domain). */
const PER_EVENT = 250;
const password = (list: number, i: number) => `Bench-Import-${list}-${i}-Pw`;

interface Round { credentials: number; events: number; seconds: number; repliedAt: number }
/** Where the imports go, and how to read every worker's applied position. */
interface Target { space: BenchNamespace; workerPositions(): Promise<bigint[]> }

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
  return { credentials: LISTS * CHUNK, events: LISTS * Math.ceil(CHUNK / PER_EVENT), seconds, repliedAt };
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
 * The ceiling: plain KV puts/s into a scratch bucket of the namespace, 128 in flight, measured next to
 * the import. The projection writes one document per credential (what the worker reads), so an import
 * cannot go faster than this.
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
  return total / (Number(process.hrtime.bigint() - t0) / 1e9);
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
  console.log(`  ${setup}: median ${m((x) => x.credentials / x.seconds).toFixed(0)} credentials/s, ${m((x) => x.events / x.seconds).toFixed(0)} events/s, chunk ${CHUNK}; ` +
    `commands answered at ${(100 * m((x) => x.repliedAt / x.seconds)).toFixed(0)}% of the time (the rest: projection + workers); target ≥ 20,000 credentials/s`);
}

async function main(): Promise<void> {
  console.log(`credential.import over NATS, ${LISTS} lists × ${CHUNK} credentials per repeat (chunk ${CHUNK} = ${Math.ceil(CHUNK / PER_EVENT)} events in one append, ` +
    `${IN_FLIGHT} chunks in flight), until ${WORKERS} workers have applied them; median of ${REPEATS}`);
  const ceilings: number[] = [];
  const stack = await startStack('credential-import-bench', WORKERS);
  try {
    await until(() => stack.workers.every((w) => w.status().ready), 'workers ready');
    await measure('in-process', { space: stack, workerPositions: async () => stack.workers.map((w) => BigInt(w.status().position)) }, ceilings);
    await verifyOne(stack, 'chk');
    console.log('    an imported credential verified with a digest answer: yes');
  } finally {
    await stack.close();
  }
  const processes = await startProcessStack('credential-import-bench-processes', WORKERS);
  try {
    await measure('processes', { space: processes, workerPositions: () => processes.workerPositions() }, ceilings);
  } finally {
    await processes.close();
  }
  console.log(`  ceiling, side by side: plain NATS KV puts (600 B, 128 in flight) ${median(ceilings).toFixed(0)}/s — one KV document per credential`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
