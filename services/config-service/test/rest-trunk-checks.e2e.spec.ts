/**
 * Issue 9 over REST against the running stack (config-service, projection-service, a sip-auth-worker):
 * a trunk's lockout policy, the overlap of a password change, a test call through the real decision
 * engine, and the lockouts a worker holds, listed and cleared. The independent digest client makes the
 * failed attempts.
 */
import request from 'supertest';
import { answerChallenge, parseChallengeHeader } from '../../../test/support/digest-client';
import { startStack, waitFor, type Stack } from '../../../test/support/stack';
import { PASSWORD, TOKEN_ALL } from './config-service.harness';

const auth = { Authorization: `Bearer ${TOKEN_ALL}` };
const ATTACKER = '203.0.113.66';

describe('issue 9 REST routes against the running stack', () => {
  let stack: Stack;
  let base: string;
  let domain: string;
  let credentialUrl: string;
  const api = () => request(stack.configUrl);

  beforeAll(async () => {
    stack = await startStack({ prefix: 'rtc', env: { CONFIG_API_TOKENS: `ops:${TOKEN_ALL}=*` } });
    domain = `rtc${Date.now()}.pstn.example.net`;
    const list = await api().post('/v1/accounts/acme/credential-lists').set(auth).send({ friendlyName: 'Office', username: 'alice', password: PASSWORD });
    credentialUrl = `${list.headers.location}/credentials/${list.body.credentialId}`;
    const trunk = await api().post('/v1/accounts/acme/trunks').set(auth).send({ friendlyName: 'Main', domainName: domain });
    base = trunk.headers.location;
    const assigned = await api().post(`${base}/credential-lists`).set(auth).send({ listId: list.body.credentialListId });
    expect(assigned.status).toBe(204);
    await stack.waitForPosition(assigned.headers['sipauth-position']);
  }, 60_000);
  afterAll(() => stack?.close());

  it('sets the lockout policy with PUT and shows the effective policy on the trunk', async () => {
    const put = await api().put(`${base}/lockout-policy`).set(auth).send({ enabled: true, maxFailures: 3 });
    expect(put.status).toBe(204);
    await stack.waitForPosition(put.headers['sipauth-position']);
    const trunk = await api().get(base).set(auth).set('Sipauth-Min-Position', put.headers['sipauth-position']);
    expect(trunk.body).toMatchObject({ lockoutPolicy: { enabled: true, maxFailures: 3, windowSeconds: 60, lockoutSeconds: 300 }, digestAlgorithms: ['MD5', 'SHA-256'] });
    const bad = await api().put(`${base}/lockout-policy`).set(auth).send({ enabled: 'yes', maxFailures: 0 });
    expect([bad.status, bad.body.errors.map((e: { field: string }) => e.field).sort()]).toEqual([400, ['enabled', 'maxFailures']]);
  });

  it('lists a locked-out source with GET …/lockouts and clears it with DELETE …/lockouts/{sourceIp}', async () => {
    const invite = { domain, sourceIp: ATTACKER, method: 'INVITE', requestUri: `sip:1000@${domain}` };
    for (let i = 0; i < 3; i++) {
      const challenge = parseChallengeHeader((await stack.authorize(invite)).proxyAuthenticate![0]);
      const decision = await stack.authorize({ ...invite, authorization: answerChallenge(challenge, { username: 'alice', password: `Wrong-guess-${i}A`, method: 'INVITE', uri: invite.requestUri }) });
      expect(decision.decision).toBe('deny');
    }
    await waitFor(async () => (await api().get(`${base}/lockouts`).set(auth)).body.lockouts?.length === 1, 'the lockout to be listed');
    const listed = await api().get(`${base}/lockouts`).set(auth);
    expect(listed.body).toEqual({ lockouts: [{ trunkId: base.split('/').pop(), sourceIp: ATTACKER, lockedAt: expect.any(String), expiresAt: expect.any(String), failures: expect.any(Number) }] });
    expect((await stack.authorize(invite)).reason).toBe('locked-out');
    const cleared = await api().delete(`${base}/lockouts/${ATTACKER}`).set(auth);
    expect([cleared.status, cleared.body]).toEqual([200, { cleared: 1 }]);
    await waitFor(async () => (await stack.authorize(invite)).decision === 'challenge', 'the source to be challenged again');
  });

  it('tests a call with POST …/test-call: the steps of the real engine, never the password', async () => {
    const res = await api().post(`${base}/test-call`).set(auth).send({ sourceIp: '198.51.100.7', username: 'alice', password: PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ decision: 'allow', steps: expect.arrayContaining([expect.objectContaining({ step: 'trunk' }), expect.objectContaining({ step: 'verification' })]) });
    expect(JSON.stringify(res.body)).not.toContain(PASSWORD);
    const refused = await api().post(`${base}/test-call`).set(auth).send({ sourceIp: '198.51.100.7', domain: 'other.example.net' });
    expect(refused.body).toMatchObject({ status: 400, errors: [{ field: 'domain', message: "is the trunk's and must not be in the body" }] });
    const missing = await api().post(`/v1/accounts/acme/trunks/TK${'0'.repeat(32)}/test-call`).set(auth).send({ sourceIp: '198.51.100.7' });
    expect(missing.body).toMatchObject({ status: 404, code: 'NOT_FOUND', errors: [{ field: 'trunkId' }] });
  });

  it("answers a test call over the worker's explain rate limit 429 with Retry-After, not 409", async () => {
    // The worker serves a burst of 10, then 1 a second: asking back to back soon empties its bucket.
    const answers: Array<{ status: number; headers: Record<string, string>; body: Record<string, unknown> }> = [];
    for (let i = 0; i < 100 && !answers.some((a) => a.status !== 200); i++) {
      answers.push(await api().post(`${base}/test-call`).set(auth).send({ sourceIp: '198.51.100.8' }));
    }
    const refused = answers[answers.length - 1];
    expect(answers.slice(0, -1).every((a) => a.status === 200)).toBe(true);
    expect([refused.status, refused.headers['retry-after']]).toEqual([429, '1']);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toEqual({
      type: 'urn:sipauth:problem:too-many-requests', title: 'Too many requests', status: 429, code: 'TOO_MANY_REQUESTS', errors: [],
      detail: expect.stringMatching(/^too many test calls: the sip-auth-workers' rate limit is reached \(auth\.explain is limited to 10 requests/),
    });
  });

  it('changes a password keeping the previous one valid for a while, and shows until when', async () => {
    const changed = await api().patch(credentialUrl).set(auth).send({ password: 'Second-Horse-7-Battery', previousPasswordValidForSeconds: 600 });
    expect(changed.status).toBe(204);
    const credential = await api().get(credentialUrl).set(auth).set('Sipauth-Min-Position', changed.headers['sipauth-position']);
    const until = Date.parse(credential.body.previousPasswordValidUntil);
    expect(until).toBeGreaterThan(Date.now() + 500_000);
    const bad = await api().patch(credentialUrl).set(auth).send({ password: 'Third-Horse-7-Battery', previousPasswordValidForSeconds: 604_801 });
    expect(bad.body).toMatchObject({ status: 400, errors: [{ field: 'previousPasswordValidForSeconds' }] });
  });
});
