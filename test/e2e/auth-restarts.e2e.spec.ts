import { answerChallenge, parseChallengeHeader } from '../support/digest-client';
import { startStack, Stack, waitFor } from '../support/stack';

const ACCOUNT = 'acme';
const PASSWORD = 'Secret-Pass-123';
const DOMAIN = 'restarts.example.net';
const invite = { domain: DOMAIN, sourceIp: '203.0.113.5', method: 'INVITE', requestUri: `sip:${DOMAIN}` };

let stack: Stack;

async function verifies(): Promise<string> {
  const challenge = await stack.authorize(invite);
  const authorization = answerChallenge(parseChallengeHeader(challenge.proxyAuthenticate![0]), {
    username: 'alice', password: PASSWORD, method: 'INVITE', uri: invite.requestUri,
  });
  return (await stack.authorize({ ...invite, authorization })).reason;
}

beforeAll(async () => {
  stack = await startStack();
  const { credentialListId } = await stack.apply<{ credentialListId: string }>('credential-list.create', {
    accountId: ACCOUNT, friendlyName: 'Office', username: 'alice', password: PASSWORD,
  });
  const { ipAccessControlListId } = await stack.apply<{ ipAccessControlListId: string }>('ip-acl.create', { accountId: ACCOUNT, friendlyName: 'PBX' });
  await stack.apply('ip-address.add', { accountId: ACCOUNT, ipAccessControlListId, friendlyName: 'pbx', ipAddress: '203.0.113.0', cidrPrefixLength: 24 });
  const { trunkId } = await stack.apply<{ trunkId: string }>('trunk.create', { accountId: ACCOUNT, friendlyName: 'Main', domainName: DOMAIN });
  await stack.apply('trunk.assign', { accountId: ACCOUNT, trunkId, listKind: 'credentialList', listId: credentialListId });
  await stack.apply('trunk.assign', { accountId: ACCOUNT, trunkId, listKind: 'ipAccessControlList', listId: ipAccessControlListId });
}, 60_000);

afterAll(async () => { await stack?.close(); });

describe('worker restarts and read-model rebuilds', () => {
  it('a worker started later loads everything and decides like the first', async () => {
    const before = stack.workers[0].status();
    await stack.workers[0].close();
    stack.workers.shift();
    const late = await stack.addWorker();
    expect(late.status()).toEqual(before);
    expect(await verifies()).toBe('digest-verified');
    expect((await stack.authorize({ ...invite, sourceIp: '198.51.100.1' })).reason).toBe('ip-not-allowed');
  });

  it('swaps to a rebuilt read model with the same content and keeps deciding the same', async () => {
    const before = stack.workers[0].status();
    const oldBucket = stack.workers[0].readModelBucket();
    const { generation } = await stack.projection.rebuild();
    await waitFor(() => stack.workers[0].readModelBucket() === `${stack.namespace}_rm_${generation}`, 'rebuilt generation swapped in');
    expect(stack.workers[0].readModelBucket()).not.toBe(oldBucket);
    expect(stack.workers[0].status().counts).toEqual(before.counts);
    expect(await verifies()).toBe('digest-verified');
    expect((await stack.authorize({ ...invite, sourceIp: '198.51.100.1' })).reason).toBe('ip-not-allowed');
  });
});
