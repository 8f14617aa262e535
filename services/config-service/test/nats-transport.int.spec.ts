import { configSubject, CONFIG_COMMANDS, QUERIES, querySubject, QUEUE_GROUPS, SERVICE_NAMES } from '@sipauth/contracts';
import { useConfigService } from './config-service.harness';

describe('config-service NATS transport (plain JSON, no framework envelope)', () => {
  const { harness: h } = useConfigService();

  it('answers malformed JSON on every subject with VALIDATION_FAILED', async () => {
    const subjects = [...CONFIG_COMMANDS.map((c) => configSubject(h.namespace, c)), ...QUERIES.map((q) => querySubject(h.namespace, q))];
    for (const subject of subjects) {
      expect(await h.raw(subject, '{"accountId": "acme",')).toEqual({
        ok: false, error: { code: 'VALIDATION_FAILED', message: 'request body is not valid JSON', details: [{ field: '(body)', message: 'must be valid JSON' }] },
      });
    }
  });

  it.each([['an array', '[1,2]'], ['a number', '42'], ['null', 'null'], ['a string', '"acme"'], ['nothing', '']])(
    'answers a body that is %s with VALIDATION_FAILED',
    async (_what, payload) => {
      const reply = await h.raw(configSubject(h.namespace, 'ip-acl.create'), payload);
      expect(reply).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    },
  );

  it('refuses prototype-polluting keys as unknown fields', async () => {
    const reply = await h.raw(configSubject(h.namespace, 'ip-acl.create'), '{"accountId":"acme","friendlyName":"x","__proto__":{"admin":true}}');
    expect(reply).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: [{ field: '__proto__' }] } });
  });

  it('registers with the NATS Services API: $SRV.INFO lists every subject it serves, each in queue group config-service', async () => {
    const infos = [];
    for await (const info of await h.nc.services.client().info(SERVICE_NAMES.config)) infos.push(info);
    // Other test files' config-services share the server: ours is the one serving this namespace.
    const ours = infos.filter((i) => i.endpoints.some((e) => e.subject.startsWith(`${h.namespace}.`)));
    expect(ours).toHaveLength(1);
    const subjects = [...CONFIG_COMMANDS.map((c) => configSubject(h.namespace, c)), ...QUERIES.map((q) => querySubject(h.namespace, q))];
    expect(ours[0].endpoints.map((e) => e.subject).sort()).toEqual(subjects.sort());
    expect(new Set(ours[0].endpoints.map((e) => e.queue_group))).toEqual(new Set([QUEUE_GROUPS.config]));
  });

  it('replies with exactly {ok, data} on success', async () => {
    const reply = await h.raw(configSubject(h.namespace, 'ip-acl.create'), JSON.stringify({ accountId: 'acme', friendlyName: 'Office' }));
    expect(Object.keys(reply).sort()).toEqual(['data', 'ok']);
    expect(reply.ok).toBe(true);
  });

  it('serves every subject in the config-service queue group, so a second replica shares the load', async () => {
    const second = await import('../src/bootstrap').then((m) => m.startConfigService({ ...h.env, CONFIG_HTTP_PORT: '0' }, { logger: false }));
    try {
      const replies = await Promise.all(Array.from({ length: 10 }, () => h.command('ip-acl.create', { accountId: 'acme', friendlyName: 'Shared' })));
      expect(replies.every((r) => r.ok)).toBe(true);
      // Both replicas write to one list: each sees what the other appended (no stale decisions).
      const { credentialListId } = await h.ok<{ credentialListId: string }>('credential-list.create', { accountId: 'acme', friendlyName: 'L', username: 'u0', password: 'Shared-Passw0rd' });
      for (let i = 1; i <= 12; i++) await h.ok('credential.add', { accountId: 'acme', credentialListId, username: `u${i}`, password: 'Shared-Passw0rd' });
      for (let i = 0; i <= 12; i += 3) {
        const duplicate = await h.command('credential.add', { accountId: 'acme', credentialListId, username: `U${i}`, password: 'Shared-Passw0rd' });
        expect(duplicate).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      }
      expect(await h.store.readStream(`credentialList-${credentialListId}`)).toHaveLength(14);
    } finally {
      await second.close();
    }
  });
});
