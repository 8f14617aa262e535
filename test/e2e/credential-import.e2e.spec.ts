/**
 * Bulk import through the whole stack (issue 14): thousands of credentials imported over NATS in
 * chunks into several lists, projected one document per credential, and the worker deciding with them,
 * checked with the independent digest client — a password-derived credential with MD5 and SHA-256,
 * and a credential imported from an MD5 HA1 (Kamailio's subscriber.ha1) with MD5.
 */
import { createHash } from 'node:crypto';
import { querySubject } from '@sipauth/contracts';
import { answerChallenge, parseChallengeHeader } from '../support/digest-client';
import { startStack, Stack } from '../support/stack';

const ACCOUNT = 'acme';
const REALM = 'sipauth.test';
const DOMAIN = 'import.acme.example.net';
const URI = `sip:+15550100@${DOMAIN}`;
const invite = { domain: DOMAIN, sourceIp: '198.51.100.7', method: 'INVITE', requestUri: URI };
const LISTS = 4;
const PER_LIST = 750;
const passwordOf = (list: number, i: number) => `Imported-Pass-${list}-${i}`;
const md5Ha1 = (username: string, password: string) => createHash('md5').update(`${username}:${REALM}:${password}`).digest('hex');

let stack: Stack;
let trunkId: string;
const listIds: string[] = [];

/** Answers the challenge of `algorithm` for `username`/`password` and returns the decision. */
async function authorizeWith(username: string, password: string, algorithm: 'MD5' | 'SHA-256') {
  const challenge = await stack.authorize(invite);
  const offered = challenge.proxyAuthenticate!.map(parseChallengeHeader).find((c) => c.algorithm === algorithm);
  if (!offered) throw new Error(`${algorithm} not offered`);
  return stack.authorize({ ...invite, authorization: answerChallenge(offered, { username, password, method: 'INVITE', uri: URI }) });
}

beforeAll(async () => {
  stack = await startStack({ prefix: 'imp' });
  trunkId = (await stack.apply<{ trunkId: string }>('trunk.create', { accountId: ACCOUNT, friendlyName: 'Main', domainName: DOMAIN })).trunkId;
  let last = '0';
  for (let list = 0; list < LISTS; list++) {
    const { credentialListId } = await stack.apply<{ credentialListId: string }>('credential-list.create', { accountId: ACCOUNT, friendlyName: `Imported ${list}`, username: `seed${list}`, password: passwordOf(list, -1) });
    listIds.push(credentialListId);
    for (let start = 0; start < PER_LIST; start += 250) {
      const credentials = Array.from({ length: 250 }, (_, k) => {
        const i = start + k;
        const username = `l${list}u${i}`;
        // Every tenth line comes as an MD5 HA1, like a subscriber row without a plain password.
        return i % 10 === 0 ? { username, ha1: md5Ha1(username, passwordOf(list, i)) } : { username, password: passwordOf(list, i) };
      });
      const reply = await stack.send<{ position: string }>('credential.import', { accountId: ACCOUNT, credentialListId, realm: REALM, credentials, requestId: `import-${list}-${start}` });
      if (!reply.ok) throw new Error(JSON.stringify(reply.error));
      last = reply.data.position;
    }
    const assigned = await stack.send('trunk.assign', { accountId: ACCOUNT, trunkId, listKind: 'credentialList', listId: credentialListId });
    if (!assigned.ok) throw new Error(JSON.stringify(assigned.error));
    last = assigned.data.position;
  }
  await stack.waitForPosition(last);
}, 120_000);

afterAll(async () => { await stack?.close(); });

describe('imported credentials through the whole stack', () => {
  it('are all in the read models: one credential document each, counted on its list', async () => {
    for (const credentialListId of listIds) {
      const msg = await stack.nc.request(querySubject(stack.namespace, 'credential-list.get'), JSON.stringify({ accountId: ACCOUNT, credentialListId }), { timeout: 10_000 });
      expect(msg.json()).toMatchObject({ ok: true, data: { credentialList: { credentialCount: PER_LIST + 1 } } });
    }
  });

  it('authenticate a password-derived imported credential with MD5 and with SHA-256', async () => {
    for (const algorithm of ['MD5', 'SHA-256'] as const) {
      expect(await authorizeWith('l2u123', passwordOf(2, 123), algorithm)).toMatchObject({ decision: 'allow', reason: 'digest-verified', username: 'l2u123', credentialListId: listIds[2] });
    }
    expect(await authorizeWith('l2u123', 'Wrong-Pass-999', 'MD5')).toMatchObject({ decision: 'deny', reason: 'bad-response' });
  });

  it('deny (never crash on) a SHA-256 answer for a credential imported from an MD5 HA1, which has no SHA-256 HA1', async () => {
    expect(await authorizeWith('l3u740', passwordOf(3, 740), 'SHA-256')).toMatchObject({ decision: 'deny', status: 403, reason: 'bad-response' });
    expect(await authorizeWith('l3u740', 'Wrong-Pass-999', 'MD5')).toMatchObject({ decision: 'deny', reason: 'bad-response' });
  });

  it('authenticate a credential imported from an MD5 HA1 with MD5', async () => {
    expect(await authorizeWith('l3u740', passwordOf(3, 740), 'MD5')).toMatchObject({ decision: 'allow', reason: 'digest-verified', username: 'l3u740', credentialListId: listIds[3] });
  });

  it('refuses a resent chunk with another requestId by line (the usernames are in the list), writing nothing', async () => {
    const reply = await stack.send('credential.import', { accountId: ACCOUNT, credentialListId: listIds[0], realm: REALM, credentials: [{ username: 'fresh1', password: passwordOf(0, 9999) }, { username: 'L0U5', password: passwordOf(0, 5) }] });
    expect(reply).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: [{ field: 'credentials[1].username' }] } });
  });
});
