import request from 'supertest';
import { PASSWORD, TOKEN_ACME, TOKEN_ALL, useConfigService } from './config-service.harness';

describe('config-service REST API', () => {
  const { harness: h } = useConfigService();
  const api = (): ReturnType<typeof request> => request(h.service.httpUrl);
  const auth = { Authorization: `Bearer ${TOKEN_ALL}` };

  it('refuses a request without a token or with an unknown token with 401', async () => {
    const none = await api().get('/v1/accounts/acme/trunks');
    expect(none.status).toBe(401);
    expect(none.body).toMatchObject({ status: 401, code: 'UNAUTHORIZED' });
    const wrong = await api().get('/v1/accounts/acme/trunks').set('Authorization', 'Bearer not-a-known-token-000');
    expect(wrong.status).toBe(401);
  });

  it("refuses a token on another account's path with 403", async () => {
    const res = await api().post('/v1/accounts/globex/ip-access-control-lists').set('Authorization', `Bearer ${TOKEN_ACME}`).send({ friendlyName: 'x' });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ status: 403, code: 'UNAUTHORIZED' });
    const own = await api().post('/v1/accounts/acme/ip-access-control-lists').set('Authorization', `Bearer ${TOKEN_ACME}`).send({ friendlyName: 'x' });
    expect(own.status).toBe(201);
  });

  it('manages a credential list through its resources', async () => {
    const created = await api().post('/v1/accounts/acme/credential-lists').set(auth).send({ friendlyName: 'Office', username: 'alice', password: PASSWORD });
    expect(created.status).toBe(201);
    const { credentialListId, credentialId } = created.body;
    const base = `/v1/accounts/acme/credential-lists/${credentialListId}`;
    expect((await api().patch(base).set(auth).send({ friendlyName: 'Renamed' })).status).toBe(204);
    const added = await api().post(`${base}/credentials`).set(auth).send({ username: 'bob', password: PASSWORD });
    expect(added.status).toBe(201);
    expect((await api().patch(`${base}/credentials/${credentialId}`).set(auth).send({ password: 'Changed-Passw0rd' })).status).toBe(204);
    expect((await api().delete(`${base}/credentials/${added.body.credentialId}`).set(auth)).status).toBe(204);
    expect((await api().delete(base).set(auth)).status).toBe(204);
    const gone = await api().patch(base).set(auth).send({ friendlyName: 'Again' });
    expect(gone.status).toBe(404);
    expect(gone.body).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });

  it('answers invalid input with 400 and every bad field, and malformed JSON with 400', async () => {
    const invalid = await api().post('/v1/accounts/acme/credential-lists').set(auth).send({ friendlyName: '', username: 'a b', password: 'x', extra: 1 });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors.map((d: { field: string }) => d.field).sort()).toEqual(['extra', 'friendlyName', 'password', 'username']);
    const malformed = await api().post('/v1/accounts/acme/ip-access-control-lists').set(auth).set('Content-Type', 'application/json').send('{"friendlyName":');
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    const array = await api().post('/v1/accounts/acme/ip-access-control-lists').set(auth).send([1]);
    expect(array.status).toBe(400);
    const clash = await api().post('/v1/accounts/acme/ip-access-control-lists').set(auth).send({ accountId: 'globex', friendlyName: 'x' });
    expect(clash.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'accountId' }] });
  });

  it('assigns lists to a trunk, refuses deleting an assigned list with 409, and unassigns', async () => {
    const trunk = await api().post('/v1/accounts/acme/trunks').set(auth).send({ friendlyName: 'Main', domainName: `r${Date.now()}.pstn.example.net` });
    expect(trunk.status).toBe(201);
    const { trunkId } = trunk.body;
    const acl = await api().post('/v1/accounts/acme/ip-access-control-lists').set(auth).send({ friendlyName: 'Office' });
    const aclId = acl.body.ipAccessControlListId;
    expect((await api().post(`/v1/accounts/acme/ip-access-control-lists/${aclId}/ip-addresses`).set(auth).send({ friendlyName: 'x', ipAddress: '192.0.2.0/24' })).status).toBe(201);
    expect((await api().post(`/v1/accounts/acme/trunks/${trunkId}/ip-access-control-lists`).set(auth).send({ listId: aclId })).status).toBe(204);
    const refused = await api().delete(`/v1/accounts/acme/ip-access-control-lists/${aclId}`).set(auth);
    expect(refused.status).toBe(409);
    expect(refused.body.errors).toEqual([{ field: 'trunkId', message: trunkId }]);
    expect((await api().put(`/v1/accounts/acme/trunks/${trunkId}/digest-algorithms`).set(auth).send({ algorithms: ['SHA-256'] })).status).toBe(204);
    expect((await api().delete(`/v1/accounts/acme/trunks/${trunkId}/ip-access-control-lists/${aclId}`).set(auth)).status).toBe(204);
    expect((await api().patch(`/v1/accounts/acme/trunks/${trunkId}`).set(auth).send({ friendlyName: 'Renamed' })).status).toBe(204);
    expect((await api().delete(`/v1/accounts/acme/trunks/${trunkId}`).set(auth)).status).toBe(204);
  });

  it("answers another account's resource with 404 and a taken domain with 409", async () => {
    const domainName = `x${Date.now()}.pstn.example.net`;
    const trunk = await api().post('/v1/accounts/acme/trunks').set(auth).send({ friendlyName: 'Main', domainName });
    const theirs = await api().patch(`/v1/accounts/globex/trunks/${trunk.body.trunkId}`).set(auth).send({ friendlyName: 'Mine' });
    expect(theirs.status).toBe(404);
    const taken = await api().post('/v1/accounts/globex/trunks').set(auth).send({ friendlyName: 'Theirs', domainName });
    expect(taken.status).toBe(409);
  });

  it('replays the first reply for a retry with the same Idempotency-Key', async () => {
    const send = () => api().post('/v1/accounts/acme/ip-access-control-lists').set(auth).set('Idempotency-Key', 'rest-retry-1').send({ friendlyName: 'Once' });
    const first = await send();
    const second = await send();
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
  });

  it('serves the OpenAPI document at /docs-json and the UI at /docs', async () => {
    const doc = await api().get('/docs-json');
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining([
      '/v1/accounts/{accountId}/credential-lists', '/v1/accounts/{accountId}/credential-lists/{credentialListId}/credentials/{credentialId}',
      '/v1/accounts/{accountId}/trunks/{trunkId}/digest-algorithms', '/v1/accounts/{accountId}/trunks/{trunkId}/ip-access-control-lists/{listId}',
    ]));
    expect(doc.body.components.securitySchemes).toHaveProperty('bearer');
    expect((await api().get('/docs')).status).toBe(200);
  });

  it('answers the liveness and readiness probes without a token, and keeps them out of the OpenAPI document', async () => {
    expect((await api().get('/healthz')).status).toBe(200);
    const ready = await api().get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ ready: true });
    expect((await api().get('/healthz')).body).toEqual({ status: 'ok' });
    const doc = await api().get('/docs-json');
    expect(Object.keys(doc.body.paths)).not.toContain('/readyz');
  });

  it('answers an unknown path with 404 as a problem', async () => {
    const res = await api().get('/v1/nothing-here').set(auth);
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 404, code: 'NOT_FOUND', detail: 'no such resource path', errors: [] });
  });
});
