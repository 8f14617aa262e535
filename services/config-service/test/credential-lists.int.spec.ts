import { PASSWORD, useConfigService } from './config-service.harness';

describe('config-service credential list commands over NATS', () => {
  const { harness: h, fixtures: f } = useConfigService();

  it('creates a list with its first credential and replies with both ids and a position', async () => {
    const reply = await h.command('credential-list.create', { accountId: 'acme', friendlyName: 'Office', username: 'alice', password: PASSWORD });
    expect(reply).toEqual({ ok: true, data: { credentialListId: expect.stringMatching(/^CL[0-9a-f]{32}$/), credentialId: expect.stringMatching(/^CR[0-9a-f]{32}$/), position: expect.stringMatching(/^\d+$/) } });
    const events = await h.store.readStream(`credentialList-${(reply as unknown as { data: { credentialListId: string } }).data.credentialListId}`);
    expect(events.map((e) => e.type)).toEqual(['CredentialListCreated', 'CredentialAdded']);
    expect(events[0].metadata).toMatchObject({ accountId: 'acme', schemaVersion: 1 });
  });

  it('refuses a create naming every bad field, without echoing the password', async () => {
    const reply = await h.command('credential-list.create', { accountId: 'bad account', friendlyName: '', username: 'al ice', password: 'short' });
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.code).toBe('VALIDATION_FAILED');
    expect(reply.error.details?.map((d) => d.field).sort()).toEqual(['accountId', 'friendlyName', 'password', 'username']);
    expect(JSON.stringify(reply)).not.toContain('short"');
  });

  it('says a required field is required', async () => {
    const reply = await h.command('credential-list.create', { friendlyName: 'Office', username: 'alice', password: PASSWORD });
    expect(reply).toEqual({ ok: false, error: { code: 'VALIDATION_FAILED', message: 'invalid accountId', details: [{ field: 'accountId', message: 'is required' }] } });
  });

  it('refuses unknown fields by name', async () => {
    const reply = await h.command('credential-list.create', { accountId: 'acme', friendlyName: 'Office', username: 'alice', password: PASSWORD, colour: 'red' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: [{ field: 'colour', message: 'is not a known field' }] } });
  });

  it('renames a list, and renaming to the same name writes nothing but still reports a position', async () => {
    const { credentialListId } = await f.credentialList();
    const renamed = await h.ok('credential-list.rename', { accountId: 'acme', credentialListId, friendlyName: 'Branch' });
    const head = await h.store.headPosition();
    const again = await h.ok('credential-list.rename', { accountId: 'acme', credentialListId, friendlyName: 'Branch' });
    expect(BigInt(again.position)).toBeGreaterThanOrEqual(BigInt(renamed.position));
    expect(await h.store.headPosition()).toBe(head);
  });

  it('adds a credential, and refuses the same username in another case with CONFLICT', async () => {
    const { credentialListId } = await f.credentialList();
    const added = await h.ok<{ credentialId: string }>('credential.add', { accountId: 'acme', credentialListId, username: 'bob', password: PASSWORD });
    expect(added.credentialId).toMatch(/^CR[0-9a-f]{32}$/);
    const duplicate = await h.command('credential.add', { accountId: 'acme', credentialListId, username: 'BOB', password: PASSWORD });
    expect(duplicate).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: [{ field: 'username' }] } });
  });

  it('changes a password and removes a credential; an unknown credential is NOT_FOUND', async () => {
    const { credentialListId, credentialId } = await f.credentialList();
    await h.ok('credential.change-password', { accountId: 'acme', credentialListId, credentialId, password: 'Another-Secret-42' });
    await h.ok('credential.remove', { accountId: 'acme', credentialListId, credentialId });
    const types = (await h.store.readStream(`credentialList-${credentialListId}`)).map((e) => e.type);
    expect(types.slice(-2)).toEqual(['CredentialPasswordChanged', 'CredentialRemoved']);
    for (const name of ['credential.change-password', 'credential.remove'] as const) {
      const reply = await h.command(name, { accountId: 'acme', credentialListId, credentialId, ...(name === 'credential.change-password' ? { password: PASSWORD } : {}) });
      expect(reply).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', details: [{ field: 'credentialId' }] } });
    }
  });

  it('deletes a list, after which every command on it is NOT_FOUND', async () => {
    const { credentialListId, credentialId } = await f.credentialList();
    await h.ok('credential-list.delete', { accountId: 'acme', credentialListId });
    const calls = [
      h.command('credential-list.delete', { accountId: 'acme', credentialListId }),
      h.command('credential-list.rename', { accountId: 'acme', credentialListId, friendlyName: 'X' }),
      h.command('credential.add', { accountId: 'acme', credentialListId, username: 'carol', password: PASSWORD }),
      h.command('credential.remove', { accountId: 'acme', credentialListId, credentialId }),
    ];
    for (const reply of await Promise.all(calls)) expect(reply).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it("treats another account's list as not found for rename, delete, add, change-password and remove", async () => {
    const { credentialListId, credentialId } = await f.credentialList('acme');
    const other = { accountId: 'globex', credentialListId };
    const calls = [
      h.command('credential-list.rename', { ...other, friendlyName: 'Mine now' }),
      h.command('credential-list.delete', other),
      h.command('credential.add', { ...other, username: 'mallory', password: PASSWORD }),
      h.command('credential.change-password', { ...other, credentialId, password: PASSWORD }),
      h.command('credential.remove', { ...other, credentialId }),
    ];
    for (const reply of await Promise.all(calls)) expect(reply).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await h.store.readStream(`credentialList-${credentialListId}`)).length).toBe(2);
  });

  it('refuses malformed ids with VALIDATION_FAILED naming the field', async () => {
    const reply = await h.command('credential.remove', { accountId: 'acme', credentialListId: 'TK00', credentialId: 42 });
    expect(reply).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    if (!reply.ok) expect(reply.error.details?.map((d) => d.field).sort()).toEqual(['credentialId', 'credentialListId']);
  });
});
