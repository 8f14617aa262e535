import { requestsBucket } from '@sipauth/contracts';
import { RequestLedger } from '../src/idempotency/request-ledger';
import { PASSWORD, useConfigService } from './config-service.harness';

/**
 * An attempt that appended its events but died before the ledger stored its reply: simulated by
 * running the command, then removing its ledger entry. The retry must find the events by their ids
 * (derived from the requestId), write nothing and answer the same reply.
 */
describe('a retry after an attempt that wrote but lost its reply', () => {
  const { harness: h, fixtures: f } = useConfigService();

  async function forgetReply(accountId: string, command: string, requestId: string): Promise<void> {
    const kv = await h.nc.jetstream().views.kv(requestsBucket(h.namespace));
    await kv.purge(RequestLedger.keyOf(accountId, command, requestId));
  }

  it.each([
    ['credential-list.create', () => ({ friendlyName: 'Office', username: 'alice', password: PASSWORD })],
    ['ip-acl.create', () => ({ friendlyName: 'Branch' })],
    ['trunk.create', () => ({ friendlyName: 'PSTN', domainName: `retry${process.hrtime.bigint()}.example.net` })],
  ] as const)('%s answers the same ids and position and creates nothing new', async (command, body) => {
    const request = { accountId: 'acme', requestId: `lost-${command}`, ...body() };
    const first = await h.ok<Record<string, string>>(command, request);
    const head = await h.store.headPosition();
    await forgetReply('acme', command, request.requestId);
    const retry = await h.ok<Record<string, string>>(command, request);
    expect(retry).toEqual(first);
    expect(await h.store.headPosition()).toBe(head);
  });

  it('credential.add and credential.change-password (never a no-op by itself) run once', async () => {
    const { credentialListId } = await f.credentialList();
    const add = { accountId: 'acme', credentialListId, username: 'bob', password: PASSWORD, requestId: 'lost-add' };
    const added = await h.ok<{ credentialId: string; position: string }>('credential.add', add);
    await forgetReply('acme', 'credential.add', add.requestId);
    expect(await h.ok('credential.add', add)).toEqual(added);
    const change = { accountId: 'acme', credentialListId, credentialId: added.credentialId, password: `${PASSWORD}-2`, requestId: 'lost-change' };
    const changed = await h.ok('credential.change-password', change);
    await forgetReply('acme', 'credential.change-password', change.requestId);
    expect(await h.ok('credential.change-password', change)).toEqual(changed);
    const types = (await h.store.readStream(`credentialList-${credentialListId}`)).map((e) => e.type);
    expect(types.filter((t) => t === 'CredentialAdded')).toHaveLength(2);
    expect(types.filter((t) => t === 'CredentialPasswordChanged')).toHaveLength(1);
  });

  it('a different requestId is another request: it creates another resource', async () => {
    const a = await h.ok<{ ipAccessControlListId: string }>('ip-acl.create', { accountId: 'acme', friendlyName: 'One', requestId: 'r-a' });
    const b = await h.ok<{ ipAccessControlListId: string }>('ip-acl.create', { accountId: 'acme', friendlyName: 'One', requestId: 'r-b' });
    expect(a.ipAccessControlListId).not.toBe(b.ipAccessControlListId);
  });
});
