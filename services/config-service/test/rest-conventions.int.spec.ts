/**
 * The REST conventions of SPEC §9, from the outside (supertest and raw sockets against the running
 * service): plain bodies, 201 + Location, 204, positions in headers, problem details, and every kind of
 * bad input of issue 11 with its exact status and problem body.
 */
import { connect as connectTcp } from 'node:net';
import request from 'supertest';
import { configSubject, querySubject } from '@sipauth/contracts';
import { captureLogs, type CapturedLogs } from '@sipauth/logging';
import { startProjectionService, type RunningProjectionService } from '../../projection-service/src/bootstrap';
import { PASSWORD, TOKEN_ALL, useConfigService } from './config-service.harness';

const PROBLEM = /^application\/problem\+json/;
const auth = { Authorization: `Bearer ${TOKEN_ALL}` };
const problem = (status: number, code: string, title: string, detail: string, errors: Array<{ field: string; message: string }> = []) =>
  ({ type: `urn:sipauth:problem:${code.toLowerCase().replace(/_/g, '-')}`, title, status, detail, code, errors });

/** Sends raw bytes and resolves the whole response text once the server answers (and, if it does, closes). */
function rawHttp(url: string, head: string, body: Buffer | string, keepOpen = false): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connectTcp(Number(port), hostname);
    let text = '';
    socket.on('data', (d) => { text += d.toString('latin1'); });
    socket.on('close', () => resolve(text));
    socket.on('error', reject);
    socket.write(head + '\r\n\r\n');
    socket.write(body);
    if (!keepOpen) socket.end();
  });
}

describe('REST conventions (SPEC §9)', () => {
  let projection: RunningProjectionService | undefined;
  afterAll(() => projection?.close());
  // Logs go to memory (from loggers created after this), so that the refusal lines can be read back.
  let logs: CapturedLogs | undefined;
  beforeAll(() => { logs = captureLogs(); });
  afterAll(() => logs?.stop());
  const { harness: h } = useConfigService({ env: { CONFIG_BODY_TIMEOUT_MS: '300', CONFIG_MIN_POSITION_WAIT_MS: '5000', LOG_LEVEL: 'info' } });
  beforeAll(async () => {
    projection = await startProjectionService({ ...h.env, PROJECTION_HTTP_PORT: '0' });
  });
  const api = (): ReturnType<typeof request> => request(h.service.httpUrl);
  const acl = async (friendlyName = 'Office') => (await api().post('/v1/accounts/acme/ip-access-control-lists').set(auth).send({ friendlyName })).body.ipAccessControlListId as string;

  describe('success', () => {
    it('answers a create 201 with Location, the new ids as a plain object and the write position in Sipauth-Position', async () => {
      const created = await api().post('/v1/accounts/acme/credential-lists').set(auth).send({ friendlyName: 'Office', username: 'alice', password: PASSWORD });
      expect(created.status).toBe(201);
      expect(created.body).toEqual({ credentialListId: expect.stringMatching(/^CL[0-9a-f]{32}$/), credentialId: expect.stringMatching(/^CR[0-9a-f]{32}$/) });
      expect(created.headers.location).toBe(`/v1/accounts/acme/credential-lists/${created.body.credentialListId}`);
      expect(created.headers['sipauth-position']).toMatch(/^[1-9]\d*$/);
      expect(created.headers['x-powered-by']).toBeUndefined();
    });

    it('lets a read wait for Sipauth-Min-Position, then answers the plain resource with the read-model position', async () => {
      const created = await api().post('/v1/accounts/acme/credential-lists').set(auth).send({ friendlyName: 'Office', username: 'alice', password: PASSWORD });
      const position = created.headers['sipauth-position'];
      const res = await api().get(created.headers.location).set(auth).set('Sipauth-Min-Position', position);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ credentialListId: created.body.credentialListId, friendlyName: 'Office', credentials: [{ username: 'alice' }] });
      expect(res.body).not.toHaveProperty('ok');
      expect(BigInt(res.headers['sipauth-position'])).toBeGreaterThanOrEqual(BigInt(position));
      const credential = await api().get(`${created.headers.location}/credentials/${created.body.credentialId}`).set(auth);
      expect(credential.body).toEqual({ credentialId: created.body.credentialId, credentialListId: created.body.credentialListId, username: 'alice', createdAt: expect.any(String) });
    });

    it('answers other writes 204 without a body, a delete included, each with Sipauth-Position', async () => {
      const aclId = await acl();
      const renamed = await api().patch(`/v1/accounts/acme/ip-access-control-lists/${aclId}`).set(auth).send({ friendlyName: 'Branch' });
      expect([renamed.status, renamed.text, renamed.headers['sipauth-position']]).toEqual([204, '', expect.stringMatching(/^\d+$/)]);
      const deleted = await api().delete(`/v1/accounts/acme/ip-access-control-lists/${aclId}`).set(auth);
      expect([deleted.status, deleted.text]).toEqual([204, '']);
    });

    it('fetches an IP address alone and changes its friendly name, keeping its range', async () => {
      const aclId = await acl();
      const added = await api().post(`/v1/accounts/acme/ip-access-control-lists/${aclId}/ip-addresses`).set(auth).send({ friendlyName: 'LAN', ipAddress: '10.1.2.3', cidrPrefixLength: 24 });
      expect(added.status).toBe(201);
      const renamed = await api().patch(added.headers.location).set(auth).send({ friendlyName: 'Branch LAN' });
      expect(renamed.status).toBe(204);
      const res = await api().get(added.headers.location).set(auth).set('Sipauth-Min-Position', renamed.headers['sipauth-position']);
      expect(res.body).toEqual({ ipAddressId: added.body.ipAddressId, ipAccessControlListId: aclId, friendlyName: 'Branch LAN', ipAddress: '10.1.2.0', cidrPrefixLength: 24, createdAt: expect.any(String) });
      const events = await h.store.readStream(`ipAcl-${aclId}`);
      expect(events.map((e) => e.type)).toEqual(['IpAccessControlListCreated', 'IpAddressAdded', 'IpAddressRenamed']);
    });

    it('pages a list with pageSize and a Link to the next page, the last page without one', async () => {
      const ids = [await acl('a'), await acl('b'), await acl('c')];
      const position = (await api().post('/v1/accounts/acme/ip-access-control-lists').set(auth).send({ friendlyName: 'd' })).headers['sipauth-position'];
      const seen: string[] = [];
      let next: string | undefined = '/v1/accounts/acme/ip-access-control-lists?pageSize=2';
      for (let pages = 0; next; pages++) {
        expect(pages).toBeLessThan(50);
        const res = await api().get(next).set(auth).set('Sipauth-Min-Position', position);
        expect(res.status).toBe(200);
        expect(res.body.ipAccessControlLists.length).toBeLessThanOrEqual(2);
        seen.push(...res.body.ipAccessControlLists.map((l: { ipAccessControlListId: string }) => l.ipAccessControlListId));
        const link = res.headers.link as string | undefined;
        if (link) {
          expect(link).toMatch(/^<\/v1\/accounts\/acme\/ip-access-control-lists\?pageSize=2&pageToken=[A-Za-z0-9_-]+>; rel="next"$/);
          expect(link).toContain(res.body.nextPageToken);
        } else {
          expect(res.body).not.toHaveProperty('nextPageToken');
        }
        next = link ? /^<([^>]+)>/.exec(link)![1] : undefined;
      }
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toEqual([...seen].sort());
      expect(seen).toEqual(expect.arrayContaining(ids));
    });
  });

  describe('problems', () => {
    it('answers invalid fields 400 with every bad field named', async () => {
      const res = await api().post('/v1/accounts/acme/ip-access-control-lists').set(auth).send({ friendlyName: '', colour: 'red' });
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body).toEqual(problem(400, 'VALIDATION_FAILED', 'Invalid request', 'invalid colour, friendlyName', [
        { field: 'colour', message: 'is not a known field' }, { field: 'friendlyName', message: expect.any(String) },
      ]));
    });

    it('answers a missing token 401, another account 403 and a missing resource 404, each as a problem', async () => {
      const none = await api().get('/v1/accounts/acme/trunks');
      expect(none.body).toEqual(problem(401, 'UNAUTHORIZED', 'Not authorized', 'a valid bearer token is required (Authorization: Bearer <token>)'));
      const other = await api().get('/v1/accounts/globex/trunks').set('Authorization', 'Bearer token-for-acme-only-00000001');
      expect(other.body).toEqual(problem(403, 'UNAUTHORIZED', 'Not authorized', 'this token may not act on account globex'));
      const missing = await api().get(`/v1/accounts/acme/trunks/TK${'0'.repeat(32)}`).set(auth);
      expect(missing.body).toEqual(problem(404, 'NOT_FOUND', 'Not found', `trunk TK${'0'.repeat(32)} not found`, [{ field: 'trunkId', message: 'no such trunk' }]));
    });

    it('authenticates before it looks at the body: no token with a text/plain, malformed or oversized body is 401, never 415/400/413', async () => {
      const unauthorized = problem(401, 'UNAUTHORIZED', 'Not authorized', 'a valid bearer token is required (Authorization: Bearer <token>)');
      const plain = await api().post('/v1/accounts/acme/ip-access-control-lists').set('Content-Type', 'text/plain').send('{"friendlyName":"x"}');
      expect([plain.status, plain.body]).toEqual([401, unauthorized]);
      const malformed = await api().post('/v1/accounts/acme/trunks').set('Authorization', 'Bearer not-a-known-token-0000').set('Content-Type', 'application/json').send('{"friendlyName":');
      expect([malformed.status, malformed.body]).toEqual([401, unauthorized]);
      const text = await rawHttp(h.service.httpUrl, ['POST /v1/accounts/acme/credential-lists HTTP/1.1', 'Host: x', 'Content-Type: application/json', `Content-Length: ${70_000}`, 'Connection: close'].join('\r\n'), 'x'.repeat(70_000));
      expect(text).toMatch(/^HTTP\/1\.1 401 /);
      const wrongMethod = await api().put('/v1/accounts/acme/credential-lists').send({ friendlyName: 'x' });
      expect(wrongMethod.status).toBe(401);
      expect((await api().get('/healthz')).status).toBe(200);
    });

    it.each([
      ['text/plain', 'text/plain', '{"friendlyName":"x"}', 'request bodies must be application/json (got text/plain)'],
      ['a form', 'application/x-www-form-urlencoded', 'friendlyName=x', 'request bodies must be application/json (got application/x-www-form-urlencoded)'],
      ['JSON in another charset', 'application/json; charset=latin1', '{"friendlyName":"x"}', 'the only charset accepted is UTF-8'],
    ])('answers a body sent as %s 415 and writes nothing', async (_what, type, body, detail) => {
      const res = await api().post('/v1/accounts/acme/ip-access-control-lists').set(auth).set('Content-Type', type).send(body);
      expect(res.status).toBe(415);
      expect(res.body).toEqual(problem(415, 'UNSUPPORTED_MEDIA_TYPE', 'Unsupported media type', detail, [{ field: 'Content-Type', message: 'must be application/json (UTF-8)' }]));
    });

    it('answers a body without any Content-Type 415', async () => {
      const text = await rawHttp(h.service.httpUrl, ['POST /v1/accounts/acme/ip-access-control-lists HTTP/1.1', 'Host: x', `Authorization: Bearer ${TOKEN_ALL}`, 'Content-Length: 20', 'Connection: close'].join('\r\n'), '{"friendlyName":"x"}');
      expect(text).toMatch(/^HTTP\/1\.1 415 /);
      expect(JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4))).toEqual(problem(415, 'UNSUPPORTED_MEDIA_TYPE', 'Unsupported media type', 'a request body needs Content-Type: application/json', [{ field: 'Content-Type', message: 'must be application/json (UTF-8)' }]));
    });

    it('answers invalid UTF-8 400 instead of storing U+FFFD, over REST and over NATS', async () => {
      const bytes = Buffer.concat([Buffer.from('{"friendlyName":"Caf'), Buffer.from([0xe9]), Buffer.from('"}')]);
      const head = ['POST /v1/accounts/acme/ip-access-control-lists HTTP/1.1', 'Host: x', `Authorization: Bearer ${TOKEN_ALL}`, 'Content-Type: application/json', `Content-Length: ${bytes.length}`, 'Connection: close'].join('\r\n');
      const text = await rawHttp(h.service.httpUrl, head, bytes);
      expect(text).toMatch(/^HTTP\/1\.1 400 /);
      expect(JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4))).toEqual(problem(400, 'VALIDATION_FAILED', 'Invalid request', 'request body is not valid UTF-8', [{ field: '(body)', message: 'must be valid UTF-8' }]));
      const nats = await h.nc.request(configSubject(h.namespace, 'ip-acl.create'), Buffer.concat([Buffer.from('{"accountId":"utf8","friendlyName":"Caf'), Buffer.from([0xe9]), Buffer.from('"}')]));
      expect(nats.json()).toEqual({ ok: false, error: { code: 'VALIDATION_FAILED', message: 'request body is not valid UTF-8', details: [{ field: '(body)', message: 'must be valid UTF-8' }] } });
      const lists = await h.nc.request(querySubject(h.namespace, 'ip-acl.list'), JSON.stringify({ accountId: 'utf8' }));
      expect(lists.json()).toMatchObject({ ok: true, data: { ipAccessControlLists: [] } });
    });

    it('answers malformed JSON 400 and a body over 64 kB 413', async () => {
      const malformed = await api().post('/v1/accounts/acme/ip-access-control-lists').set(auth).set('Content-Type', 'application/json').send('{"friendlyName":');
      expect(malformed.body).toEqual(problem(400, 'VALIDATION_FAILED', 'Invalid request', 'request body is not valid JSON', [{ field: '(body)', message: 'must be valid JSON' }]));
      const huge = await api().post('/v1/accounts/acme/ip-access-control-lists').set(auth).send({ friendlyName: 'x'.repeat(70_000) }).catch((err) => err.response);
      expect(huge.status).toBe(413);
      expect(huge.body).toEqual(problem(413, 'PAYLOAD_TOO_LARGE', 'Request body too large', 'request body is too large (at most 64 kB)', [{ field: '(body)', message: 'is too large' }]));
    });

    it('answers a method the path lacks 405 with Allow, which names HEAD wherever GET is (HEAD is answered)', async () => {
      const put = await api().put('/v1/accounts/acme/credential-lists').set(auth).send({ friendlyName: 'x' });
      expect(put.status).toBe(405);
      expect(put.headers.allow).toBe('POST, GET, HEAD');
      expect(put.body).toEqual(problem(405, 'METHOD_NOT_ALLOWED', 'Method not allowed', 'PUT is not a method of this path (allowed: POST, GET, HEAD)', [{ field: '(method)', message: 'must be one of POST, GET, HEAD' }]));
      expect((await api().head('/v1/accounts/acme/credential-lists').set(auth)).status).toBe(200);
      const post = await api().post(`/v1/accounts/acme/trunks/TK${'0'.repeat(32)}`).set(auth);
      expect([post.status, post.headers.allow]).toEqual([405, 'GET, PATCH, DELETE, HEAD']);
      expect((await api().get('/v1/accounts/acme/nothing').set(auth)).status).toBe(404);
    });

    it('answers 408 and closes the connection when the body does not arrive in time (CONFIG_BODY_TIMEOUT_MS)', async () => {
      const head = ['POST /v1/accounts/acme/ip-access-control-lists HTTP/1.1', 'Host: x', `Authorization: Bearer ${TOKEN_ALL}`, 'Content-Type: application/json', 'Content-Length: 100'].join('\r\n');
      const text = await rawHttp(h.service.httpUrl, head, '{"friendlyName":', true);
      expect(text).toMatch(/^HTTP\/1\.1 408 /);
      expect(text).toMatch(/\r\nconnection: close\r\n/i);
      expect(JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4))).toEqual(problem(408, 'REQUEST_TIMEOUT', 'Request timeout', 'the request body did not arrive within 0.3 s', [{ field: '(body)', message: 'arrived too slowly' }]));
    });

    it('replays the first outcome for the same Idempotency-Key and body, and answers 422 for another body', async () => {
      const send = (friendlyName: string) => api().post('/v1/accounts/acme/ip-access-control-lists').set(auth).set('Idempotency-Key', 'conventions-1').send({ friendlyName });
      const first = await send('Once');
      const again = await send('Once');
      expect([again.status, again.body, again.headers.location]).toEqual([201, first.body, first.headers.location]);
      const other = await send('Other');
      expect(other.body).toEqual(problem(422, 'IDEMPOTENCY_KEY_REUSED', 'Idempotency-Key reused', 'this requestId (Idempotency-Key) was already used for a different request', [
        { field: 'Idempotency-Key', message: 'was already used for a different request' },
      ]));
      const events = await h.store.readStream(`ipAcl-${first.body.ipAccessControlListId}`);
      expect(events.map((e) => e.data)).toEqual([expect.objectContaining({ friendlyName: 'Once' })]);
    });

    it('names the Idempotency-Key header, not requestId, when the key itself is invalid, and refuses a key that differs from the body\'s requestId', async () => {
      const tooLong = await api().post('/v1/accounts/acme/ip-access-control-lists').set(auth).set('Idempotency-Key', 'k'.repeat(129)).send({ friendlyName: 'Long key' });
      expect(tooLong.body).toEqual(problem(400, 'VALIDATION_FAILED', 'Invalid request', 'invalid Idempotency-Key', [{ field: 'Idempotency-Key', message: 'must be 1 to 128 characters long' }]));
      const both = await api().post('/v1/accounts/acme/ip-access-control-lists').set(auth).set('Idempotency-Key', 'conventions-header').send({ friendlyName: 'Two keys', requestId: 'conventions-body' });
      expect(both.body).toEqual(problem(400, 'VALIDATION_FAILED', 'Invalid request', 'invalid Idempotency-Key', [{ field: 'Idempotency-Key', message: "differs from the body's requestId (send one of them)" }]));
      const same = await api().post('/v1/accounts/acme/ip-access-control-lists').set(auth).set('Idempotency-Key', 'conventions-same').send({ friendlyName: 'One key', requestId: 'conventions-same' });
      expect(same.status).toBe(201);
      const lists = await h.nc.request(querySubject(h.namespace, 'ip-acl.list'), JSON.stringify({ accountId: 'acme', pageSize: 1000 }));
      expect(lists.json<{ data: { ipAccessControlLists: Array<{ friendlyName: string }> } }>().data.ipAccessControlLists.map((l) => l.friendlyName)).not.toContain('Two keys');
    });

    it('logs one line per request refused before any controller (415, bytes not UTF-8, 405), with its code and fields and never the body', async () => {
      const secret = 'Never-Logged-Password-7';
      await api().post('/v1/accounts/acme/credential-lists').set(auth).set('X-Request-Id', 'refused-415').set('Content-Type', 'text/plain').send(`{"password":"${secret}"}`);
      const bytes = Buffer.concat([Buffer.from(`{"password":"${secret}","friendlyName":"Caf`), Buffer.from([0xe9]), Buffer.from('"}')]);
      await rawHttp(h.service.httpUrl, ['POST /v1/accounts/acme/credential-lists HTTP/1.1', 'Host: x', `Authorization: Bearer ${TOKEN_ALL}`, 'X-Request-Id: refused-utf8', 'Content-Type: application/json', `Content-Length: ${bytes.length}`, 'Connection: close'].join('\r\n'), bytes);
      await api().put('/v1/accounts/acme/trunks').set(auth).set('X-Request-Id', 'refused-405').send({ password: secret });
      const refusals = logs!.records().filter((r) => r.event === 'rejected' && String(r.reqId).startsWith('refused-'));
      expect(refusals).toEqual([
        expect.objectContaining({ reqId: 'refused-415', method: 'POST', path: '/v1/accounts/acme/credential-lists', status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', fields: ['Content-Type'] }),
        expect.objectContaining({ reqId: 'refused-utf8', method: 'POST', status: 400, code: 'VALIDATION_FAILED', fields: ['(body)'] }),
        expect.objectContaining({ reqId: 'refused-405', method: 'PUT', path: '/v1/accounts/acme/trunks', status: 405, code: 'METHOD_NOT_ALLOWED', fields: ['(method)'] }),
      ]);
      expect(logs!.lines().filter((l) => l.includes(secret) || l.includes(TOKEN_ALL))).toEqual([]);
    });

    it('refuses over NATS too a requestId reused for another request, with CONFLICT naming requestId (actor aside)', async () => {
      const first = await h.command('ip-acl.create', { accountId: 'acme', friendlyName: 'Nats once', requestId: 'nats-reuse-1', actor: 'alice' });
      expect(first.ok).toBe(true);
      expect(await h.command('ip-acl.create', { accountId: 'acme', friendlyName: 'Nats once', requestId: 'nats-reuse-1', actor: 'bob' })).toEqual(first);
      expect(await h.command('ip-acl.create', { accountId: 'acme', friendlyName: 'Nats twice', requestId: 'nats-reuse-1' })).toEqual({ ok: false, error: {
        code: 'CONFLICT', message: 'this requestId (Idempotency-Key) was already used for a different request', details: [{ field: 'requestId', message: 'was already used for a different request' }],
      } });
    });

    it('answers a bad Sipauth-Min-Position 400 and one the read models do not reach in time 503 with Retry-After', async () => {
      const bad = await api().get('/v1/accounts/acme/trunks').set(auth).set('Sipauth-Min-Position', 'soon');
      expect(bad.body).toEqual(problem(400, 'VALIDATION_FAILED', 'Invalid request', 'invalid Sipauth-Min-Position', [{ field: 'Sipauth-Min-Position', message: 'must be a position (a decimal integer)' }]));
      const far = await api().get('/v1/accounts/acme/trunks').set(auth).set('Sipauth-Min-Position', '99999999999');
      expect([far.status, far.headers['retry-after']]).toEqual([503, '1']);
      expect(far.body).toEqual(problem(503, 'UNAVAILABLE', 'Service unavailable', 'the read models have not reached position 99999999999 within 5000 ms; retry', [{ field: 'Sipauth-Min-Position', message: 'is not reached yet' }]));
    });

    it('answers bad paging parameters and unknown query parameters 400 naming them', async () => {
      const size = await api().get('/v1/accounts/acme/trunks?pageSize=0').set(auth);
      expect(size.body).toEqual(problem(400, 'VALIDATION_FAILED', 'Invalid request', 'invalid pageSize', [{ field: 'pageSize', message: 'must be an integer from 1 to 1000' }]));
      const big = await api().get('/v1/accounts/acme/trunks?pageSize=1001').set(auth);
      expect(big.body.errors).toEqual([{ field: 'pageSize', message: 'must be an integer from 1 to 1000' }]);
      const token = await api().get('/v1/accounts/acme/trunks?pageToken=not-ours').set(auth);
      expect(token.body).toEqual(problem(400, 'VALIDATION_FAILED', 'Invalid request', 'invalid pageToken', [{ field: 'pageToken', message: "is not a page token of this service (use a list reply's nextPageToken)" }]));
      const unknown = await api().get(`/v1/accounts/acme/trunks/TK${'0'.repeat(32)}?verbose=1`).set(auth);
      expect(unknown.body).toEqual(problem(400, 'VALIDATION_FAILED', 'Invalid request', 'invalid verbose', [{ field: 'verbose', message: 'is not a query parameter of this path' }]));
    });

    it("refuses an actor in a REST body (it is the token's name) and an id the path already gives", async () => {
      const actor = await api().post('/v1/accounts/acme/ip-access-control-lists').set(auth).send({ friendlyName: 'x', actor: 'someone-else' });
      expect(actor.body).toEqual(problem(400, 'VALIDATION_FAILED', 'Invalid request', 'invalid actor', [{ field: 'actor', message: "is the bearer token's name over REST and must not be in the body" }]));
      const clash = await api().post('/v1/accounts/acme/ip-access-control-lists').set(auth).send({ friendlyName: 'x', accountId: 'globex' });
      expect(clash.body).toEqual(problem(400, 'VALIDATION_FAILED', 'Invalid request', 'invalid accountId', [{ field: 'accountId', message: 'is given by the URL path and must not be repeated' }]));
    });

    it('answers a delete of an assigned list 409 naming the trunk in errors', async () => {
      const aclId = await acl();
      const trunk = await api().post('/v1/accounts/acme/trunks').set(auth).send({ friendlyName: 'Main', domainName: `c${Date.now()}.pstn.example.net` });
      expect((await api().post(`/v1/accounts/acme/trunks/${trunk.body.trunkId}/ip-access-control-lists`).set(auth).send({ listId: aclId })).status).toBe(204);
      const refused = await api().delete(`/v1/accounts/acme/ip-access-control-lists/${aclId}`).set(auth);
      expect(refused.body).toEqual(problem(409, 'CONFLICT', 'Conflict', expect.any(String), [{ field: 'trunkId', message: trunk.body.trunkId }]));
    });

    it('answers test-call and lockouts 503 when no sip-auth-worker answers', async () => {
      const trunk = await api().post('/v1/accounts/acme/trunks').set(auth).send({ friendlyName: 'Main', domainName: `w${Date.now()}.pstn.example.net` });
      const base = `/v1/accounts/acme/trunks/${trunk.body.trunkId}`;
      await api().get(base).set(auth).set('Sipauth-Min-Position', trunk.headers['sipauth-position']);
      const call = await api().post(`${base}/test-call`).set(auth).send({ sourceIp: '203.0.113.9' });
      expect([call.status, call.headers['retry-after']]).toEqual([503, '1']);
      expect(call.body).toEqual(problem(503, 'UNAVAILABLE', 'Service unavailable', 'no sip-auth-worker answered auth.explain; retry'));
      expect((await api().get(`${base}/lockouts`).set(auth)).body.detail).toBe('no sip-auth-worker answered auth.lockouts.list; retry');
      expect((await api().delete(`${base}/lockouts/203.0.113.9`).set(auth)).status).toBe(503);
    });
  });
});
