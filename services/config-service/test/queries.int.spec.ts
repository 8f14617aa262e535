import type { Reply } from '@sipauth/contracts';
import { startProjectionService, type RunningProjectionService } from '../../projection-service/src/bootstrap';
import { PASSWORD, TOKEN_ALL, useConfigService, type Harness } from './config-service.harness';
import request from 'supertest';
import { computeHa1s } from '@sipauth/sip-digest';

describe('config-service queries answer from the projection read models', () => {
  let projection: RunningProjectionService;
  afterAll(async () => {
    await projection?.close();
  });
  const { harness: h, fixtures: f } = useConfigService();

  /** Asks until the read model has caught up with `position` (the contract's way to read your writes). */
  async function queryAt<T>(name: Parameters<Harness['query']>[0], body: unknown, position: string): Promise<Reply<T & { position: string }>> {
    for (;;) {
      const reply = await h.query<T>(name, body);
      const seen = reply.ok ? reply.data.position : undefined;
      if (seen !== undefined && BigInt(seen) >= BigInt(position)) return reply;
      if (!reply.ok && reply.error.code !== 'NOT_FOUND') return reply;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  it('answers list with nothing and get with NOT_FOUND before any read model exists', async () => {
    expect(await h.query('trunk.list', { accountId: 'acme' })).toEqual({ ok: true, data: { position: '0', trunks: [] } });
    expect(await h.query('trunk.get', { accountId: 'acme', trunkId: `TK${'0'.repeat(32)}` })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    projection = await startProjectionService({ ...h.env, PROJECTION_HTTP_PORT: '0' });
  });

  it('returns a credential list with its credentials and no secret material', async () => {
    const { credentialListId, credentialId, position } = await f.credentialList('acme', 'alice');
    const reply = await queryAt<{ credentialList: Record<string, unknown> }>('credential-list.get', { accountId: 'acme', credentialListId }, position);
    expect(reply).toMatchObject({ ok: true, data: { credentialList: { credentialListId, friendlyName: 'Office', credentials: [{ credentialId, username: 'alice' }] } } });
    const text = JSON.stringify(reply);
    expect(text).not.toMatch(/ha1|realm|v1\.k1\./i);
    for (const ha1 of Object.values(computeHa1s('alice', 'sipauth.test', PASSWORD))) expect(text).not.toContain(ha1);
    const list = await queryAt<{ credentialLists: { credentialListId: string }[] }>('credential-list.list', { accountId: 'acme' }, position);
    expect(list.ok && list.data.credentialLists.map((l) => l.credentialListId)).toContain(credentialListId);
  });

  it('returns an ACL with its normalised addresses, and a trunk with its lists and algorithms', async () => {
    const { ipAccessControlListId } = await f.ipAcl();
    await h.ok('ip-address.add', { accountId: 'acme', ipAccessControlListId, friendlyName: 'x', ipAddress: '10.9.8.7', cidrPrefixLength: 16 });
    const { trunkId } = await f.trunk();
    await h.ok('trunk.assign', { accountId: 'acme', trunkId, listKind: 'ipAccessControlList', listId: ipAccessControlListId });
    const { position } = await h.ok('trunk.set-digest-algorithms', { accountId: 'acme', trunkId, algorithms: ['SHA-512-256', 'SHA-256'] });
    const acl = await queryAt('ip-acl.get', { accountId: 'acme', ipAccessControlListId }, position);
    expect(acl).toMatchObject({ ok: true, data: { ipAccessControlList: { assignedTrunkIds: [trunkId], ipAddresses: [{ ipAddress: '10.9.0.0', cidrPrefixLength: 16 }] } } });
    const trunk = await queryAt('trunk.get', { accountId: 'acme', trunkId }, position);
    expect(trunk).toMatchObject({ ok: true, data: { trunk: { trunkId, ipAccessControlListIds: [ipAccessControlListId], digestAlgorithms: ['SHA-512-256', 'SHA-256'] } } });
    const lists = await queryAt<{ ipAccessControlLists: unknown[] }>('ip-acl.list', { accountId: 'acme' }, position);
    expect(lists.ok && lists.data.ipAccessControlLists.length).toBeGreaterThan(0);
    const trunks = await queryAt<{ trunks: { trunkId: string }[] }>('trunk.list', { accountId: 'acme' }, position);
    expect(trunks.ok && trunks.data.trunks.map((t) => t.trunkId)).toContain(trunkId);
  });

  it('returns every credential of a list and every list of an account, not just the first of each', async () => {
    const { credentialListId } = await f.credentialList('initech', 'user0');
    for (let i = 1; i < 12; i++) await h.ok('credential.add', { accountId: 'initech', credentialListId, username: `user${i}`, password: PASSWORD });
    const acls: string[] = [];
    let position = '0';
    for (let i = 0; i < 12; i++) {
      const created = await h.ok<{ ipAccessControlListId: string; position: string }>('ip-acl.create', { accountId: 'initech', friendlyName: `ACL ${i}` });
      acls.push(created.ipAccessControlListId);
      position = created.position;
    }
    const list = await queryAt<{ credentialList: { credentials: { username: string }[] } }>('credential-list.get', { accountId: 'initech', credentialListId }, position);
    expect(list.ok && list.data.credentialList.credentials.map((c) => c.username).sort()).toEqual(Array.from({ length: 12 }, (_, i) => `user${i}`).sort());
    const all = await queryAt<{ ipAccessControlLists: { ipAccessControlListId: string }[] }>('ip-acl.list', { accountId: 'initech' }, position);
    expect(all.ok && all.data.ipAccessControlLists.map((a) => a.ipAccessControlListId).sort()).toEqual([...acls].sort());
  });

  it("never shows one account another account's resources", async () => {
    const { credentialListId, position } = await f.credentialList('acme');
    await queryAt('credential-list.get', { accountId: 'acme', credentialListId }, position);
    expect(await h.query('credential-list.get', { accountId: 'globex', credentialListId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const theirs = await h.query<{ credentialLists: unknown[] }>('credential-list.list', { accountId: 'globex' });
    expect(theirs).toMatchObject({ ok: true, data: { credentialLists: [] } });
  });

  it('refuses a query without accountId or with a malformed id', async () => {
    expect(await h.query('trunk.list', {})).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: [{ field: 'accountId' }] } });
    expect(await h.query('ip-acl.get', { accountId: 'acme', ipAccessControlListId: 'nope' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: [{ field: 'ipAccessControlListId' }] } });
  });

  it('serves the same queries over REST', async () => {
    const { trunkId, position } = await f.trunk();
    await queryAt('trunk.get', { accountId: 'acme', trunkId }, position);
    const res = await request(h.service.httpUrl).get(`/v1/accounts/acme/trunks/${trunkId}`).set('Authorization', `Bearer ${TOKEN_ALL}`);
    expect(res.status).toBe(200);
    expect(res.body.trunkId).toBe(trunkId);
    const missing = await request(h.service.httpUrl).get(`/v1/accounts/acme/credential-lists/CL${'f'.repeat(32)}`).set('Authorization', `Bearer ${TOKEN_ALL}`);
    expect(missing.status).toBe(404);
  });
});
