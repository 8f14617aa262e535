import { configSubject } from '@sipauth/contracts';
import { startConfigService, type RunningConfigService } from '../src/bootstrap';
import { PASSWORD, useConfigService } from './config-service.harness';

/** 200 commands queue on one stream: on a loaded machine the last answers after more than the harness's 10 s. */
const PATIENT_MS = 60_000;

/**
 * Concurrency is not a conflict: commands on one stream are queued inside a replica and retried with
 * jittered backoff across replicas, so CONFLICT only ever means a rule refused the command.
 */
describe('200 concurrent credential.add to one list through two config-service replicas', () => {
  let second: RunningConfigService;
  afterAll(() => second?.close());
  const { harness: h, fixtures: f } = useConfigService();

  it('lands every credential exactly once and answers no CONFLICT', async () => {
    second = await startConfigService(h.env, { logger: false });
    const { credentialListId } = await f.credentialList('acme', 'first');
    const usernames = Array.from({ length: 200 }, (_, i) => `user${String(i).padStart(3, '0')}`);
    const replies = await Promise.all(usernames.map(async (username) => (await h.nc.request(
      configSubject(h.namespace, 'credential.add'),
      JSON.stringify({ accountId: 'acme', credentialListId, username, password: PASSWORD }),
      { timeout: PATIENT_MS },
    )).json<{ ok: true; data: { credentialId: string } } | { ok: false; error: { code: string } }>()));

    expect(replies.filter((r) => !r.ok)).toEqual([]);
    const ids = replies.map((r) => (r.ok ? r.data.credentialId : ''));
    expect(new Set(ids).size).toBe(200);
    const added = (await h.store.readStream(`credentialList-${credentialListId}`)).filter((e) => e.type === 'CredentialAdded');
    const names = added.map((e) => (e.data as { username: string }).username).filter((u) => u !== 'first');
    expect(names.sort()).toEqual(usernames);
    expect(new Set(added.map((e) => (e.data as { credentialId: string }).credentialId)).size).toBe(added.length);
  }, 2 * PATIENT_MS);

  it('still answers CONFLICT when a rule refuses: the same username added twice at once lands once', async () => {
    const { credentialListId } = await f.credentialList('acme', 'first');
    const replies = await Promise.all(Array.from({ length: 6 }, () =>
      h.command('credential.add', { accountId: 'acme', credentialListId, username: 'twin', password: PASSWORD })));
    expect(replies.filter((r) => r.ok)).toHaveLength(1);
    expect(replies.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.error.code))).toEqual(Array(5).fill('CONFLICT'));
  });
});
