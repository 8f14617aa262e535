import { startConfigService, type RunningConfigService } from '../src/bootstrap';
import { PASSWORD, useConfigService } from './config-service.harness';

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
    const replies = await Promise.all(usernames.map((username) =>
      h.command<{ credentialId: string }>('credential.add', { accountId: 'acme', credentialListId, username, password: PASSWORD })));

    expect(replies.filter((r) => !r.ok)).toEqual([]);
    const ids = replies.map((r) => (r.ok ? r.data.credentialId : ''));
    expect(new Set(ids).size).toBe(200);
    const added = (await h.store.readStream(`credentialList-${credentialListId}`)).filter((e) => e.type === 'CredentialAdded');
    const names = added.map((e) => (e.data as { username: string }).username).filter((u) => u !== 'first');
    expect(names.sort()).toEqual(usernames);
    expect(new Set(added.map((e) => (e.data as { credentialId: string }).credentialId)).size).toBe(added.length);
  });

  it('still answers CONFLICT when a rule refuses: the same username added twice at once lands once', async () => {
    const { credentialListId } = await f.credentialList('acme', 'first');
    const replies = await Promise.all(Array.from({ length: 6 }, () =>
      h.command('credential.add', { accountId: 'acme', credentialListId, username: 'twin', password: PASSWORD })));
    expect(replies.filter((r) => r.ok)).toHaveLength(1);
    expect(replies.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.error.code))).toEqual(Array(5).fill('CONFLICT'));
  });
});
