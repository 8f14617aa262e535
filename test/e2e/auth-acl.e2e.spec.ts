import { answerChallenge, parseChallengeHeader } from '../support/digest-client';
import { startStack, Stack } from '../support/stack';

const ACCOUNT = 'acme';
const PASSWORD = 'Secret-Pass-123';
const inviteTo = (domain: string, sourceIp: string) => ({ domain, sourceIp, method: 'INVITE', requestUri: `sip:+15550100@${domain}` });

let stack: Stack;
let aclId: string;
let listId: string;
let v4RangeId: string;

async function trunk(domainName: string, lists: { credentialList?: string; ipAccessControlList?: string }): Promise<string> {
  const { trunkId } = await stack.apply<{ trunkId: string }>('trunk.create', { accountId: ACCOUNT, friendlyName: domainName, domainName });
  for (const [listKind, listId] of Object.entries(lists)) await stack.apply('trunk.assign', { accountId: ACCOUNT, trunkId, listKind, listId });
  return trunkId;
}

beforeAll(async () => {
  stack = await startStack();
  aclId = (await stack.apply<{ ipAccessControlListId: string }>('ip-acl.create', { accountId: ACCOUNT, friendlyName: 'PBXs' })).ipAccessControlListId;
  v4RangeId = (await stack.apply<{ ipAddressId: string }>('ip-address.add', {
    accountId: ACCOUNT, ipAccessControlListId: aclId, friendlyName: 'office', ipAddress: '203.0.113.77', cidrPrefixLength: 24,
  })).ipAddressId;
  await stack.apply('ip-address.add', { accountId: ACCOUNT, ipAccessControlListId: aclId, friendlyName: 'v6', ipAddress: '2001:db8:1::', cidrPrefixLength: 48 });
  listId = (await stack.apply<{ credentialListId: string }>('credential-list.create', {
    accountId: ACCOUNT, friendlyName: 'Office', username: 'alice', password: PASSWORD,
  })).credentialListId;
  await trunk('acl-only.example.net', { ipAccessControlList: aclId });
  await trunk('digest-only.example.net', { credentialList: listId });
  await trunk('both.example.net', { ipAccessControlList: aclId, credentialList: listId });
}, 60_000);

afterAll(async () => { await stack?.close(); });

describe('IP access control lists through the whole stack', () => {
  it.each(['203.0.113.9', '::ffff:203.0.113.9', '2001:db8:1::42', '[2001:DB8:1:0::42]'])('allows an ACL-only trunk from %s', async (ip) => {
    expect(await stack.authorize(inviteTo('acl-only.example.net', ip))).toMatchObject({ decision: 'allow', status: 200, reason: 'ip-allowed' });
  });

  it.each(['198.51.100.1', '::ffff:198.51.100.1', '2001:db8:2::1', '::203.0.113.9'])('denies an ACL-only trunk from %s', async (ip) => {
    expect(await stack.authorize(inviteTo('acl-only.example.net', ip))).toMatchObject({ decision: 'deny', status: 403, reason: 'ip-not-allowed' });
  });

  it('challenges a digest-only trunk from any source', async () => {
    expect((await stack.authorize(inviteTo('digest-only.example.net', '198.51.100.1'))).decision).toBe('challenge');
  });

  it('enforces both on a trunk with both: never challenges a source outside the ACL, and wants the digest inside it', async () => {
    const outside = await stack.authorize(inviteTo('both.example.net', '198.51.100.1'));
    expect(outside).toMatchObject({ decision: 'deny', reason: 'ip-not-allowed' });
    expect(outside.proxyAuthenticate).toBeUndefined();
    const inside = inviteTo('both.example.net', '::ffff:203.0.113.10');
    const challenge = await stack.authorize(inside);
    expect(challenge.decision).toBe('challenge');
    const authorization = answerChallenge(parseChallengeHeader(challenge.proxyAuthenticate![0]), {
      username: 'alice', password: PASSWORD, method: 'INVITE', uri: inside.requestUri,
    });
    expect(await stack.authorize({ ...inside, authorization })).toMatchObject({ decision: 'allow', reason: 'digest-verified', username: 'alice' });
  });

  it('applies the ACL to ACK as well', async () => {
    expect((await stack.authorize({ ...inviteTo('both.example.net', '198.51.100.1'), method: 'ACK' })).reason).toBe('ip-not-allowed');
    expect((await stack.authorize({ ...inviteTo('both.example.net', '203.0.113.1'), method: 'ACK' })).reason).toBe('ack-cancel-allowed');
  });

  it('auth.challenge applies the ACL only when a source is given', async () => {
    expect(await stack.auth('challenge', { domain: 'both.example.net' })).toMatchObject({ ok: true, data: { decision: 'challenge' } });
    expect(await stack.auth('challenge', { domain: 'both.example.net', sourceIp: '198.51.100.1' })).toMatchObject({ ok: true, data: { reason: 'ip-not-allowed' } });
  });

  it('auth.verify on an ACL-only trunk denies with no-credential-lists', async () => {
    const reply = await stack.auth('verify', { domain: 'acl-only.example.net', method: 'INVITE', requestUri: 'sip:acl-only.example.net', authorization: 'Digest username="x"' });
    expect(reply).toMatchObject({ ok: true, data: { decision: 'deny', status: 403, reason: 'no-credential-lists' } });
  });

  it('rejects a source that is not an IP address with VALIDATION_FAILED', async () => {
    expect(await stack.auth('authorize', inviteTo('acl-only.example.net', 'fe80::1%eth0'))).toMatchObject({
      ok: false, error: { code: 'VALIDATION_FAILED', details: [{ field: 'sourceIp' }] },
    });
  });

  it('denies a source once its range is removed', async () => {
    await stack.apply('ip-address.remove', { accountId: ACCOUNT, ipAccessControlListId: aclId, ipAddressId: v4RangeId });
    expect((await stack.authorize(inviteTo('acl-only.example.net', '203.0.113.9'))).reason).toBe('ip-not-allowed');
    expect((await stack.authorize(inviteTo('acl-only.example.net', '2001:db8:1::42'))).reason).toBe('ip-allowed');
  });
});
