/**
 * Issue 9, configuration side, against real NATS: trunk.set-lockout-policy (SPEC §5.1), the overlap of
 * credential.change-password (SPEC §5.2), and the effective digest order and lockout policy in the
 * trunk queries (SPEC §5 step 5).
 */
import { DEFAULT_LOCKOUT_POLICY, type Reply } from '@sipauth/contracts';
import { computeHa1s } from '@sipauth/sip-digest';
import { startProjectionService, type RunningProjectionService } from '../../projection-service/src/bootstrap';
import { PASSWORD, useConfigService, type Harness } from './config-service.harness';

const NEW_PASSWORD = 'Second-Horse-7-Battery';

describe('issue 9 configuration over NATS', () => {
  let projection: RunningProjectionService | undefined;
  afterAll(async () => {
    await projection?.close();
  });
  const { harness: h, fixtures: f } = useConfigService();
  beforeAll(async () => {
    projection = await startProjectionService({ ...h.env, PROJECTION_HTTP_PORT: '0' });
  });

  /** Asks until the read model has caught up with `position`. */
  async function queryAt<T>(name: Parameters<Harness['query']>[0], body: unknown, position: string): Promise<Reply<T & { position: string }>> {
    for (;;) {
      const reply = await h.query<T>(name, body);
      const seen = reply.ok ? reply.data.position : undefined;
      if (seen !== undefined && BigInt(seen) >= BigInt(position)) return reply;
      if (!reply.ok && reply.error.code !== 'NOT_FOUND') return reply;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
  const eventsOf = async (stream: string) => (await h.store.readStream(stream)).map((e) => ({ type: e.type, data: e.data as Record<string, unknown> }));

  describe('trunk.set-lockout-policy', () => {
    it('records the whole policy, filling the figures left out from the default, and a repeat writes nothing', async () => {
      const { trunkId } = await f.trunk();
      await h.ok('trunk.set-lockout-policy', { accountId: 'acme', trunkId, enabled: true, maxFailures: 3 });
      const head = await h.store.headPosition();
      const again = await h.ok('trunk.set-lockout-policy', { accountId: 'acme', trunkId, enabled: true, maxFailures: 3 });
      expect(await h.store.headPosition()).toBe(head);
      expect(BigInt(again.position)).toBeLessThanOrEqual(BigInt(head));
      const set = (await eventsOf(`trunk-${trunkId}`)).filter((e) => e.type === 'TrunkLockoutPolicySet');
      expect(set).toEqual([{ type: 'TrunkLockoutPolicySet', data: { trunkId, enabled: true, maxFailures: 3, windowSeconds: 60, lockoutSeconds: 300 } }]);
    });

    it('names every bad field', async () => {
      const { trunkId } = await f.trunk();
      const reply = await h.command('trunk.set-lockout-policy', { accountId: 'acme', trunkId, enabled: 'yes', maxFailures: 0, windowSeconds: 86_401, lockoutSeconds: 1.5 });
      expect(reply.ok).toBe(false);
      const fields = !reply.ok ? (reply.error.details ?? []).map((d) => d.field).sort() : [];
      expect(fields).toEqual(['enabled', 'lockoutSeconds', 'maxFailures', 'windowSeconds']);
      const missing = await h.command('trunk.set-lockout-policy', { accountId: 'acme', trunkId });
      expect(missing).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: [{ field: 'enabled' }] } });
    });

    it("reports another account's trunk as not found", async () => {
      const { trunkId } = await f.trunk('acme');
      const reply = await h.command('trunk.set-lockout-policy', { accountId: 'globex', trunkId, enabled: false });
      expect(reply).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', details: [{ field: 'trunkId' }] } });
    });
  });

  describe('the trunk queries', () => {
    it('show the effective digest order and lockout policy of a trunk that set neither', async () => {
      const { trunkId, position } = await f.trunk();
      const reply = await queryAt('trunk.get', { accountId: 'acme', trunkId }, position);
      expect(reply).toMatchObject({ ok: true, data: { trunk: { trunkId, digestAlgorithms: ['MD5', 'SHA-256'], lockoutPolicy: DEFAULT_LOCKOUT_POLICY } } });
    });

    it("show the trunk's own order and policy once it sets them, in lists too", async () => {
      const { trunkId } = await f.trunk();
      await h.ok('trunk.set-digest-algorithms', { accountId: 'acme', trunkId, algorithms: ['SHA-256', 'MD5'] });
      const { position } = await h.ok('trunk.set-lockout-policy', { accountId: 'acme', trunkId, enabled: false });
      const policy = { enabled: false, maxFailures: 10, windowSeconds: 60, lockoutSeconds: 300 };
      const reply = await queryAt('trunk.get', { accountId: 'acme', trunkId }, position);
      expect(reply).toMatchObject({ ok: true, data: { trunk: { digestAlgorithms: ['SHA-256', 'MD5'], lockoutPolicy: policy } } });
      const list = await queryAt<{ trunks: Array<{ trunkId: string }> }>('trunk.list', { accountId: 'acme', pageSize: 1000 }, position);
      expect(list.ok && list.data.trunks.find((t) => t.trunkId === trunkId)).toMatchObject({ lockoutPolicy: policy });
    });
  });

  describe('credential.change-password with an overlap', () => {
    it('seals the replaced hashes into the event with the end of the overlap, and never the password', async () => {
      const { credentialListId, credentialId } = await f.credentialList('acme', 'alice');
      const before = Date.now();
      await h.ok('credential.change-password', { accountId: 'acme', credentialListId, credentialId, password: NEW_PASSWORD, previousPasswordValidForSeconds: 3600 });
      const after = Date.now();
      const [, added, changed] = await eventsOf(`credentialList-${credentialListId}`);
      expect(changed.type).toBe('CredentialPasswordChanged');
      expect(changed.data.previousHa1).toEqual(added.data.ha1);
      const until = Date.parse(changed.data.previousValidUntil as string);
      expect(until).toBeGreaterThanOrEqual(before + 3_600_000);
      expect(until).toBeLessThanOrEqual(after + 3_600_000);
      const text = JSON.stringify(changed);
      for (const secret of [PASSWORD, NEW_PASSWORD, ...Object.values(computeHa1s('alice', 'sipauth.test', PASSWORD))]) expect(text).not.toContain(secret);
    });

    it('shows previousPasswordValidUntil while the overlap runs, and a later change without one ends it', async () => {
      const { credentialListId, credentialId } = await f.credentialList('acme', 'bob');
      const first = await h.ok('credential.change-password', { accountId: 'acme', credentialListId, credentialId, password: NEW_PASSWORD, previousPasswordValidForSeconds: 600 });
      const during = await queryAt<{ credentialList: { credentials: Array<Record<string, unknown>> } }>('credential-list.get', { accountId: 'acme', credentialListId }, first.position);
      const [summary] = during.ok ? during.data.credentialList.credentials : [];
      expect(summary).toMatchObject({ credentialId, username: 'bob', previousPasswordValidUntil: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
      expect(JSON.stringify(during)).not.toMatch(/ha1|"previous"|"validUntil"|realm/i);
      const second = await h.ok('credential.change-password', { accountId: 'acme', credentialListId, credentialId, password: PASSWORD });
      const ended = await queryAt<{ credentialList: { credentials: Array<Record<string, unknown>> } }>('credential-list.get', { accountId: 'acme', credentialListId }, second.position);
      expect(ended.ok && ended.data.credentialList.credentials[0]).not.toHaveProperty('previousPasswordValidUntil');
      const [, , , last] = await eventsOf(`credentialList-${credentialListId}`);
      expect(last.data).not.toHaveProperty('previousHa1');
    });

    it('refuses an overlap outside 0–604800 seconds, naming the field, and writes nothing', async () => {
      const { credentialListId, credentialId } = await f.credentialList('acme', 'carol');
      for (const seconds of [-1, 604_801, 2.5, '60', null]) {
        const reply = await h.command('credential.change-password', { accountId: 'acme', credentialListId, credentialId, password: NEW_PASSWORD, previousPasswordValidForSeconds: seconds });
        if (seconds === null) continue; // null reads as "left out", like every optional field
        expect(reply).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: [{ field: 'previousPasswordValidForSeconds', message: 'must be an integer from 0 to 604800' }] } });
      }
      const types = (await eventsOf(`credentialList-${credentialListId}`)).map((e) => e.type);
      expect(types.filter((t) => t === 'CredentialPasswordChanged')).toHaveLength(1);
    });
  });
});
