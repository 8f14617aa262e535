import { handle } from '@sipauth/event-store';
import { streams, trunkDecider } from '@sipauth/domain';
import { PASSWORD, useConfigService } from './config-service.harness';

describe('config-service safe retries (requestId) and recovery', () => {
  const { harness: h, fixtures: f } = useConfigService();

  it('returns the first reply to a retry with the same requestId and writes nothing', async () => {
    const body = { accountId: 'acme', friendlyName: 'Office', username: 'alice', password: PASSWORD, requestId: 'create-office-1' };
    const first = await h.command('credential-list.create', body);
    const head = await h.store.headPosition();
    const retry = await h.command('credential-list.create', body);
    expect(retry).toEqual(first);
    expect(await h.store.headPosition()).toBe(head);
  });

  it('executes concurrent retries once', async () => {
    const body = { accountId: 'acme', friendlyName: 'Racing', requestId: 'race-1' };
    const replies = await Promise.all(Array.from({ length: 8 }, () => h.command('ip-acl.create', body)));
    expect(new Set(replies.map((r) => JSON.stringify(r))).size).toBe(1);
    // Each execution would mint its own id, so identical replies mean one execution.
    const { ipAccessControlListId } = (replies[0] as unknown as { data: { ipAccessControlListId: string } }).data;
    expect(await h.store.readStream(`ipAcl-${ipAccessControlListId}`)).toHaveLength(1);
  });

  it('returns a stored rejection to a retry, too', async () => {
    const body = { accountId: 'acme', credentialListId: `CL${'0'.repeat(32)}`, friendlyName: 'x', requestId: 'rename-missing' };
    const first = await h.command('credential-list.rename', body);
    expect(first).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await h.command('credential-list.rename', body)).toEqual(first);
  });

  it('keeps requestIds apart per account and per command', async () => {
    const a = await h.ok<{ ipAccessControlListId: string }>('ip-acl.create', { accountId: 'acme', friendlyName: 'A', requestId: 'same' });
    const b = await h.ok<{ ipAccessControlListId: string }>('ip-acl.create', { accountId: 'globex', friendlyName: 'B', requestId: 'same' });
    const c = await h.ok<{ trunkId: string }>('trunk.create', { accountId: 'acme', friendlyName: 'C', domainName: `same${Date.now()}.example.net`, requestId: 'same' });
    expect(a.ipAccessControlListId).not.toBe(b.ipAccessControlListId);
    expect(c.trunkId).toMatch(/^TK/);
  });

  it('refuses an empty or over-long requestId', async () => {
    for (const requestId of ['', 'x'.repeat(129), 7]) {
      const reply = await h.command('ip-acl.create', { accountId: 'acme', friendlyName: 'x', requestId });
      expect(reply).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: [{ field: 'requestId' }] } });
    }
  });

  it('deletes a list whose only blocking trunk was deleted without its lists being detached', async () => {
    const { trunkId } = await f.trunk();
    const { credentialListId } = await f.credentialList();
    await h.ok('trunk.assign', { accountId: 'acme', trunkId, listKind: 'credentialList', listId: credentialListId });
    // A trunk.delete that stopped after TrunkDeleted (e.g. a crash) leaves the list attached.
    await handle(h.store, streams.trunk(trunkId), trunkDecider, { type: 'DeleteTrunk', accountId: 'acme', trunkId }, { accountId: 'acme', correlationId: 'c', causationId: 'c' });
    await h.ok('credential-list.delete', { accountId: 'acme', credentialListId });
    const types = (await h.store.readStream(`credentialList-${credentialListId}`)).map((e) => e.type);
    expect(types.slice(-2)).toEqual(['TrunkUnassigned', 'CredentialListDeleted']);
  });
});
