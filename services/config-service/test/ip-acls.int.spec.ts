import { useConfigService } from './config-service.harness';

describe('config-service IP ACL commands over NATS', () => {
  const { harness: h, fixtures: f } = useConfigService();

  it('creates, renames and deletes an ACL', async () => {
    const { ipAccessControlListId } = await f.ipAcl();
    expect(ipAccessControlListId).toMatch(/^AL[0-9a-f]{32}$/);
    await h.ok('ip-acl.rename', { accountId: 'acme', ipAccessControlListId, friendlyName: 'Branch' });
    await h.ok('ip-acl.delete', { accountId: 'acme', ipAccessControlListId });
    const types = (await h.store.readStream(`ipAcl-${ipAccessControlListId}`)).map((e) => e.type);
    expect(types).toEqual(['IpAccessControlListCreated', 'IpAccessControlListRenamed', 'IpAccessControlListDeleted']);
  });

  it('adds an address normalised to its network and refuses the same range again with CONFLICT', async () => {
    const { ipAccessControlListId } = await f.ipAcl();
    const { ipAddressId } = await h.ok<{ ipAddressId: string }>('ip-address.add', { accountId: 'acme', ipAccessControlListId, friendlyName: 'Office', ipAddress: '10.1.2.3', cidrPrefixLength: 24 });
    expect(ipAddressId).toMatch(/^IP[0-9a-f]{32}$/);
    const events = await h.store.readStream(`ipAcl-${ipAccessControlListId}`);
    expect(events[1].data).toMatchObject({ ipAddress: '10.1.2.0', cidrPrefixLength: 24 });
    const duplicate = await h.command('ip-address.add', { accountId: 'acme', ipAccessControlListId, friendlyName: 'Again', ipAddress: '10.1.2.0/24' });
    expect(duplicate).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('names the bad field of an address: the address itself or its prefix length', async () => {
    const { ipAccessControlListId } = await f.ipAcl();
    const badAddress = await h.command('ip-address.add', { accountId: 'acme', ipAccessControlListId, friendlyName: 'x', ipAddress: '999.1.1.1' });
    expect(badAddress).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: [{ field: 'ipAddress' }] } });
    const badPrefix = await h.command('ip-address.add', { accountId: 'acme', ipAccessControlListId, friendlyName: 'x', ipAddress: '10.0.0.0', cidrPrefixLength: 4 });
    expect(badPrefix).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: [{ field: 'cidrPrefixLength' }] } });
    const v6 = await h.ok('ip-address.add', { accountId: 'acme', ipAccessControlListId, friendlyName: 'v6', ipAddress: '2001:db8::1', cidrPrefixLength: 48 });
    expect(v6.position).toMatch(/^\d+$/);
  });

  it('removes an address; an unknown address is NOT_FOUND', async () => {
    const { ipAccessControlListId } = await f.ipAcl();
    const { ipAddressId } = await h.ok<{ ipAddressId: string }>('ip-address.add', { accountId: 'acme', ipAccessControlListId, friendlyName: 'x', ipAddress: '192.0.2.7' });
    await h.ok('ip-address.remove', { accountId: 'acme', ipAccessControlListId, ipAddressId });
    const again = await h.command('ip-address.remove', { accountId: 'acme', ipAccessControlListId, ipAddressId });
    expect(again).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', details: [{ field: 'ipAddressId' }] } });
  });

  it("treats another account's ACL as not found", async () => {
    const { ipAccessControlListId } = await f.ipAcl('acme');
    const other = { accountId: 'globex', ipAccessControlListId };
    const calls = [
      h.command('ip-acl.rename', { ...other, friendlyName: 'Mine' }),
      h.command('ip-acl.delete', other),
      h.command('ip-address.add', { ...other, friendlyName: 'x', ipAddress: '192.0.2.1' }),
      h.command('ip-address.remove', { ...other, ipAddressId: `IP${'0'.repeat(32)}` }),
    ];
    for (const reply of await Promise.all(calls)) expect(reply).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses to delete an assigned ACL with CONFLICT naming the trunk', async () => {
    const { trunkId } = await f.trunk();
    const { ipAccessControlListId } = await f.ipAcl();
    await h.ok('trunk.assign', { accountId: 'acme', trunkId, listKind: 'ipAccessControlList', listId: ipAccessControlListId });
    const refused = await h.command('ip-acl.delete', { accountId: 'acme', ipAccessControlListId });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: [{ field: 'trunkId', message: trunkId }] } });
  });
});
