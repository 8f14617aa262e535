import { createHash } from 'node:crypto';
import { PASSWORD, useConfigService } from './config-service.harness';

type Imported = { credentialListId: string; credentials: Array<{ index: number; credentialId: string; username: string; md5Only?: true }>; md5OnlyCount: number };
const REALM = 'sipauth.test';
const md5Ha1 = (username: string, password: string) => createHash('md5').update(`${username}:${REALM}:${password}`).digest('hex');

describe('credential.import over NATS (bulk import, issue 14)', () => {
  const { harness: h, fixtures: f } = useConfigService();
  const lines = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => ({ username: `${prefix}${i}`, password: `${PASSWORD}${i}` }));

  it('imports password and MD5-HA1 lines in one append of CredentialsImported events, answering an id per line', async () => {
    const { credentialListId } = await f.credentialList();
    const credentials = [...lines(3, 'pbx'), { username: 'legacy', ha1: md5Ha1('legacy', 'Old-Secret-123').toUpperCase() }];
    const reply = await h.ok<Imported>('credential.import', { accountId: 'acme', credentialListId, realm: REALM, credentials });
    expect(reply.credentials.map((c) => [c.index, c.username, c.md5Only ?? false])).toEqual([[0, 'pbx0', false], [1, 'pbx1', false], [2, 'pbx2', false], [3, 'legacy', true]]);
    expect(reply.md5OnlyCount).toBe(1);
    const events = (await h.store.readStream(`credentialList-${credentialListId}`)).slice(2);
    expect(events.map((e) => e.type)).toEqual(['CredentialsImported']);
    const data = events[0].data as { credentials: Array<{ credentialId: string; ha1: Record<string, string>; md5Only?: boolean }> };
    expect(data.credentials.map((c) => c.credentialId)).toEqual(reply.credentials.map((c) => c.credentialId));
    expect(Object.keys(data.credentials[3].ha1)).toEqual(['MD5']);
    // Nothing in clear: no password, no HA1.
    const text = JSON.stringify(events);
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(md5Ha1('legacy', 'Old-Secret-123'));
  });

  it('imports a full list of 1,000 with 32-character usernames in one append that fits a message', async () => {
    const { credentialListId } = await f.credentialList('acme', 'first');
    const credentials = Array.from({ length: 999 }, (_, i) => ({ username: `u${String(i).padStart(31, '0')}`, password: `${PASSWORD}${i}` }));
    const reply = await h.ok<Imported>('credential.import', { accountId: 'acme', credentialListId, realm: REALM, credentials });
    const events = (await h.store.readStream(`credentialList-${credentialListId}`)).slice(2);
    expect(events.map((e) => (e.data as { credentials: unknown[] }).credentials.length)).toEqual([250, 250, 250, 249]);
    expect(new Set(events.map((e) => e.position.slice(0, -3))).size).toBe(1); // one message: one append
    const bytes = Buffer.byteLength(JSON.stringify(events.map((e) => e.data)));
    console.log(`a full import: ${events.length} events, ${bytes} bytes of data (${Math.round(bytes / 999)} B per credential)`);
    expect(bytes).toBeLessThan(800 * 1024);
    expect(reply.credentials).toHaveLength(999);
    const full = await h.command('credential.import', { accountId: 'acme', credentialListId, realm: REALM, credentials: lines(2, 'more') });
    expect(full).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: [{ field: 'credentials', message: expect.stringMatching(/do not fit/) }] } });
  });

  it('refuses a chunk with bad lines whole, naming each line and field, and writes nothing', async () => {
    const { credentialListId } = await f.credentialList();
    const head = await h.store.headPosition();
    const credentials = [
      { username: 'ok1', password: PASSWORD }, { username: 'bad name', password: PASSWORD }, { username: 'weak', password: 'short' },
      { username: 'both', password: PASSWORD, ha1: md5Ha1('both', PASSWORD) }, { username: 'neither' }, { username: 'hex', ha1: 'xyz' },
      { username: 'extra', password: PASSWORD, colour: 'red' },
    ];
    const reply = await h.command('credential.import', { accountId: 'acme', credentialListId, realm: REALM, credentials });
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.code).toBe('VALIDATION_FAILED');
    expect(reply.error.details?.map((d) => d.field).sort()).toEqual([
      'credentials[1].username', 'credentials[2].password', 'credentials[3].ha1', 'credentials[4].password', 'credentials[5].ha1', 'credentials[6].colour',
    ]);
    expect(JSON.stringify(reply)).not.toContain('short"');
    expect(await h.store.headPosition()).toBe(head);
  });

  it('refuses usernames already in the list or repeated in the import, by line, as CONFLICT / VALIDATION_FAILED', async () => {
    const { credentialListId } = await f.credentialList('acme', 'alice');
    const taken = await h.command('credential.import', { accountId: 'acme', credentialListId, realm: REALM, credentials: [{ username: 'bob', password: PASSWORD }, { username: 'ALICE', password: PASSWORD }] });
    expect(taken).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: [{ field: 'credentials[1].username' }] } });
    const repeated = await h.command('credential.import', { accountId: 'acme', credentialListId, realm: REALM, credentials: [{ username: 'bob', password: PASSWORD }, { username: 'Bob', password: PASSWORD }] });
    expect(repeated).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: [{ field: 'credentials[1].username', message: expect.stringMatching(/credentials\[0\]/) }] } });
  });

  it('refuses a realm other than the service\'s, and an empty or oversized chunk', async () => {
    const { credentialListId } = await f.credentialList();
    const realm = await h.command('credential.import', { accountId: 'acme', credentialListId, realm: 'other.example', credentials: lines(1, 'r') });
    expect(realm).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: [{ field: 'realm', message: expect.stringContaining(REALM) }] } });
    for (const credentials of [[], lines(1001, 'big')]) {
      const reply = await h.command('credential.import', { accountId: 'acme', credentialListId, realm: REALM, credentials });
      expect(reply).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: [{ field: 'credentials' }] } });
    }
  });

  it('answers a retry with the same requestId with the same ids and writes nothing more', async () => {
    const { credentialListId } = await f.credentialList();
    const request = { accountId: 'acme', credentialListId, realm: REALM, credentials: lines(5, 'retry'), requestId: 'import-file-abc-chunk-0' };
    const first = await h.ok<Imported>('credential.import', request);
    const head = await h.store.headPosition();
    const again = await h.ok<Imported>('credential.import', request);
    expect(again.credentials).toEqual(first.credentials);
    expect(await h.store.headPosition()).toBe(head);
  });
});
