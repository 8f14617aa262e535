/**
 * Issue 11: every log line of a whole-stack run (config-service, projection-service, a worker) is
 * captured in this process at LOG_LEVEL=debug and searched for every password the run used, the
 * plain HA1s, the bearer token and the digest responses: none may appear. The run goes through NATS
 * and REST, good and bad input, allowed and refused calls, then stops everything (stop lines included).
 */
import { createHash } from 'node:crypto';
import request from 'supertest';
import { authSubject } from '@sipauth/contracts';
import { captureLogs, type CapturedLogs } from '@sipauth/logging';
import { answerChallenge, parseChallengeHeader } from '../support/digest-client';
import { startStack, type Stack } from '../support/stack';

const TOKEN = 'log-test-token-0123456789abcdef';
const PASSWORDS = { first: 'Log-Secret-One-11', added: 'Log-Secret-Two-22', changed: 'Log-Secret-Three-33', rest: 'Log-Secret-Rest-44', wrong: 'Log-Wrong-Guess-55', short: 'Sh0rtPw' };
const DOMAIN = 'logs.acme.example.net';
const URI = `sip:+15550100@${DOMAIN}`;
const invite = { domain: DOMAIN, sourceIp: '198.51.100.7', method: 'INVITE', requestUri: URI };

describe('logs of a whole run', () => {
  let logs: CapturedLogs;
  let stack: Stack | undefined;
  const secrets: string[] = [TOKEN, ...Object.values(PASSWORDS)];

  beforeAll(async () => {
    logs = captureLogs();
    stack = await startStack({ env: { LOG_LEVEL: 'debug', CONFIG_API_TOKENS: `log-runner:${TOKEN}=*` } });
  }, 60_000);
  afterAll(async () => {
    await stack?.close();
    logs.stop();
  });

  it('carry who did what, and never a password, HA1, token or digest response', async () => {
    const s = stack!;
    const list = await s.apply<{ credentialListId: string; credentialId: string }>('credential-list.create', { accountId: 'acme', friendlyName: 'Office', username: 'alice', password: PASSWORDS.first, actor: 'nats-operator' });
    const bob = await s.apply<{ credentialId: string }>('credential.add', { accountId: 'acme', credentialListId: list.credentialListId, username: 'bob', password: PASSWORDS.added });
    await s.apply('credential.change-password', { accountId: 'acme', credentialListId: list.credentialListId, credentialId: bob.credentialId, password: PASSWORDS.changed });
    expect((await s.send('credential.add', { accountId: 'acme', credentialListId: list.credentialListId, username: 'carol', password: PASSWORDS.short })).ok).toBe(false);
    const { trunkId } = await s.apply<{ trunkId: string }>('trunk.create', { accountId: 'acme', friendlyName: 'Main', domainName: DOMAIN });
    await s.apply('trunk.assign', { accountId: 'acme', trunkId, listKind: 'credentialList', listId: list.credentialListId });

    const rest = request(s.configUrl);
    const auth = { Authorization: `Bearer ${TOKEN}` };
    const created = await rest.post('/v1/accounts/acme/credential-lists').set(auth).set('X-Request-Id', 'log-req-1').send({ friendlyName: 'REST', username: 'dave', password: PASSWORDS.rest });
    expect(created.status).toBe(201);
    await rest.post('/v1/accounts/acme/credential-lists').set(auth).send({ friendlyName: 'Bad', username: 'eve', password: PASSWORDS.short }).expect(400);
    await rest.get('/v1/accounts/acme/trunks').set({ Authorization: `Bearer ${TOKEN}x` }).expect(401);
    await rest.get(`/v1/accounts/acme/history?resourceId=${list.credentialListId}`).set(auth).expect(200);

    const challenge = parseChallengeHeader((await s.authorize(invite)).proxyAuthenticate![0]);
    const good = answerChallenge(challenge, { username: 'alice', password: PASSWORDS.first, method: 'INVITE', uri: URI });
    expect((await s.authorize({ ...invite, authorization: good })).decision).toBe('allow');
    const bad = answerChallenge(parseChallengeHeader((await s.authorize(invite)).proxyAuthenticate![0]), { username: 'alice', password: PASSWORDS.wrong, method: 'INVITE', uri: URI });
    expect((await s.authorize({ ...invite, authorization: bad })).decision).toBe('deny');
    await s.nc.request(authSubject(s.namespace, 'explain'), JSON.stringify({ domain: DOMAIN, sourceIp: '198.51.100.7', username: 'alice', password: PASSWORDS.first }), { timeout: 10_000 });
    for (const header of [good, bad]) secrets.push(/response="?([0-9a-f]+)/.exec(header)![1]);
    for (const [user, pw] of [['alice', PASSWORDS.first], ['bob', PASSWORDS.added], ['bob', PASSWORDS.changed], ['dave', PASSWORDS.rest]]) {
      for (const algorithm of ['md5', 'sha256', 'sha512-256']) secrets.push(createHash(algorithm).update(`${user}:sipauth.test:${pw}`).digest('hex'));
    }
    await s.close();
    stack = undefined;

    const lines = logs.lines();
    const records = logs.records();
    expect(lines.length).toBeGreaterThan(20);
    for (const secret of secrets) {
      const leaking = lines.filter((l) => l.includes(secret));
      expect({ secret: secret.slice(0, 4), leaking }).toEqual({ secret: secret.slice(0, 4), leaking: [] });
    }
    const commands = records.filter((r) => typeof r.command === 'string');
    expect(commands).toEqual(expect.arrayContaining([
      expect.objectContaining({ command: 'credential-list.create', actor: 'nats-operator', accountId: 'acme', outcome: 'ok', position: expect.any(String), ms: expect.any(Number) }),
      expect.objectContaining({ command: 'credential.add', outcome: 'VALIDATION_FAILED', fields: ['password'] }),
      expect.objectContaining({ command: 'credential-list.create', actor: 'log-runner', correlationId: 'log-req-1', outcome: 'ok' }),
    ]));
    for (const service of ['config-service', 'projection-service', 'sip-auth-worker']) {
      expect(records.filter((r) => r.service === service).map((r) => r.event)).toEqual(expect.arrayContaining(['started', 'stopped']));
    }
  }, 60_000);
});
