/**
 * An audit of the config-service against SPEC §3, §4 and §6 (and issue 4): each test states one clause
 * of the contract as behaviour, over the real NATS server.
 */
import { randomUUID } from 'node:crypto';
import { configSubject } from '@sipauth/contracts';
import { streams, trunkDecider, trunkDomainDecider } from '@sipauth/domain';
import { ABANDONED_RESERVATION_MS } from '../src/application/trunks.service';
import { handle, type EventData, type RecordedEvent } from '@sipauth/event-store';
import { computeHa1s, SealingKeyring, unsealHa1s } from '@sipauth/sip-digest';
import request from 'supertest';
import { PASSWORD, TOKEN_ACME, TOKEN_ALL, useConfigService, type Harness } from './config-service.harness';

const domain = (): string => `a${randomUUID().slice(0, 8)}.pstn.example.net`;
const DECIMAL = /^(0|[1-9]\d*)$/;

describe('config-service conforms to SPEC §3, §4 and §6', () => {
  const { harness: h, fixtures: f } = useConfigService();

  /** Every event of every stream written so far (the event store's whole content). */
  async function allEvents(): Promise<RecordedEvent[]> {
    const head = BigInt(await h.store.headPosition());
    const out: RecordedEvent[] = [];
    const subscription = h.store.subscribeToAll();
    for await (const e of subscription) {
      out.push(e);
      if (BigInt(e.position) >= head) break;
    }
    await subscription.close();
    return out;
  }

  describe('§6 command replies', () => {
    it('answers every command with its documented ids and a decimal position', async () => {
      const acct = 'acme';
      const replies: Record<string, Record<string, unknown>> = {};
      const step = async (name: Parameters<Harness['ok']>[0], body: Record<string, unknown>) => {
        replies[name] = await h.ok(name, { accountId: acct, ...body });
        return replies[name] as Record<string, string>;
      };
      const { credentialListId, credentialId } = await step('credential-list.create', { friendlyName: 'L', username: 'alice', password: PASSWORD });
      await step('credential-list.rename', { credentialListId, friendlyName: 'L2' });
      const { credentialId: bob } = await step('credential.add', { credentialListId, username: 'bob', password: PASSWORD });
      await step('credential.change-password', { credentialListId, credentialId, password: `${PASSWORD}x` });
      await step('credential.remove', { credentialListId, credentialId: bob });
      const { ipAccessControlListId } = await step('ip-acl.create', { friendlyName: 'A' });
      await step('ip-acl.rename', { ipAccessControlListId, friendlyName: 'A2' });
      const { ipAddressId } = await step('ip-address.add', { ipAccessControlListId, friendlyName: 'net', ipAddress: '10.1.2.3', cidrPrefixLength: 24 });
      await step('ip-address.remove', { ipAccessControlListId, ipAddressId });
      const { trunkId } = await step('trunk.create', { friendlyName: 'T', domainName: domain() });
      await step('trunk.rename', { trunkId, friendlyName: 'T2' });
      await step('trunk.set-digest-algorithms', { trunkId, algorithms: ['SHA-512-256', 'SHA-256', 'MD5'] });
      await step('trunk.assign', { trunkId, listKind: 'credentialList', listId: credentialListId });
      await step('trunk.unassign', { trunkId, listKind: 'credentialList', listId: credentialListId });
      await step('trunk.delete', { trunkId });
      await step('credential-list.delete', { credentialListId });
      await step('ip-acl.delete', { ipAccessControlListId });

      const ids: Record<string, string[]> = {
        'credential-list.create': ['credentialListId', 'credentialId'], 'credential.add': ['credentialId'],
        'ip-acl.create': ['ipAccessControlListId'], 'ip-address.add': ['ipAddressId'], 'trunk.create': ['trunkId'],
      };
      expect(Object.keys(replies)).toHaveLength(17);
      for (const [name, data] of Object.entries(replies)) {
        expect([name, Object.keys(data).sort()]).toEqual([name, ['position', ...(ids[name] ?? [])].sort()]);
        expect([name, data.position]).toEqual([name, expect.stringMatching(DECIMAL)]);
      }
    });

    it('gives a no-op command a position at which its effect is already visible', async () => {
      const { ipAccessControlListId, position } = await f.ipAcl();
      const again = await h.ok('ip-acl.rename', { accountId: 'acme', ipAccessControlListId, friendlyName: 'Office' });
      expect(again.position).toBe(position);
    });
  });

  describe('§3 validation on input', () => {
    const createList = (body: Record<string, unknown>) =>
      h.command('credential-list.create', { accountId: 'acme', friendlyName: 'L', username: 'alice', password: PASSWORD, ...body });
    const fieldsOf = (reply: unknown): string[] =>
      ((reply as { error?: { details?: { field: string }[] } }).error?.details ?? []).map((d) => d.field).sort();

    it('bounds friendlyName to 1–64 printable characters, counted as characters', async () => {
      expect((await createList({ friendlyName: '😀'.repeat(64) })).ok).toBe(true);
      for (const friendlyName of ['', ' ', 'x'.repeat(65), 'a\u0000b', 'tab\there', 'a\u2028b', 'evil\u202Etxt', '\u200B', 'a\uE000', 7, ['x']]) {
        expect([friendlyName, fieldsOf(await createList({ friendlyName }))]).toEqual([friendlyName, ['friendlyName']]);
      }
    });

    it('bounds username to 32 characters of its charset', async () => {
      expect((await createList({ username: "A-z0._~!$&'()*+,;=" })).ok).toBe(true);
      for (const username of ['', 'x'.repeat(33), 'a b', 'a@b', 'ä', 'a:b', 5]) {
        expect([username, fieldsOf(await createList({ username }))]).toEqual([username, ['username']]);
      }
    });

    it('requires a password of 12–128 characters with upper, lower and digit, and never echoes it', async () => {
      expect((await createList({ password: `Aa1${'x'.repeat(125)}` })).ok).toBe(true);
      for (const password of ['Short1Aa', 'alllowercase123', 'ALLUPPERCASE123', 'NoDigitsHereAtAll', `Aa1${'x'.repeat(126)}`, 123456789012345]) {
        const reply = await createList({ password });
        expect([password, fieldsOf(reply)]).toEqual([password, ['password']]);
        expect(JSON.stringify(reply)).not.toContain(String(password));
      }
    });

    it('normalises addresses to their network with the documented prefix ranges and defaults, refusing a duplicate range', async () => {
      const { ipAccessControlListId } = await f.ipAcl();
      const add = (ipAddress: string, cidrPrefixLength?: unknown) =>
        h.command('ip-address.add', { accountId: 'acme', ipAccessControlListId, friendlyName: 'n', ipAddress, ...(cidrPrefixLength === undefined ? {} : { cidrPrefixLength }) });
      expect((await add('10.1.2.3', 24)).ok).toBe(true);
      expect(await add('10.1.2.200/24')).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: [{ field: 'ipAddress' }] } });
      expect((await add('10.9.9.9')).ok).toBe(true);
      expect((await add('2001:db8::1', 32)).ok).toBe(true);
      expect((await add('2001:db8::5')).ok).toBe(true);
      const stored = (await h.store.readStream(`ipAcl-${ipAccessControlListId}`)).filter((e) => e.type === 'IpAddressAdded')
        .map((e) => { const d = e.data as { ipAddress: string; cidrPrefixLength: number }; return `${d.ipAddress}/${d.cidrPrefixLength}`; });
      expect(stored).toEqual(['10.1.2.0/24', '10.9.9.9/32', '2001:db8::/32', '2001:db8::5/128']);
      for (const [ipAddress, prefix] of [['10.0.0.0', 7], ['10.0.0.0', 33], ['2001:db8::', 15], ['2001:db8::', 129], ['10.0.0.0', '24'], ['10.0.0.0', 24.5]] as const) {
        expect([ipAddress, prefix, fieldsOf(await add(ipAddress, prefix))]).toEqual([ipAddress, prefix, ['cidrPrefixLength']]);
      }
      for (const ipAddress of ['10.0.0.256', 'example.net', '', '10.0.0.0/24/1']) {
        expect([ipAddress, fieldsOf(await add(ipAddress))]).toEqual([ipAddress, ['ipAddress']]);
      }
    });

    it('names every bad field of one request, including unknown ones and wrong JSON types', async () => {
      const reply = await h.command('ip-address.add', {
        accountId: 7, ipAccessControlListId: 'nope', friendlyName: '', ipAddress: 10, cidrPrefixLength: '24', requestId: 3, colour: 'red',
      });
      expect(reply).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
      expect(fieldsOf(reply)).toEqual(['accountId', 'colour', 'friendlyName', 'ipAccessControlListId', 'ipAddress', 'requestId']);
    });

    it('refuses an unknown listKind and a wrong list of algorithms', async () => {
      const { trunkId } = await f.trunk();
      const assign = await h.command('trunk.assign', { accountId: 'acme', trunkId, listKind: 'acl', listId: `AL${'0'.repeat(32)}` });
      expect(fieldsOf(assign)).toContain('listKind');
      for (const algorithms of [[], ['md5'], ['SHA-256', 'SHA-256'], null, [1]]) {
        expect(fieldsOf(await h.command('trunk.set-digest-algorithms', { accountId: 'acme', trunkId, algorithms }))).toEqual(['algorithms']);
      }
    });

    it('answers huge and deeply nested payloads with VALIDATION_FAILED, not silence or INTERNAL', async () => {
      const huge = await h.command('ip-acl.create', { accountId: 'acme', friendlyName: 'x'.repeat(600_000) });
      expect(huge).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: [{ field: 'friendlyName' }] } });
      expect(JSON.stringify(huge).length).toBeLessThan(1_000);
      const manyAlgorithms = await h.command('trunk.set-digest-algorithms', { accountId: 'acme', trunkId: `TK${'0'.repeat(32)}`, algorithms: Array(50_000).fill('SHA-1') });
      expect(JSON.stringify(manyAlgorithms).length).toBeLessThan(1_000);
      const depth = 50_000;
      const nested = `{"accountId":"acme","friendlyName":"x","deep":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`;
      expect(await h.raw(configSubject(h.namespace, 'ip-acl.create'), nested)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: [{ field: 'deep' }] } });
      const nestedValue = `{"accountId":"acme","friendlyName":${'['.repeat(depth)}${']'.repeat(depth)}}`;
      expect(await h.raw(configSubject(h.namespace, 'ip-acl.create'), nestedValue)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: [{ field: 'friendlyName' }] } });
    });
  });

  describe('§3 limits', () => {
    /** Appends `count` events in batches straight to the stream (the limits are the decider's, not the transport's). */
    async function appendMany(stream: string, make: (i: number) => EventData): Promise<void> {
      let revision = (await h.store.readStream(stream)).length - 1;
      for (let i = 0; i < 1000; i += 100) {
        const batch = Array.from({ length: 100 }, (_, j) => make(i + j));
        const result = await h.store.appendToStream(stream, batch, { expectedRevision: revision });
        revision = result.nextExpectedRevision;
      }
    }
    const meta = { accountId: 'acme', correlationId: 'seed', causationId: 'seed', schemaVersion: 1 };

    it('refuses a credential list beyond 1,000 credentials with CONFLICT', async () => {
      const { credentialListId } = await f.credentialList();
      const ha1 = { MD5: 'v1.k1.x.y.z', 'SHA-256': 'v1.k1.x.y.z', 'SHA-512-256': 'v1.k1.x.y.z' };
      await appendMany(`credentialList-${credentialListId}`, (i) => ({
        id: randomUUID(), type: 'CredentialAdded', metadata: meta,
        data: { credentialListId, credentialId: `CR${i.toString(16).padStart(32, '0')}`, username: `u${i}`, realm: 'sipauth.test', ha1, createdAt: new Date().toISOString() },
      }));
      const reply = await h.command('credential.add', { accountId: 'acme', credentialListId, username: 'onemore', password: PASSWORD });
      expect(reply).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('1000') } });
    });

    it('refuses an ACL beyond 1,000 addresses with CONFLICT', async () => {
      const { ipAccessControlListId } = await f.ipAcl();
      await appendMany(`ipAcl-${ipAccessControlListId}`, (i) => ({
        id: randomUUID(), type: 'IpAddressAdded', metadata: meta,
        data: { ipAccessControlListId, ipAddressId: `IP${i.toString(16).padStart(32, '0')}`, friendlyName: 'n', ipAddress: `10.0.${i >> 8}.${i & 255}`, cidrPrefixLength: 32, createdAt: new Date().toISOString() },
      }));
      const reply = await h.command('ip-address.add', { accountId: 'acme', ipAccessControlListId, friendlyName: 'n', ipAddress: '192.0.2.1' });
      expect(reply).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('1000') } });
    });

    it('refuses a 101st list of one kind on a trunk, and the refused list is left free to delete', async () => {
      const { trunkId } = await f.trunk();
      const acls = await Promise.all(Array.from({ length: 101 }, () => f.ipAcl()));
      for (const { ipAccessControlListId } of acls.slice(0, 100)) {
        await h.ok('trunk.assign', { accountId: 'acme', trunkId, listKind: 'ipAccessControlList', listId: ipAccessControlListId });
      }
      const extra = acls[100].ipAccessControlListId;
      const refused = await h.command('trunk.assign', { accountId: 'acme', trunkId, listKind: 'ipAccessControlList', listId: extra });
      expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('100') } });
      const { credentialListId } = await f.credentialList();
      await h.ok('trunk.assign', { accountId: 'acme', trunkId, listKind: 'credentialList', listId: credentialListId });
      await h.ok('ip-acl.delete', { accountId: 'acme', ipAccessControlListId: extra });
    }, 120_000);
  });

  describe('accounts', () => {
    it("never lets one account change another's resources, nor assign another's list", async () => {
      const { credentialListId, credentialId } = await f.credentialList('globex');
      const { ipAccessControlListId } = await f.ipAcl('globex');
      const { trunkId } = await f.trunk('acme');
      const head = await h.store.headPosition();
      const attempts: [Parameters<Harness['ok']>[0], Record<string, unknown>][] = [
        ['credential.change-password', { credentialListId, credentialId, password: PASSWORD }],
        ['credential.remove', { credentialListId, credentialId }],
        ['credential.add', { credentialListId, username: 'mallory', password: PASSWORD }],
        ['ip-address.add', { ipAccessControlListId, friendlyName: 'x', ipAddress: '10.0.0.1' }],
        ['ip-acl.rename', { ipAccessControlListId, friendlyName: 'mine' }],
        ['ip-acl.delete', { ipAccessControlListId }],
        ['credential-list.delete', { credentialListId }],
        ['trunk.assign', { trunkId, listKind: 'ipAccessControlList', listId: ipAccessControlListId }],
        ['trunk.assign', { trunkId, listKind: 'credentialList', listId: credentialListId }],
      ];
      for (const [name, body] of attempts) {
        expect([name, await h.command(name, { accountId: 'acme', ...body })]).toEqual([name, expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'NOT_FOUND' }) })]);
      }
      expect(await h.store.headPosition()).toBe(head);
    });
  });

  describe('"nothing is half-written" across aggregates', () => {
    it('writes nothing at all for a trunk.create whose domain is taken', async () => {
      const name = domain();
      await f.trunk('acme', name);
      const head = await h.store.headPosition();
      const reply = await h.command('trunk.create', { accountId: 'globex', friendlyName: 'X', domainName: name.toUpperCase() });
      expect(reply).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      expect(await h.store.headPosition()).toBe(head);
    });

    it('lets a new trunk take the domain of a trunk whose delete stopped before releasing it', async () => {
      const name = domain();
      const { trunkId } = await f.trunk('acme', name);
      // A trunk.delete that stopped right after TrunkDeleted (a crash) leaves the domain reserved.
      await handle(h.store, streams.trunk(trunkId), trunkDecider, { type: 'DeleteTrunk', accountId: 'acme', trunkId }, { accountId: 'acme', correlationId: 'c', causationId: 'c' });
      const again = await h.command('trunk.create', { accountId: 'globex', friendlyName: 'New', domainName: name });
      expect(again).toMatchObject({ ok: true, data: { trunkId: expect.stringMatching(/^TK/) } });
      const types = (await h.store.readStream(`trunkDomain-${name}`)).map((e) => e.type);
      expect(types).toEqual(['TrunkDomainReserved', 'TrunkDomainReleased', 'TrunkDomainReserved']);
    });

    it('lets a new trunk take a domain whose reservation was abandoned before its trunk was created, but not a fresh one', async () => {
      const name = domain();
      // A trunk.create that stopped right after reserving the domain (a crash) leaves it held by a trunk that never existed.
      await handle(h.store, streams.trunkDomain(name), trunkDomainDecider, { type: 'ReserveTrunkDomain', accountId: 'acme', domainName: name, trunkId: `TK${'0'.repeat(32)}` }, { accountId: 'acme', correlationId: 'c', causationId: 'c' });
      // Within the time a create may still be under way, the domain stays taken.
      expect(await h.command('trunk.create', { accountId: 'globex', friendlyName: 'Early', domainName: name })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      const realNow = Date.now();
      const later = jest.spyOn(Date, 'now').mockImplementation(() => realNow + ABANDONED_RESERVATION_MS + 1_000);
      try {
        expect(await h.command('trunk.create', { accountId: 'globex', friendlyName: 'Late', domainName: name })).toMatchObject({ ok: true, data: { trunkId: expect.stringMatching(/^TK/) } });
      } finally {
        later.mockRestore();
      }
      const types = (await h.store.readStream(`trunkDomain-${name}`)).map((e) => e.type);
      expect(types).toEqual(['TrunkDomainReserved', 'TrunkDomainReleased', 'TrunkDomainReserved']);
    });

    it('still refuses the domain of a live trunk after that repair path exists', async () => {
      const name = domain();
      await f.trunk('acme', name);
      expect(await h.command('trunk.create', { accountId: 'acme', friendlyName: 'Twin', domainName: name })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    });
  });

  describe('§4 events: secrets and metadata', () => {
    it('seals HA1 for MD5, SHA-256 and SHA-512-256 with AES-256-GCM under the key id', async () => {
      const password = 'Sealed-Check-Passw0rd';
      const { credentialListId, credentialId } = await h.ok<{ credentialListId: string; credentialId: string }>('credential-list.create', { accountId: 'acme', friendlyName: 'S', username: 'carol', password });
      const added = (await h.store.readStream(`credentialList-${credentialListId}`)).find((e) => e.type === 'CredentialAdded');
      const { ha1, realm } = added?.data as { ha1: Record<'MD5' | 'SHA-256' | 'SHA-512-256', string>; realm: string };
      expect(realm).toBe('sipauth.test');
      expect(Object.keys(ha1).sort()).toEqual(['MD5', 'SHA-256', 'SHA-512-256']);
      for (const sealed of Object.values(ha1)) expect(sealed).toMatch(/^v1\.k1\./);
      const keyring = SealingKeyring.fromConfig(h.env.SIPAUTH_SEALING_KEYS);
      expect(unsealHa1s(keyring, ha1, `${credentialListId}/${credentialId}`)).toEqual(computeHa1s('carol', 'sipauth.test', password));
      expect(JSON.stringify(added)).not.toContain(password);
    });

    it('gives every event accountId, correlationId (the requestId when given), causationId and schemaVersion', async () => {
      const requestId = `corr-${randomUUID()}`;
      const { trunkId } = await h.ok<{ trunkId: string }>('trunk.create', { accountId: 'acme', friendlyName: 'M', domainName: domain(), requestId });
      const { credentialListId } = await f.credentialList();
      await h.ok('trunk.assign', { accountId: 'acme', trunkId, listKind: 'credentialList', listId: credentialListId, requestId: `${requestId}-a` });
      await h.ok('trunk.delete', { accountId: 'acme', trunkId, requestId: `${requestId}-d` });
      const events = await allEvents();
      expect(events.length).toBeGreaterThan(5);
      for (const e of events) {
        expect([e.type, e.metadata]).toEqual([e.type, expect.objectContaining({
          accountId: expect.any(String), correlationId: expect.any(String), causationId: expect.any(String), schemaVersion: expect.any(Number),
        })]);
      }
      const correlated = events.filter((e) => String(e.metadata?.correlationId).startsWith(requestId)).map((e) => `${e.type}:${String(e.metadata?.correlationId).slice(requestId.length)}`);
      expect(correlated).toEqual(expect.arrayContaining([
        'TrunkDomainReserved:', 'TrunkCreated:', 'TrunkAssigned:-a', 'TrunkDeleted:-d', 'TrunkUnassigned:-d', 'TrunkDomainReleased:-d',
      ]));
    });
  });

  describe('requestId retries', () => {
    it('treats a null requestId as no requestId, never as a shared key', async () => {
      const a = await h.ok<{ ipAccessControlListId: string }>('ip-acl.create', { accountId: 'acme', friendlyName: 'First', requestId: null });
      const b = await h.ok<{ ipAccessControlListId: string }>('ip-acl.create', { accountId: 'acme', friendlyName: 'Second', requestId: null });
      expect(b.ipAccessControlListId).not.toBe(a.ipAccessControlListId);
    });

    it('replays a domain rejection and writes nothing on the retry, and never answers one command with another’s reply', async () => {
      const name = domain();
      await f.trunk('acme', name);
      const requestId = `r-${randomUUID()}`;
      const first = await h.command('trunk.create', { accountId: 'globex', friendlyName: 'X', domainName: name, requestId });
      expect(first).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      const head = await h.store.headPosition();
      expect(await h.command('trunk.create', { accountId: 'globex', friendlyName: 'X', domainName: name, requestId })).toEqual(first);
      expect(await h.store.headPosition()).toBe(head);
      const other = await h.command('ip-acl.create', { accountId: 'globex', friendlyName: 'Y', requestId });
      expect(other).toMatchObject({ ok: true, data: { ipAccessControlListId: expect.stringMatching(/^AL/) } });
      const otherAccount = await h.command('trunk.create', { accountId: 'initech', friendlyName: 'X', domainName: domain(), requestId });
      expect(otherAccount).toMatchObject({ ok: true, data: { trunkId: expect.stringMatching(/^TK/) } });
    });
  });

  describe('REST', () => {
    const auth = { Authorization: `Bearer ${TOKEN_ALL}` };
    it('maps each error code to its status and keeps the contract shape', async () => {
      const api = () => request(h.service.httpUrl);
      expect((await api().post('/v1/accounts/acme/trunks').set(auth).send({ friendlyName: 'x', domainName: 'bad_domain' })).status).toBe(400);
      expect((await api().patch(`/v1/accounts/acme/trunks/TK${'0'.repeat(32)}`).set(auth).send({ friendlyName: 'x' })).status).toBe(404);
      const name = domain();
      await f.trunk('globex', name);
      const taken = await api().post('/v1/accounts/acme/trunks').set(auth).send({ friendlyName: 'x', domainName: name });
      expect([taken.status, taken.body.code]).toEqual([409, 'CONFLICT']);
      expect((await api().get('/v1/accounts/acme/trunks').set('Authorization', 'Basic abc')).status).toBe(401);
      expect((await api().get('/v1/accounts/globex/trunks').set('Authorization', `Bearer ${TOKEN_ACME}`)).status).toBe(403);
      const nullBody = await api().post('/v1/accounts/acme/ip-access-control-lists').set(auth).set('Content-Type', 'application/json').send('null');
      expect([nullBody.status, nullBody.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      const docs = await api().get('/docs-json');
      expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/v1/accounts/{accountId}/credential-lists', '/v1/accounts/{accountId}/trunks/{trunkId}/ip-access-control-lists']));
      expect((await api().get('/docs')).status).toBe(200);
    });
  });
});
