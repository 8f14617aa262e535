import request from 'supertest';
import type { HistoryEntry, HistoryResult } from '@sipauth/contracts';
import { derivedTokenName } from '../src/transport/http/api-tokens';
import { PASSWORD, TOKEN_ALL, useConfigService } from './config-service.harness';

const NEW_PASSWORD = 'Another-Secret-77-Words';
const BOB_PASSWORD = 'Bobs-Own-Secret-42-x';

describe('query.history: the audit trail from the event store', () => {
  const { harness: h, fixtures: f } = useConfigService();
  const history = async (body: object): Promise<HistoryResult> => {
    const reply = await h.query<HistoryResult>('history', body);
    if (!reply.ok) throw new Error(`history failed: ${JSON.stringify(reply.error)}`);
    return reply.data;
  };
  const walk = async (body: object): Promise<HistoryEntry[][]> => {
    const pages: HistoryEntry[][] = [];
    let pageToken: string | undefined;
    do {
      const page = await history({ ...body, ...(pageToken ? { pageToken } : {}) });
      pages.push(page.events);
      pageToken = page.nextPageToken;
    } while (pageToken && pages.length < 50);
    return pages;
  };

  it('shows a credential list created, renamed, added to and a password changed: newest first, who and when, never a secret', async () => {
    const { credentialListId } = await h.ok<{ credentialListId: string }>('credential-list.create', {
      accountId: 'acme', friendlyName: 'Office', username: 'alice', password: PASSWORD, actor: 'ops-console',
    });
    await h.ok('credential-list.rename', { accountId: 'acme', credentialListId, friendlyName: 'Branch', requestId: 'rename-1' });
    const { credentialId } = await h.ok<{ credentialId: string }>('credential.add', { accountId: 'acme', credentialListId, username: 'bob', password: BOB_PASSWORD, actor: 'ci' });
    await h.ok('credential.change-password', { accountId: 'acme', credentialListId, credentialId, password: NEW_PASSWORD, actor: 'ci' });

    const { events, nextPageToken } = await history({ accountId: 'acme', resourceId: credentialListId });
    expect(nextPageToken).toBeUndefined();
    expect(events.map((e) => [e.type, e.actor, e.summary])).toEqual([
      ['CredentialPasswordChanged', 'ci', 'Password of bob changed'],
      ['CredentialAdded', 'ci', 'Credential bob added'],
      ['CredentialListRenamed', 'nats', 'Credential list renamed to "Branch"'],
      ['CredentialAdded', 'ops-console', 'Credential alice added'],
      ['CredentialListCreated', 'ops-console', 'Credential list "Office" created'],
    ]);
    expect(events.every((e) => e.resourceId === credentialListId && !Number.isNaN(Date.parse(e.at)) && e.correlationId.length > 0)).toBe(true);
    expect(events[2]).toMatchObject({ requestId: 'rename-1', correlationId: 'rename-1' });
    const positions = events.map((e) => BigInt(e.position));
    expect(positions.every((p, i) => i === 0 || p < positions[i - 1])).toBe(true);

    const stored = await h.store.readStream(`credentialList-${credentialListId}`);
    const sealed = stored.flatMap((e) => Object.values(((e.data as { ha1?: Record<string, string> }).ha1) ?? {}));
    expect(sealed.length).toBe(9);
    const text = JSON.stringify(events);
    for (const secret of [PASSWORD, NEW_PASSWORD, BOB_PASSWORD, ...sealed]) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/ha1/i);
  });

  it("pages a resource's trail with pageToken, each event once, and the whole account's trail likewise", async () => {
    const { credentialListId } = await f.credentialList('paged');
    for (let i = 0; i < 6; i++) await h.ok('credential-list.rename', { accountId: 'paged', credentialListId, friendlyName: `Name ${i}` });
    await f.credentialList('someone-else');
    const { trunkId } = await f.trunk('paged');
    await h.ok('trunk.assign', { accountId: 'paged', trunkId, listKind: 'credentialList', listId: credentialListId });

    const whole = (await history({ accountId: 'paged', resourceId: credentialListId, pageSize: 1000 })).events;
    const pages = await walk({ accountId: 'paged', resourceId: credentialListId, pageSize: 3 });
    expect(pages.map((p) => p.length)).toEqual([3, 3, 3]);
    expect(pages.flat()).toEqual(whole);
    expect(whole[0].summary).toBe(`Assigned to trunk ${trunkId}`);

    const account = await walk({ accountId: 'paged', pageSize: 4 });
    const entries = account.flat();
    expect(new Set(entries.map((e) => e.position)).size).toBe(entries.length);
    // The trunk's side of the assignment only, no domain reservation, nothing of the other account.
    expect(entries.map((e) => e.type)).toEqual([
      'TrunkAssigned', 'TrunkCreated', ...Array(6).fill('CredentialListRenamed'), 'CredentialAdded', 'CredentialListCreated',
    ]);
    expect(entries[0].summary).toBe(`Credential list ${credentialListId} assigned`);
  });

  it('follows one credential by its id', async () => {
    const { credentialListId, credentialId } = await f.credentialList('one-cred');
    await h.ok('credential.add', { accountId: 'one-cred', credentialListId, username: 'carol', password: PASSWORD });
    await h.ok('credential.change-password', { accountId: 'one-cred', credentialListId, credentialId, password: NEW_PASSWORD });
    const { events } = await history({ accountId: 'one-cred', resourceId: credentialId });
    expect(events.map((e) => e.summary)).toEqual(['Password of alice changed', 'Credential alice added']);
  });

  it('over REST: the token name is the actor, X-Request-Id the correlation id, and pages follow Link', async () => {
    const rest = request(h.service.httpUrl);
    const auth = { Authorization: `Bearer ${TOKEN_ALL}` };
    const created = await rest.post('/v1/accounts/resty/credential-lists').set(auth).set('X-Request-Id', 'req-abc-1')
      .send({ friendlyName: 'Office', username: 'alice', password: PASSWORD });
    expect(created.status).toBe(201);
    const listId = created.body.credentialListId as string;
    await rest.patch(`/v1/accounts/resty/credential-lists/${listId}`).set(auth).send({ friendlyName: 'Renamed' }).expect(204);
    const first = await rest.get(`/v1/accounts/resty/history?resourceId=${listId}&pageSize=2`).set(auth).expect(200);
    expect(first.body.events.map((e: HistoryEntry) => [e.summary, e.actor])).toEqual([
      ['Credential list renamed to "Renamed"', derivedTokenName(TOKEN_ALL)],
      ['Credential alice added', derivedTokenName(TOKEN_ALL)],
    ]);
    expect(first.body.events[1].correlationId).toBe('req-abc-1');
    const next = /<([^>]+)>; rel="next"/.exec(first.headers.link)?.[1];
    expect(next).toContain(`pageToken=${first.body.nextPageToken}`);
    const second = await rest.get(next!).set(auth).expect(200);
    expect(second.body).toEqual({ events: [expect.objectContaining({ summary: 'Credential list "Office" created' })] });
    await rest.get(`/v1/accounts/resty/history?pageSize=0`).set(auth).expect(400);
    await rest.get('/v1/accounts/resty/history').expect(401);
  });

  it("answers NOT_FOUND for another account's resource, VALIDATION_FAILED for a forged page token or an actor with a line break", async () => {
    const { credentialListId } = await f.credentialList('owner');
    expect(await h.query('history', { accountId: 'intruder', resourceId: credentialListId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', details: [{ field: 'resourceId' }] } });
    expect(await h.query('history', { accountId: 'owner', pageToken: 'bm90LWEtdG9rZW4' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: [{ field: 'pageToken' }] } });
    expect(await h.query('history', { accountId: 'owner', pageSize: 0 })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: [{ field: 'pageSize' }] } });
    expect(await h.command('credential-list.rename', { accountId: 'owner', credentialListId, friendlyName: 'X', actor: 'evil\nline' }))
      .toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: [{ field: 'actor', message: 'must contain only printable characters' }] } });
  });
});
