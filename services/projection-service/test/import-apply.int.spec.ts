import type { KV, NatsConnection } from 'nats';
import { keys, type CredentialListDoc } from '@sipauth/contracts';
import { cleanupNamespace, connectNats, freshNamespace } from '../../../test/support/nats';
import { LeaseLost } from '../src/kv/kv-json';
import { ReadModelWriter } from '../src/kv/read-model-writer';
import { credentialsIn } from './apply-projection';
import { ACCOUNT, LIST, NOW, sealed, StreamWriter } from './recorded-events';

/**
 * An import writes each credential chunk it touches once, then the list (issue 14): an apply cut short
 * after some chunks (lease lost, crash) and resumed by a writer that knows nothing of it must finish
 * the import, with every credential once, and a third delivery must write nothing.
 */
describe('applying an import to a real KV bucket', () => {
  const namespace = freshNamespace('impapply');
  let nc: NatsConnection;
  let kv: KV;
  const idOf = (n: number) => 'CR' + n.toString(16).padStart(32, '0');
  const list = new StreamWriter(`credentialList-${LIST}`);
  const created = list.record('CredentialListCreated', { credentialListId: LIST, accountId: ACCOUNT, friendlyName: 'Office', createdAt: NOW });
  const credentials = Array.from({ length: 250 }, (_, i) => ({ credentialId: idOf(i + 1), username: `u${i}`, ha1: sealed(`u${i}`) }));
  const imported = list.record('CredentialsImported', { credentialListId: LIST, realm: 'sipauth.test', createdAt: NOW, credentials });

  beforeAll(async () => {
    nc = await connectNats('import-apply-test');
    kv = await nc.jetstream().views.kv(`${namespace}_rm_1`, { history: 1 });
  });
  afterAll(async () => {
    await cleanupNamespace(nc, namespace);
    await nc.close();
  });

  async function documents(): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    const listed: string[] = [];
    for await (const key of await kv.keys('acct.>')) listed.push(key);
    for (const key of listed) {
      const entry = await kv.get(key);
      if (entry?.operation === 'PUT') out[key] = entry.json();
    }
    return out;
  }

  it('finishes an import cut short after some chunks, as a fresh writer would after a takeover', async () => {
    const first = await ReadModelWriter.open(kv, `${namespace}_rm_1`);
    await first.applyAndStore(created);
    let writes = 0;
    await expect(first.applyAndStore(imported, () => ++writes <= 6)).rejects.toBeInstanceOf(LeaseLost);
    const partial = credentialsIn(await documents(), ACCOUNT, LIST);
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.length).toBeLessThan(250);

    const second = await ReadModelWriter.open(kv, `${namespace}_rm_1`);
    await second.applyAndStore(imported);
    const docs = await documents();
    const all = credentialsIn(docs, ACCOUNT, LIST);
    expect(all.map((c) => c.credentialId).sort()).toEqual(credentials.map((c) => c.credentialId).sort());
    expect(all.find((c) => c.credentialId === idOf(250))).toMatchObject({ username: 'u249', ha1: sealed('u249'), revision: imported.revision });
    expect((docs[keys.credentialList(ACCOUNT, LIST)] as CredentialListDoc).credentialCount).toBe(250);
    const revisions = await Promise.all(keys.credentialChunks(ACCOUNT, LIST).map(async (key) => (await kv.get(key))?.revision));

    // Delivered once more: nothing is written again.
    const third = await ReadModelWriter.open(kv, `${namespace}_rm_1`);
    expect(await third.applyAndStore(imported)).toBe(0);
    expect(await Promise.all(keys.credentialChunks(ACCOUNT, LIST).map(async (key) => (await kv.get(key))?.revision))).toEqual(revisions);
  });
});
