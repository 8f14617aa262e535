import type { KV, NatsConnection } from 'nats';
import { keys, type CredentialDoc, type CredentialListDoc } from '@sipauth/contracts';
import { cleanupNamespace, connectNats, freshNamespace } from '../../../test/support/nats';
import { LeaseLost } from '../src/kv/kv-json';
import { ReadModelWriter } from '../src/kv/read-model-writer';
import { ACCOUNT, LIST, NOW, sealed, StreamWriter } from './recorded-events';

/**
 * An import's credential documents are created without being read first (issue 14): an apply cut short
 * after some of them (lease lost, crash) and resumed by a writer that knows nothing of it must finish
 * the import — neither refusing the documents it finds nor writing them twice.
 */
describe('applying an import to a real KV bucket', () => {
  const namespace = freshNamespace('impapply');
  let nc: NatsConnection;
  let kv: KV;
  const idOf = (n: number) => 'CR' + n.toString(16).padStart(32, '0');
  const list = new StreamWriter(`credentialList-${LIST}`);
  const created = list.record('CredentialListCreated', { credentialListId: LIST, accountId: ACCOUNT, friendlyName: 'Office', createdAt: NOW });
  const credentials = Array.from({ length: 300 }, (_, i) => ({ credentialId: idOf(i + 1), username: `u${i}`, ha1: sealed(`u${i}`) }));
  const imported = list.record('CredentialsImported', { credentialListId: LIST, realm: 'sipauth.test', createdAt: NOW, credentials });

  beforeAll(async () => {
    nc = await connectNats('import-apply-test');
    kv = await nc.jetstream().views.kv(`${namespace}_rm_1`, { history: 1 });
  });
  afterAll(async () => {
    await cleanupNamespace(nc, namespace);
    await nc.close();
  });

  it('finishes an import cut short after some credentials, as a fresh writer would after a takeover', async () => {
    const first = await ReadModelWriter.open(kv, `${namespace}_rm_1`);
    await first.applyAndStore(created);
    let writes = 0;
    await expect(first.applyAndStore(imported, () => ++writes <= 140)).rejects.toBeInstanceOf(LeaseLost);
    const written = [];
    for await (const key of await kv.keys(`acct.${ACCOUNT}.credential.>`)) written.push(key);
    expect(written.length).toBeGreaterThan(0);
    expect(written.length).toBeLessThan(300);

    const second = await ReadModelWriter.open(kv, `${namespace}_rm_1`);
    await second.applyAndStore(imported);
    const after = [];
    for await (const key of await kv.keys(`acct.${ACCOUNT}.credential.>`)) after.push(key);
    expect(after).toHaveLength(300);
    const doc = JSON.parse((await kv.get(keys.credential(ACCOUNT, LIST, idOf(300))))!.string()) as CredentialDoc;
    expect(doc).toMatchObject({ username: 'u299', revision: imported.revision });
    const firstRevision = (await kv.get(keys.credential(ACCOUNT, LIST, idOf(1))))!.revision;
    expect((JSON.parse((await kv.get(keys.credentialList(ACCOUNT, LIST)))!.string()) as CredentialListDoc).credentialCount).toBe(300);

    // Delivered once more: nothing is written again.
    const third = await ReadModelWriter.open(kv, `${namespace}_rm_1`);
    expect(await third.applyAndStore(imported)).toBe(0);
    expect((await kv.get(keys.credential(ACCOUNT, LIST, idOf(1))))!.revision).toBe(firstRevision);
  });
});
