import { useConfigService } from './config-service.harness';

const domain = (): string => `d${Math.random().toString(16).slice(2)}.pstn.example.net`;

describe('config-service trunk commands over NATS', () => {
  const { harness: h, fixtures: f } = useConfigService();

  it('creates a trunk with its domain lower-cased and reserved', async () => {
    const name = domain();
    const { trunkId } = await h.ok<{ trunkId: string }>('trunk.create', { accountId: 'acme', friendlyName: 'Main', domainName: name.toUpperCase() + '.' });
    expect(trunkId).toMatch(/^TK[0-9a-f]{32}$/);
    const [created] = await h.store.readStream(`trunk-${trunkId}`);
    expect(created.data).toMatchObject({ domainName: name });
    expect((await h.store.readStream(`trunkDomain-${name}`)).map((e) => e.type)).toEqual(['TrunkDomainReserved']);
  });

  it('keeps domains unique across accounts, without saying who holds one', async () => {
    const name = domain();
    await f.trunk('acme', name);
    const reply = await h.command('trunk.create', { accountId: 'globex', friendlyName: 'Theirs', domainName: name });
    expect(reply).toEqual({ ok: false, error: { code: 'CONFLICT', message: `domain ${name} is already taken`, details: [{ field: 'domainName', message: 'is already taken by another trunk' }] } });
  });

  it('refuses an invalid domain and an IP address as a domain', async () => {
    for (const domainName of ['-bad-.example.net', 'localhost', '10.0.0.1']) {
      const reply = await h.command('trunk.create', { accountId: 'acme', friendlyName: 'Main', domainName });
      expect(reply).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: [{ field: 'domainName' }] } });
    }
  });

  it('renames, sets digest algorithms, and refuses an empty or unknown algorithm list', async () => {
    const { trunkId } = await f.trunk();
    await h.ok('trunk.rename', { accountId: 'acme', trunkId, friendlyName: 'Renamed' });
    await h.ok('trunk.set-digest-algorithms', { accountId: 'acme', trunkId, algorithms: ['SHA-512-256', 'MD5'] });
    for (const algorithms of [[], ['SHA-1'], ['MD5', 'MD5'], 'MD5']) {
      const reply = await h.command('trunk.set-digest-algorithms', { accountId: 'acme', trunkId, algorithms });
      expect(reply).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: [{ field: 'algorithms' }] } });
    }
    const types = (await h.store.readStream(`trunk-${trunkId}`)).map((e) => e.type);
    expect(types).toEqual(['TrunkCreated', 'TrunkRenamed', 'TrunkDigestAlgorithmsSet']);
  });

  it('assigns lists on both sides, and a repeated assignment writes nothing', async () => {
    const { trunkId } = await f.trunk();
    const { credentialListId } = await f.credentialList();
    const { ipAccessControlListId } = await f.ipAcl();
    await h.ok('trunk.assign', { accountId: 'acme', trunkId, listKind: 'credentialList', listId: credentialListId });
    await h.ok('trunk.assign', { accountId: 'acme', trunkId, listKind: 'ipAccessControlList', listId: ipAccessControlListId });
    const head = await h.store.headPosition();
    const again = await h.ok('trunk.assign', { accountId: 'acme', trunkId, listKind: 'credentialList', listId: credentialListId });
    expect(await h.store.headPosition()).toBe(head);
    expect(BigInt(again.position)).toBeLessThanOrEqual(BigInt(head));
    expect((await h.store.readStream(`credentialList-${credentialListId}`)).map((e) => e.type)).toContain('TrunkAssigned');
    expect((await h.store.readStream(`trunk-${trunkId}`)).filter((e) => e.type === 'TrunkAssigned')).toHaveLength(2);
  });

  it('refuses a list id whose prefix does not match the list kind', async () => {
    const { trunkId } = await f.trunk();
    const { credentialListId } = await f.credentialList();
    const reply = await h.command('trunk.assign', { accountId: 'acme', trunkId, listKind: 'ipAccessControlList', listId: credentialListId });
    expect(reply).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: [{ field: 'listId' }] } });
  });

  it("will not assign another account's list, nor assign to another account's trunk", async () => {
    const { trunkId } = await f.trunk('acme');
    const { credentialListId: theirList } = await f.credentialList('globex');
    const foreignList = await h.command('trunk.assign', { accountId: 'acme', trunkId, listKind: 'credentialList', listId: theirList });
    expect(foreignList).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', details: [{ field: 'listId' }] } });
    const foreignTrunk = await h.command('trunk.assign', { accountId: 'globex', trunkId, listKind: 'credentialList', listId: theirList });
    expect(foreignTrunk).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', details: [{ field: 'trunkId' }] } });
    expect((await h.store.readStream(`credentialList-${theirList}`)).map((e) => e.type)).not.toContain('TrunkAssigned');
  });

  it('refuses to delete an assigned list with CONFLICT naming the trunk, and allows it once unassigned', async () => {
    const { trunkId } = await f.trunk();
    const { credentialListId } = await f.credentialList();
    await h.ok('trunk.assign', { accountId: 'acme', trunkId, listKind: 'credentialList', listId: credentialListId });
    const refused = await h.command('credential-list.delete', { accountId: 'acme', credentialListId });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: [{ field: 'trunkId', message: trunkId }] } });
    await h.ok('trunk.unassign', { accountId: 'acme', trunkId, listKind: 'credentialList', listId: credentialListId });
    await h.ok('credential-list.delete', { accountId: 'acme', credentialListId });
  });

  it('unassigning a list that is not assigned is NOT_FOUND', async () => {
    const { trunkId } = await f.trunk();
    const { ipAccessControlListId } = await f.ipAcl();
    const reply = await h.command('trunk.unassign', { accountId: 'acme', trunkId, listKind: 'ipAccessControlList', listId: ipAccessControlListId });
    expect(reply).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', details: [{ field: 'listId' }] } });
  });

  it('deletes a trunk: its lists are detached (so they can be deleted) and its domain can be taken again', async () => {
    const name = domain();
    const { trunkId } = await f.trunk('acme', name);
    const { credentialListId } = await f.credentialList();
    const { ipAccessControlListId } = await f.ipAcl();
    await h.ok('trunk.assign', { accountId: 'acme', trunkId, listKind: 'credentialList', listId: credentialListId });
    await h.ok('trunk.assign', { accountId: 'acme', trunkId, listKind: 'ipAccessControlList', listId: ipAccessControlListId });
    const deleted = await h.ok('trunk.delete', { accountId: 'acme', trunkId });
    expect(deleted.position).toBe(await h.store.headPosition());
    await h.ok('credential-list.delete', { accountId: 'acme', credentialListId });
    await h.ok('ip-acl.delete', { accountId: 'acme', ipAccessControlListId });
    await f.trunk('globex', name);
    expect(await h.command('trunk.delete', { accountId: 'acme', trunkId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it("treats another account's trunk as not found for rename, delete and set-digest-algorithms", async () => {
    const { trunkId } = await f.trunk('acme');
    const calls = [
      h.command('trunk.rename', { accountId: 'globex', trunkId, friendlyName: 'Mine' }),
      h.command('trunk.delete', { accountId: 'globex', trunkId }),
      h.command('trunk.set-digest-algorithms', { accountId: 'globex', trunkId, algorithms: ['MD5'] }),
      h.command('trunk.unassign', { accountId: 'globex', trunkId, listKind: 'credentialList', listId: `CL${'0'.repeat(32)}` }),
    ];
    for (const reply of await Promise.all(calls)) expect(reply).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', details: [{ field: 'trunkId' }] } });
  });
});
