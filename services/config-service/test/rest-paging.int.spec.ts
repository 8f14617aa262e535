/**
 * Paging proof (issue 11): 1,200 credential lists and 2,500 credentials (lists of at most 1,000) are
 * walked page by page, over NATS and over REST (following `Link: rel="next"`), while documents are
 * added and removed. Every item present throughout is listed exactly once, nothing twice, nothing
 * unknown. The read model is written straight into KV (as projection-service would leave it): the test
 * is about query paging, and 3,700 commands would only make it slow.
 */
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import type { KV } from 'nats';
import { credentialChunkOf, keys, readModelBucket, type ChunkedCredential, type CredentialChunkDoc, type CredentialListDoc, type Reply } from '@sipauth/contracts';
import { writeReadModel } from '../../../bench/support/read-model';
import { TOKEN_ALL, useConfigService } from './config-service.harness';

const ACCOUNT = 'pager';
const NOW = '2026-01-01T00:00:00.000Z';
const id = (prefix: string) => `${prefix}${randomBytes(16).toString('hex')}`;
const stamp = { revision: 1, position: '1', updatedAt: NOW };
/** Most additions during one walk: keeps the 500-credential list (less 50 removed) under a page of 1,000. */
const MAX_CHURN = 400;
const listDoc = (credentialListId: string, credentialCount = 0): CredentialListDoc =>
  ({ credentialListId, accountId: ACCOUNT, friendlyName: 'Paged', credentialCount, assignedTrunkIds: [], createdAt: NOW, ...stamp });
const credentialEntry = (credentialId: string): ChunkedCredential => ({
  username: `u${credentialId.slice(2, 12)}`, realm: 'sipauth.test',
  ha1: { 'MD5': 'v1.k1.x.y.z', 'SHA-256': 'v1.k1.x.y.z', 'SHA-512-256': 'v1.k1.x.y.z' }, createdAt: NOW, ...stamp,
});

/** A list's credential chunks as projection-service keeps them, edited one credential at a time. */
class ListChunks {
  readonly docs = new Map<string, CredentialChunkDoc>();
  constructor(private readonly listId: string, ids: string[]) {
    for (const c of ids) this.edit(c, true);
  }

  /** Adds or removes one credential; returns its chunk's key and new document. */
  edit(credentialId: string, present: boolean): [string, CredentialChunkDoc] {
    const chunk = credentialChunkOf(credentialId);
    const key = keys.credentialChunk(ACCOUNT, this.listId, chunk);
    const { [credentialId]: _old, ...credentials } = this.docs.get(key)?.credentials ?? {};
    const doc: CredentialChunkDoc = { credentialListId: this.listId, accountId: ACCOUNT, chunk, credentials: present ? { ...credentials, [credentialId]: credentialEntry(credentialId) } : credentials, ...stamp };
    this.docs.set(key, doc);
    return [key, doc];
  }
}

describe('paging of list queries while writes happen', () => {
  const { harness: h } = useConfigService();
  const stableLists = Array.from({ length: 1_100 }, () => id('CL'));
  const churnLists = Array.from({ length: 100 }, () => id('CL'));
  const memberLists = [stableLists[0], stableLists[1], stableLists[2]];
  const sizes = [1_000, 1_000, 500];
  const credentials = memberLists.map((listId, i) => Array.from({ length: sizes[i] }, () => id('CR')));
  const chunks = memberLists.map((listId, i) => new ListChunks(listId, credentials[i]));
  let kv: KV;

  beforeAll(async () => {
    const docs: Array<[string, object]> = [
      ...[...stableLists, ...churnLists].map((l, i): [string, object] => [keys.credentialList(ACCOUNT, l), listDoc(l, memberLists.indexOf(l) >= 0 ? sizes[i] : 0)]),
      ...chunks.flatMap((list) => [...list.docs]),
    ];
    await writeReadModel(h.nc, h.namespace, docs, '1');
    kv = await h.nc.jetstream().views.kv(readModelBucket(h.namespace, 1), { bindOnly: true });
  }, 120_000);

  /**
   * Adds and removes documents until `stop` is set, at most MAX_CHURN times: the writes that happen
   * during a walk. Bounded because a slow (loaded) walk would otherwise grow the 500-credential list
   * past 1,000, and the last test rightly gets a nextPageToken for a page of 1,000 then.
   */
  async function churn(addKey: () => [string, object], removable: string[], stop: { done: boolean }): Promise<number> {
    let writes = 0;
    while (!stop.done && writes < MAX_CHURN) {
      const [key, doc] = addKey();
      await kv.put(key, JSON.stringify(doc));
      const victim = removable.pop();
      if (victim) await kv.delete(victim);
      writes++;
    }
    return writes;
  }

  /** {@link churn} for a list's credentials: each addition and removal rewrites the credential's chunk. */
  async function churnCredentials(list: ListChunks, added: string[], removable: string[], stop: { done: boolean }): Promise<number> {
    let writes = 0;
    while (!stop.done && writes < MAX_CHURN) {
      const c = id('CR');
      added.push(c);
      await kv.put(...json(list.edit(c, true)));
      const victim = removable.pop();
      if (victim) await kv.put(...json(list.edit(victim, false)));
      writes++;
    }
    return writes;
  }
  const json = ([key, doc]: [string, object]): [string, string] => [key, JSON.stringify(doc)];

  /** Walks every page, with `fetchPage(token)` returning the page's ids and next token. */
  async function walk(fetchPage: (token?: string) => Promise<{ ids: string[]; next?: string }>): Promise<string[]> {
    const seen: string[] = [];
    let token: string | undefined;
    for (let pages = 0; ; pages++) {
      if (pages > 5_000) throw new Error('the walk does not end');
      const { ids, next } = await fetchPage(token);
      seen.push(...ids);
      if (!next) return seen;
      token = next;
    }
  }

  function expectExactlyOnce(seen: string[], stable: string[], allowed: Set<string>): void {
    expect(seen.length - new Set(seen).size).toBe(0);
    const seenSet = new Set(seen);
    expect(stable.filter((x) => !seenSet.has(x))).toEqual([]);
    expect(seen.filter((x) => !allowed.has(x))).toEqual([]);
  }

  it('lists 1,200 credential lists over NATS page by page, each stable list exactly once, while lists come and go', async () => {
    const added: string[] = [];
    const stop = { done: false };
    const writing = churn(() => { const l = id('CL'); added.push(l); return [keys.credentialList(ACCOUNT, l), listDoc(l)]; },
      churnLists.map((l) => keys.credentialList(ACCOUNT, l)), stop);
    const seen = await walk(async (pageToken) => {
      const reply = await h.query<{ credentialLists: Array<{ credentialListId: string }>; nextPageToken?: string }>('credential-list.list', { accountId: ACCOUNT, pageSize: 37, ...(pageToken ? { pageToken } : {}) });
      if (!reply.ok) throw new Error(JSON.stringify(reply.error));
      expect(reply.data.credentialLists.length).toBeLessThanOrEqual(37);
      return { ids: reply.data.credentialLists.map((l) => l.credentialListId), next: reply.data.nextPageToken };
    });
    stop.done = true;
    expect(await writing).toBeGreaterThan(0);
    expectExactlyOnce(seen, stableLists, new Set([...stableLists, ...churnLists, ...added]));
    expect(seen).toEqual([...seen].sort());
  }, 120_000);

  it('lists 2,500 credentials of three lists over REST, following Link, each stable credential exactly once, while credentials come and go', async () => {
    for (const [i, listId] of memberLists.entries()) {
      const removable = credentials[i].slice(0, 50);
      const stable = credentials[i].slice(50);
      const added: string[] = [];
      const stop = { done: false };
      const writing = churnCredentials(chunks[i], added, removable, stop);
      let next: string | undefined = `/v1/accounts/${ACCOUNT}/credential-lists/${listId}/credentials?pageSize=90`;
      const seen = await walk(async () => {
        const res = await request(h.service.httpUrl).get(next!).set('Authorization', `Bearer ${TOKEN_ALL}`);
        expect(res.status).toBe(200);
        next = res.headers.link ? /^<([^>]+)>; rel="next"$/.exec(res.headers.link)![1] : undefined;
        return { ids: res.body.credentials.map((c: { credentialId: string }) => c.credentialId), next };
      });
      stop.done = true;
      await writing;
      expectExactlyOnce(seen, stable, new Set([...credentials[i], ...added]));
    }
  }, 120_000);

  it('answers the default page of 50 and the largest page of 1,000', async () => {
    const first = await h.query<{ credentialLists: unknown[]; nextPageToken?: string }>('credential-list.list', { accountId: ACCOUNT });
    expect(first.ok && first.data.credentialLists.length).toBe(50);
    const big = (await h.query('credential.list', { accountId: ACCOUNT, credentialListId: memberLists[2], pageSize: 1000 })) as Reply<{ credentials: unknown[]; nextPageToken?: string }>;
    expect(big.ok && [big.data.credentials.length >= 450, big.data.nextPageToken]).toEqual([true, undefined]);
    expect(await h.query('credential.list', { accountId: ACCOUNT, credentialListId: memberLists[2], pageSize: 1001 })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: [{ field: 'pageSize' }] } });
    expect(await h.query('credential.list', { accountId: ACCOUNT, credentialListId: id('CL') })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', details: [{ field: 'credentialListId' }] } });
  });
});
