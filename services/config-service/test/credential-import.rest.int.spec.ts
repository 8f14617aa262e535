import request from 'supertest';
import { PASSWORD, TOKEN_ALL, useConfigService } from './config-service.harness';

describe('credential import over REST (POST …/credential-lists/{id}/credential-imports)', () => {
  const { harness: h, fixtures: f } = useConfigService();
  const api = (): ReturnType<typeof request> => request(h.service.httpUrl);
  const auth = { Authorization: `Bearer ${TOKEN_ALL}` };
  const path = (credentialListId: string) => `/v1/accounts/acme/credential-lists/${credentialListId}/credential-imports`;
  const lines = (n: number) => Array.from({ length: n }, (_, i) => ({ username: `desk${i}`, password: `${PASSWORD}-${i}` }));

  it('answers 200 with an id per line and the position of the write', async () => {
    const { credentialListId } = await f.credentialList();
    const res = await api().post(path(credentialListId)).set(auth).send({ realm: 'sipauth.test', credentials: lines(3) });
    expect(res.status).toBe(200);
    expect(res.headers['sipauth-position']).toMatch(/^\d+$/);
    expect(res.body).toEqual({ credentialListId, md5OnlyCount: 0, credentials: [0, 1, 2].map((index) => ({ index, username: `desk${index}`, credentialId: expect.stringMatching(/^CR[0-9a-f]{32}$/) })) });
  });

  it('accepts a full chunk of 1,000 long lines, above the 64 kB limit of other bodies', async () => {
    const { credentialListId } = await f.credentialList('acme', 'first');
    const credentials = Array.from({ length: 999 }, (_, i) => ({ username: `u${String(i).padStart(31, '0')}`, password: `Aa1${'x'.repeat(120)}${String(i).padStart(5, '0')}` }));
    expect(Buffer.byteLength(JSON.stringify(credentials))).toBeGreaterThan(64 * 1024);
    const res = await api().post(path(credentialListId)).set(auth).send({ realm: 'sipauth.test', credentials });
    expect(res.status).toBe(200);
    expect(res.body.credentials).toHaveLength(999);
  });

  it('refuses a chunk with a problem+json naming every bad line in errors[]', async () => {
    const { credentialListId } = await f.credentialList();
    const res = await api().post(path(credentialListId)).set(auth).send({ realm: 'sipauth.test', credentials: [...lines(17), { username: 'weak', password: 'short' }] });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', errors: [{ field: 'credentials[17].password', message: expect.any(String) }] });
    expect(JSON.stringify(res.body)).not.toContain('short');
  });

  it('answers a resent chunk with the same Idempotency-Key with the same ids, writing nothing', async () => {
    const { credentialListId } = await f.credentialList();
    const send = () => api().post(path(credentialListId)).set({ ...auth, 'Idempotency-Key': 'file-1234-chunk-0' }).send({ realm: 'sipauth.test', credentials: lines(4) });
    const first = await send();
    const head = await h.store.headPosition();
    const again = await send();
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await h.store.headPosition()).toBe(head);
  });
});
