/**
 * The OpenAPI document is a valid OpenAPI 3 document (swagger-parser), describes the bearer token as
 * opaque, gives every response a schema and every error the problem schema, and is TRUE: every
 * documented success response, and the error statuses, are produced for real by the running stack
 * (config-service, projection-service and a sip-auth-worker) and checked against their schemas.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import request from 'supertest';
import { startStack, type Stack } from '../../../test/support/stack';
import { PASSWORD, TOKEN_ACME, TOKEN_ALL } from './config-service.harness';
import { OpenApiResponses } from './openapi-responses';

const auth = { Authorization: `Bearer ${TOKEN_ALL}` };

/**
 * Validates a document with @apidevtools/swagger-parser, which is ESM only: run in a child node
 * process (Jest here loads CommonJS). Resolves the parser's error message, or undefined when valid.
 */
function swaggerParserProblem(doc: object): string | undefined {
  const script = "import SwaggerParser from '@apidevtools/swagger-parser'; import { readFileSync } from 'node:fs';"
    + ' try { await SwaggerParser.validate(JSON.parse(readFileSync(0, "utf8"))); } catch (err) { console.error(err.message); process.exit(1); }';
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { input: JSON.stringify(doc), cwd: join(__dirname, '..', '..', '..'), encoding: 'utf8' });
  return run.status === 0 ? undefined : run.stderr || `exit ${run.status}`;
}

describe('the OpenAPI document of the REST API', () => {
  let stack: Stack;
  let doc: any;
  let responses: OpenApiResponses;
  beforeAll(async () => {
    stack = await startStack({ prefix: 'oa', env: { CONFIG_API_TOKENS: `ops:${TOKEN_ALL}=*,acme:${TOKEN_ACME}=acme`, CONFIG_MIN_POSITION_WAIT_MS: '300' } });
    doc = (await request(stack.configUrl).get('/docs-json')).body;
    responses = new OpenApiResponses(doc);
  }, 60_000);
  afterAll(() => stack?.close());

  /** Sends a request and checks its response against the document. */
  const call = async (method: 'get' | 'post' | 'put' | 'patch' | 'delete', url: string, body?: object, headers: Record<string, string> = auth) => {
    let req = request(stack.configUrl)[method](url).set(headers);
    if (body !== undefined) req = req.send(body);
    return responses.check(method.toUpperCase(), url, await req);
  };

  it('is a valid OpenAPI 3 document', async () => {
    expect(swaggerParserProblem(doc)).toBeUndefined();
    expect(doc.openapi).toMatch(/^3\./);
    expect(swaggerParserProblem({ ...doc, paths: { '/x': { get: { responses: { 200: { $ref: '#/components/responses/none' } } } } } })).toMatch(/none|resolve|Error/i);
  });

  it('describes the bearer token as an opaque token, not a JWT', () => {
    expect(doc.components.securitySchemes.bearer).toEqual({ type: 'http', scheme: 'bearer', description: expect.stringContaining('opaque') });
  });

  it('gives every response of the account routes a body schema or none (204), and every error the problem schema', () => {
    for (const [path, item] of Object.entries<any>(doc.paths).filter(([p]) => p.startsWith('/v1/accounts/'))) {
      for (const [method, op] of Object.entries<any>(item)) {
        for (const [status, response] of Object.entries<any>(op.responses)) {
          const where = `${method} ${path} ${status}`;
          if (status === '204') expect([where, response.content]).toEqual([where, undefined]);
          else if (Number(status) >= 400) expect([where, response.content]).toEqual([where, { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemBody' } } }]);
          else expect([where, Object.keys(response.content ?? {})]).toEqual([where, ['application/json']]);
        }
      }
    }
  });

  it('has a response check that fails on a body, content type or header the document does not promise', () => {
    const url = `/v1/accounts/acme/trunks/TK${'0'.repeat(32)}`;
    const fake = (status: number, headers: Record<string, string>, body: unknown) => ({ status, headers, body, text: JSON.stringify(body) }) as never;
    expect(() => responses.check('GET', url, fake(200, { 'content-type': 'application/json', 'sipauth-position': '1' }, { trunkId: 7 }))).toThrow(/does not match its schema/);
    expect(() => responses.check('GET', url, fake(404, { 'content-type': 'application/json' }, {}))).toThrow(/content-type/);
    expect(() => responses.check('PATCH', url, { status: 204, headers: {}, body: {}, text: '' } as never)).toThrow(/Sipauth-Position is missing/);
    expect(() => responses.check('GET', url, fake(418, {}, {}))).toThrow(/not a documented response/);
  });

  it('matches real responses: every documented success response and the error statuses', async () => {
    const a = '/v1/accounts/acme';
    // Credential lists and credentials.
    const list = await call('post', `${a}/credential-lists`, { friendlyName: 'Office', username: 'alice', password: PASSWORD });
    await call('post', `${a}/credential-lists`, { friendlyName: 'Branch', username: 'bob', password: PASSWORD });
    const cl = list.headers.location;
    const added = await call('post', `${cl}/credentials`, { username: 'carol', password: PASSWORD });
    const min = { ...auth, 'Sipauth-Min-Position': added.headers['sipauth-position'] };
    expect((await call('get', `${a}/credential-lists?pageSize=1`, undefined, min)).headers.link).toBeDefined();
    await call('get', cl, undefined, min);
    expect((await call('get', `${cl}/credentials?pageSize=1`, undefined, min)).body.nextPageToken).toBeDefined();
    await call('get', added.headers.location, undefined, min);
    await call('post', `${cl}/credential-imports`, { realm: 'sipauth.test', credentials: [{ username: 'dave', password: PASSWORD }, { username: 'erin', ha1: 'a'.repeat(32) }] });
    await call('patch', cl, { friendlyName: 'Head office' });
    const changed = await call('patch', added.headers.location, { password: 'Another-Passw0rd', previousPasswordValidForSeconds: 3600 });
    const overlapping = await call('get', added.headers.location, undefined, { ...auth, 'Sipauth-Min-Position': changed.headers['sipauth-position'] });
    expect(overlapping.body.previousPasswordValidUntil).toEqual(expect.any(String));
    // IP ACLs and addresses.
    const acl = await call('post', `${a}/ip-access-control-lists`, { friendlyName: 'Office' });
    const address = await call('post', `${acl.headers.location}/ip-addresses`, { friendlyName: 'LAN', ipAddress: '198.51.100.0', cidrPrefixLength: 24 });
    await call('patch', address.headers.location, { friendlyName: 'Branch LAN' });
    const aclMin = { ...auth, 'Sipauth-Min-Position': address.headers['sipauth-position'] };
    await call('get', `${a}/ip-access-control-lists`, undefined, aclMin);
    await call('get', acl.headers.location, undefined, aclMin);
    await call('get', `${acl.headers.location}/ip-addresses`, undefined, aclMin);
    await call('get', address.headers.location, undefined, aclMin);
    await call('patch', acl.headers.location, { friendlyName: 'Branch' });
    // Trunks, assignments, policy, test call and lockouts (answered by the worker).
    const trunk = await call('post', `${a}/trunks`, { friendlyName: 'Main', domainName: `oa${Date.now()}.pstn.example.net` });
    const tk = trunk.headers.location;
    await call('post', `${tk}/credential-lists`, { listId: list.body.credentialListId });
    await call('post', `${tk}/ip-access-control-lists`, { listId: acl.body.ipAccessControlListId });
    await call('put', `${tk}/digest-algorithms`, { algorithms: ['MD5', 'SHA-256'] });
    const policy = await call('put', `${tk}/lockout-policy`, { enabled: true, maxFailures: 5 });
    await stack.waitForPosition(policy.headers['sipauth-position']);
    const trunkMin = { ...auth, 'Sipauth-Min-Position': policy.headers['sipauth-position'] };
    expect((await call('get', tk, undefined, trunkMin)).body.lockoutPolicy).toEqual({ enabled: true, maxFailures: 5, windowSeconds: 60, lockoutSeconds: 300 });
    await call('get', `${a}/trunks`, undefined, trunkMin);
    const test = await call('post', `${tk}/test-call`, { sourceIp: '198.51.100.7', username: 'alice', password: PASSWORD });
    expect(test.body.steps[0]).toMatchObject({ step: 'trunk' });
    expect(JSON.stringify(test.body)).not.toContain(PASSWORD);
    responses.check('POST', `${tk}/test-call`, await request(stack.configUrl).post(`${tk}/test-call`).set(auth).set('Content-Type', 'text/plain').send('x'));
    expect((await call('get', `${tk}/lockouts`)).body).toEqual({ lockouts: [] });
    expect((await call('delete', `${tk}/lockouts`)).body).toEqual({ cleared: 0 });
    await call('delete', `${tk}/lockouts/198.51.100.9`);
    await call('patch', tk, { friendlyName: 'Primary' });
    expect((await call('get', `${a}/history?resourceId=${list.body.credentialListId}&pageSize=2`)).body.events).toHaveLength(2);
    expect((await call('get', `${a}/history?pageSize=3&resourceId=${list.body.credentialListId}`)).body.events).toHaveLength(3);
    // Errors, each against the problem schema.
    await call('post', `${a}/trunks`, { friendlyName: '' });
    await call('get', `${a}/trunks`, undefined, {});
    await call('get', '/v1/accounts/globex/trunks', undefined, { Authorization: `Bearer ${TOKEN_ACME}` });
    await call('get', `${a}/trunks/TK${'0'.repeat(32)}`);
    await call('delete', acl.headers.location);
    await call('post', `${a}/ip-access-control-lists`, { friendlyName: 'x'.repeat(70_000) }).catch(() => undefined);
    responses.check('POST', `${a}/ip-access-control-lists`, await request(stack.configUrl).post(`${a}/ip-access-control-lists`).set(auth).set('Content-Type', 'text/plain').send('x'));
    await call('post', `${a}/ip-access-control-lists`, { friendlyName: 'One' }, { ...auth, 'Idempotency-Key': 'oa-1' });
    await call('post', `${a}/ip-access-control-lists`, { friendlyName: 'Two' }, { ...auth, 'Idempotency-Key': 'oa-1' });
    await call('get', `${a}/trunks`, undefined, { ...auth, 'Sipauth-Min-Position': '99999999999' });
    // Removals last.
    await call('delete', `${tk}/credential-lists/${list.body.credentialListId}`);
    await call('delete', `${tk}/ip-access-control-lists/${acl.body.ipAccessControlListId}`);
    await call('delete', address.headers.location);
    await call('delete', added.headers.location);
    await call('delete', tk);
    await call('delete', cl);
    await call('delete', acl.headers.location);

    const unchecked = responses.documented((s) => s >= 200 && s < 300).filter((r) => r.includes('/v1/accounts/') && !responses.checked.has(r));
    expect(unchecked).toEqual([]);
    const problemStatuses = new Set([...responses.checked].map((r) => Number(r.split(' ')[2])).filter((s) => s >= 400));
    expect([...problemStatuses].sort()).toEqual(expect.arrayContaining([400, 401, 403, 404, 409, 413, 415, 422, 503]));
  }, 60_000);
});
