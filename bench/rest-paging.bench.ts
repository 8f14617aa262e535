/**
 * List-query latency for a 1,000-credential list, whole vs paged (issue 11). The read model is written
 * straight into KV (bench/support/read-model.ts) and config-service answers from it, in-process, on a
 * fresh namespace. Side by side in the same run:
 *  - whole: `credential-list.get` (the list with all 1,000 credentials) over NATS, and GET of the list over REST;
 *  - paged: `credential.list` first page of 50 (the default) over NATS and REST, and the walk of all 20 pages.
 * Figures: p50/p99 per repeat, the median over the repeats, and the reply size.
 */
import { randomBytes } from 'node:crypto';
import { startConfigService } from '@sipauth/config-service/dist/bootstrap';
import { keys, querySubject } from '@sipauth/contracts';
import { BENCH_ACCOUNT, openBenchNamespace } from './support/namespace';
import { credentialChunkDocs, writeReadModel } from './support/read-model';
import { median, percentile } from './support/stats';

const REPEATS = 3;
const SAMPLES = 30;
const CREDENTIALS = 1_000;
const TOKEN = 'bench-token-0123456789abcdef';
const NOW = new Date().toISOString();
const id = (prefix: string) => `${prefix}${randomBytes(16).toString('hex')}`;

async function timeIt(run: () => Promise<number>): Promise<{ p50: number; p99: number; bytes: number }> {
  const latencies: number[] = [];
  let bytes = 0;
  for (let i = 0; i < SAMPLES; i++) {
    const t0 = process.hrtime.bigint();
    bytes = await run();
    latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), bytes };
}

async function main(): Promise<void> {
  const space = await openBenchNamespace('rest-paging-bench');
  const listId = id('CL');
  const stamp = { revision: 1, position: '1', updatedAt: NOW };
  const docs: Array<[string, object]> = [[keys.credentialList(BENCH_ACCOUNT, listId), {
    credentialListId: listId, accountId: BENCH_ACCOUNT, friendlyName: 'Bench', credentialCount: CREDENTIALS, assignedTrunkIds: [], createdAt: NOW, ...stamp,
  }]];
  docs.push(...credentialChunkDocs(BENCH_ACCOUNT, listId, Array.from({ length: CREDENTIALS }, (_, i) => [id('CR'), {
    username: `user${i}`, realm: 'sipauth.bench',
    ha1: { 'MD5': 'v1.k1.sealed', 'SHA-256': 'v1.k1.sealed', 'SHA-512-256': 'v1.k1.sealed' }, createdAt: NOW, ...stamp,
  }]), stamp));
  await writeReadModel(space.nc, space.ns, docs, '1');
  const service = await startConfigService({ ...space.env, CONFIG_HTTP_PORT: '0', CONFIG_API_TOKENS: `bench:${TOKEN}=*` }, { logger: false });
  const nats = async (query: 'credential-list.get' | 'credential.list', body: object): Promise<number> => {
    const msg = await space.nc.request(querySubject(space.ns, query), JSON.stringify({ accountId: BENCH_ACCOUNT, ...body }), { timeout: 10_000 });
    if (!msg.json<{ ok: boolean }>().ok) throw new Error(`${query} failed`);
    return msg.data.length;
  };
  const rest = async (path: string): Promise<{ bytes: number; next?: string }> => {
    const res = await fetch(`${service.httpUrl}${path}`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status}`);
    return { bytes: Buffer.byteLength(text), next: /^<([^>]+)>/.exec(res.headers.get('link') ?? '')?.[1] };
  };
  const base = `/v1/accounts/${BENCH_ACCOUNT}/credential-lists/${listId}`;
  const cases: Array<[string, () => Promise<number>]> = [
    ['NATS credential-list.get (whole, 1,000 credentials)', () => nats('credential-list.get', { credentialListId: listId })],
    ['NATS credential.list first page (pageSize 50)', () => nats('credential.list', { credentialListId: listId })],
    ['NATS credential.list pageSize 1000 (one page)', () => nats('credential.list', { credentialListId: listId, pageSize: 1000 })],
    ['REST GET list (whole)', async () => (await rest(base)).bytes],
    ['REST GET credentials first page (pageSize 50)', async () => (await rest(`${base}/credentials`)).bytes],
    ['REST walk of all pages of 50 (Link)', async () => {
      let bytes = 0;
      for (let next: string | undefined = `${base}/credentials`; next;) {
        const page = await rest(next);
        bytes += page.bytes;
        next = page.next;
      }
      return bytes;
    }],
  ];
  try {
    for (const [, run] of cases) for (let i = 0; i < 3; i++) await run(); // warm-up
    const results = new Map<string, { p50: number[]; p99: number[]; bytes: number }>();
    for (let r = 0; r < REPEATS; r++) {
      for (const [name, run] of cases) {
        const t = await timeIt(run);
        const entry = results.get(name) ?? { p50: [], p99: [], bytes: t.bytes };
        entry.p50.push(t.p50);
        entry.p99.push(t.p99);
        results.set(name, entry);
      }
    }
    console.log(`list-query latency, a list of ${CREDENTIALS} credentials, ${SAMPLES} requests per case, median of ${REPEATS} repeats`);
    const whole = median(results.get(cases[0][0])!.p50);
    for (const [name, { p50, p99, bytes }] of results) {
      const ratio = median(p50) / whole;
      console.log(`  ${name.padEnd(52)} p50 ${median(p50).toFixed(2).padStart(6)} ms  p99 ${median(p99).toFixed(2).padStart(6)} ms  ${(bytes / 1024).toFixed(1).padStart(6)} kB  (p50 ${ratio.toFixed(2)}× whole over NATS)`);
    }
  } finally {
    await service.close();
    await space.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
