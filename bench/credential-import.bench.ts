/**
 * Bulk import end to end (issue 14, target ≥ 20,000 credentials/s): `credential.import` chunks of 999
 * (a new list holds its first credential, so 999 fill it) sent over NATS to config-service, a few
 * lists at a time, until every worker has applied the last import's position (each worker's own
 * position, and `auth.status`), i.e. until every worker decides with every imported credential. Whole
 * stack in this process (config-service, projection-service, two workers) on the shared NATS server.
 * One credential of the last list is then verified with a digest answer, so the figure is of
 * credentials that really authenticate. Printed per repeat and as the median: credentials/s, events/s,
 * the share of the time spent until the last reply (command side) and after it (projection + workers).
 */
import { authSubject } from '@sipauth/contracts';
import { answerChallenge } from './support/digest';
import { until } from './support/namespace';
import { startStack, type Stack } from './support/stack';
import { median } from './support/stats';

const LISTS = 20;
const CHUNK = 999;
const IN_FLIGHT = 4;
const REPEATS = Number(process.env.BENCH_REPEATS ?? 5);
const WORKERS = 2;
/** Credentials per CredentialsImported event (MAX_CREDENTIALS_PER_IMPORTED_EVENT of the domain). */
const PER_EVENT = 250;
const password = (list: number, i: number) => `Bench-Import-${list}-${i}-Pw`;

interface Round { credentials: number; events: number; seconds: number; repliedAt: number; projectedAt: number }

async function round(stack: Stack, tag: string): Promise<Round> {
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
  await until(() => BigInt(stack.projection.runner.position ?? '0') >= last, 'the projection at the last import');
  const projectedAt = Number(process.hrtime.bigint() - t0) / 1e9;
  await until(() => stack.workers.every((w) => BigInt(w.status().position) >= last), 'every worker at the last import');
  const status = await stack.request<{ position: string }>(authSubject(stack.ns, 'status'), {});
  if (BigInt(status.position) < last) throw new Error(`auth.status at ${status.position}, below ${last}`);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return { credentials: LISTS * CHUNK, events: LISTS * Math.ceil(CHUNK / PER_EVENT), seconds, repliedAt, projectedAt };
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
async function kvPutsPerSecond(stack: Stack): Promise<number> {
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

async function main(): Promise<void> {
  const stack = await startStack('credential-import-bench', WORKERS);
  try {
    await until(() => stack.workers.every((w) => w.status().ready), 'workers ready');
    console.log(`credential.import over NATS, ${LISTS} lists × ${CHUNK} credentials per repeat (chunk ${CHUNK} = ${Math.ceil(CHUNK / PER_EVENT)} events in one append, ` +
      `${IN_FLIGHT} chunks in flight), until ${WORKERS} workers have applied them; median of ${REPEATS}`);
    await round(stack, 'warm');
    const rounds: Round[] = [];
    const ceilings: number[] = [];
    for (let r = 0; r < REPEATS; r++) {
      const x = await round(stack, `r${r}`);
      rounds.push(x);
      ceilings.push(await kvPutsPerSecond(stack));
      console.log(`  repeat ${r + 1}: ${(x.credentials / x.seconds).toFixed(0)} credentials/s, ${(x.events / x.seconds).toFixed(0)} events/s ` +
        `(${x.credentials} in ${x.seconds.toFixed(2)} s; last reply at ${x.repliedAt.toFixed(2)} s, projected at ${x.projectedAt.toFixed(2)} s)`);
    }
    await verifyOne(stack, 'chk');
    const m = (pick: (x: Round) => number) => median(rounds.map(pick));
    console.log(`  median: ${m((x) => x.credentials / x.seconds).toFixed(0)} credentials/s, ${m((x) => x.events / x.seconds).toFixed(0)} events/s, chunk ${CHUNK}; ` +
      `commands done at ${(100 * m((x) => x.repliedAt / x.seconds)).toFixed(0)}% of the time (the rest: projection + workers). Target ≥ 20,000 credentials/s. ` +
      'An imported credential verified with a digest answer: yes');
    console.log(`  ceiling, side by side: plain NATS KV puts (600 B, 128 in flight) ${median(ceilings).toFixed(0)}/s — one KV document per credential`);
  } finally {
    await stack.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
