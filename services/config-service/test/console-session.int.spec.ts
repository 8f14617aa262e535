/**
 * The two reads the console relies on: GET /v1/me (which token, which accounts) and GET
 * /v1/workers/status (how far the workers have applied the events), against the running services.
 */
import request from 'supertest';
import { derivedTokenName } from '../src/transport/http/api-tokens';
import { startStack, type Stack } from '../../../test/support/stack';
import { startHarness, TOKEN_ACME, TOKEN_ALL, type Harness } from './config-service.harness';

describe('GET /v1/me', () => {
  let h: Harness;
  beforeAll(async () => { h = await startHarness(); });
  afterAll(async () => { await h?.close(); });

  it('names the presented token and the accounts it covers, never the token itself', async () => {
    const res = await request(h.service.httpUrl).get('/v1/me').set('Authorization', `Bearer ${TOKEN_ACME}`).expect(200);
    expect(res.body).toEqual({ name: derivedTokenName(TOKEN_ACME), allAccounts: false, accounts: ['acme'] });
    expect(res.text).not.toContain(TOKEN_ACME);
  });

  it('says that a * token covers every account', async () => {
    const res = await request(h.service.httpUrl).get('/v1/me').set('Authorization', `Bearer ${TOKEN_ALL}`).expect(200);
    expect(res.body).toMatchObject({ allAccounts: true, accounts: [] });
  });

  it('answers a missing or unknown token with 401 problem details', async () => {
    for (const auth of [undefined, 'Bearer not-a-known-token-000000']) {
      const req = request(h.service.httpUrl).get('/v1/me');
      const res = await (auth ? req.set('Authorization', auth) : req).expect(401);
      expect(res.body).toMatchObject({ status: 401, code: 'UNAUTHORIZED' });
    }
  });

  it('answers /v1/workers/status with 503 when no worker runs', async () => {
    const res = await request(h.service.httpUrl).get('/v1/workers/status').set('Authorization', `Bearer ${TOKEN_ALL}`).expect(503);
    expect(res.body).toMatchObject({ code: 'UNAVAILABLE' });
  });
});

describe('GET /v1/workers/status', () => {
  let stack: Stack;
  beforeAll(async () => { stack = await startStack({ prefix: 'cws', env: { CONFIG_API_TOKENS: `ops:${TOKEN_ALL}=*` } }); }, 60_000);
  afterAll(async () => { await stack?.close(); });

  it('reports a position at or past a write once the workers have applied it', async () => {
    const created = await request(stack.configUrl).post('/v1/accounts/acme/ip-access-control-lists')
      .set('Authorization', `Bearer ${TOKEN_ALL}`).send({ friendlyName: 'Office' }).expect(201);
    const written = BigInt(created.headers['sipauth-position']);
    await stack.waitForPosition(written.toString());
    const res = await request(stack.configUrl).get('/v1/workers/status').set('Authorization', `Bearer ${TOKEN_ALL}`).expect(200);
    expect(res.body.ready).toBe(true);
    expect(BigInt(res.body.position)).toBeGreaterThanOrEqual(written);
  });
});
