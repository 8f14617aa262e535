/**
 * What the Kamailio edge asks the worker about and what it routes on its own (SPEC §10), seen from
 * a hand-written UDP client and a recording upstream.
 */
import { answerChallenge, parseChallengeHeader } from '../support/digest-client';
import { SipEdge, startSipEdgeUnderTest } from '../support/sip-edge';
import { waitFor } from '../support/stack';
import { RecordingUas, SipUdpClient, newBranch } from './raw-sip';

const USER = { username: 'alice', password: 'Secret-Pass-123' };
let uas: RecordingUas;
let edge: SipEdge;
let other: SipEdge;
let client: SipUdpClient;
let aclTrunk: string;
let digestTrunk: string;

const questions = (e: SipEdge) => e.bridges.reduce((n, b) => n + b.counters.questions, 0);

beforeAll(async () => {
  uas = await RecordingUas.start();
  edge = await startSipEdgeUnderTest({ upstream: `sip:127.0.0.1:${uas.port}` });
  // A second Kamailio + bridge on the same stack: a retransmission may reach another edge instance.
  other = await startSipEdgeUnderTest({ stack: edge.stack, upstream: `sip:127.0.0.1:${uas.port}` });
  client = await SipUdpClient.open();
  aclTrunk = (await edge.createTrunk({ acl: ['127.0.0.1/32'] })).domain;
  digestTrunk = (await edge.createTrunk({ credentials: USER, algorithms: ['MD5', 'SHA-256'] })).domain;
}, 60_000);
afterAll(async () => {
  client?.close();
  await other?.close();
  await edge?.close();
  uas?.close();
});

async function credentials(domain: string, e: SipEdge): Promise<string> {
  const challenge = await client.request(e.port, { method: 'INVITE', domain });
  expect(challenge.status).toBe(407);
  const parsed = parseChallengeHeader(challenge.header('Proxy-Authenticate')[0]);
  return answerChallenge(parsed, { ...USER, method: 'INVITE', uri: `sip:15550100@${domain}` });
}

describe('the Kamailio edge', () => {
  it('forwards an allowed INVITE to the upstream, record-routed, with its Request-URI untouched', async () => {
    const before = uas.received.length;
    const res = await client.request(edge.port, { method: 'INVITE', domain: aclTrunk });
    expect(res.status).toBe(200);
    const forwarded = uas.received.slice(before).find((m) => m.startsWith('INVITE '));
    expect(forwarded).toMatch(new RegExp(`^INVITE sip:15550100@${aclTrunk.replace(/\./g, '\\.')} SIP/2\\.0`));
    expect(forwarded).toMatch(/^Record-Route: <sip:127\.0\.0\.1:\d+;lr;sae=1>/m);
  });

  it('answers a challenge with every Proxy-Authenticate value of the trunk, in order', async () => {
    const res = await client.request(edge.port, { method: 'INVITE', domain: digestTrunk });
    expect(res.status).toBe(407);
    expect(res.header('Proxy-Authenticate').map((v) => /algorithm=([\w-]+)/.exec(v)?.[1])).toEqual(['MD5', 'SHA-256']);
  });

  it('asks about OPTIONS, REGISTER and MESSAGE out of dialog like an INVITE', async () => {
    for (const method of ['OPTIONS', 'REGISTER', 'MESSAGE']) {
      expect((await client.request(edge.port, { method, domain: digestTrunk })).status).toBe(407);
      expect((await client.request(edge.port, { method, domain: 'unknown.sipauth.test' })).status).toBe(404);
    }
  });

  it('routes a request inside a dialog it created (To tag and its own Route) without asking the worker', async () => {
    const before = uas.received.length;
    expect((await client.request(edge.port, { method: 'INVITE', domain: aclTrunk, cseq: 1 })).status).toBe(200);
    const rr = /^Record-Route: (.+)$/m.exec(uas.received.slice(before).find((m) => m.startsWith('INVITE '))!)![1];
    const asked = questions(edge);
    const bye = await client.request(edge.port, { method: 'BYE', domain: aclTrunk, uri: `sip:uas@127.0.0.1:${uas.port}`, cseq: 2, toTag: 'uas1', route: rr });
    expect(bye.status).toBe(200);
    expect(uas.received.some((m) => m.startsWith('BYE '))).toBe(true);
    expect(questions(edge)).toBe(asked);
  });

  it('relays a CANCEL of a forwarded INVITE on its transaction: the CANCEL 200, the INVITE 487', async () => {
    const branch = newBranch();
    const invite = { method: 'INVITE', domain: aclTrunk, uri: `sip:ring@${aclTrunk}`, branch, callId: `${branch}@127.0.0.1` };
    const final = client.request(edge.port, invite);
    await waitFor(() => uas.received.some((m) => m.includes(`Call-ID: ${invite.callId}`)), 'the INVITE reaching the upstream');
    const asked = questions(edge);
    const cancel = await client.request(edge.port, { ...invite, method: 'CANCEL' });
    expect(cancel.status).toBe(200);
    expect((await final).status).toBe(487);
    expect(uas.received.some((m) => m.startsWith('CANCEL ') && m.includes(invite.callId))).toBe(true);
    expect(questions(edge)).toBe(asked);
  });

  it('refuses a request with a To tag but without its Route, without asking the worker', async () => {
    const asked = questions(edge);
    const res = await client.request(edge.port, { method: 'BYE', domain: aclTrunk, toTag: 'elsewhere', callId: 'stray@127.0.0.1' });
    expect(res.status).toBe(403);
    const routedElsewhere = await client.request(edge.port, { method: 'BYE', domain: aclTrunk, toTag: 'x', route: '<sip:192.0.2.1;lr>' });
    expect(routedElsewhere.status).toBe(403);
    expect(questions(edge)).toBe(asked);
  });

  it('absorbs a retransmission of a credentialed INVITE in its transaction: asked once, allowed once', async () => {
    const authorization = await credentials(digestTrunk, edge);
    const asked = questions(edge);
    const branch = newBranch();
    const spec = { method: 'INVITE', domain: digestTrunk, branch, cseq: 2, proxyAuthorization: authorization, callId: `${branch}@127.0.0.1` };
    expect((await client.request(edge.port, spec, 3)).status).toBe(200);
    expect(questions(edge)).toBe(asked + 1);
  });

  it('does not deny as a replay a credentialed INVITE retransmitted (same branch) through another edge instance', async () => {
    const authorization = await credentials(digestTrunk, edge);
    const branch = newBranch();
    const spec = { method: 'INVITE', domain: digestTrunk, branch, cseq: 2, proxyAuthorization: authorization, callId: `${branch}@127.0.0.1` };
    expect((await client.request(edge.port, spec)).status).toBe(200);
    expect((await client.request(other.port, spec)).status).toBe(200);
  });

  it('denies a different request reusing those credentials (another branch) as a replay', async () => {
    const authorization = await credentials(digestTrunk, edge);
    const spec = { method: 'INVITE', domain: digestTrunk, cseq: 2, proxyAuthorization: authorization };
    expect((await client.request(edge.port, { ...spec, branch: newBranch() })).status).toBe(200);
    expect((await client.request(other.port, { ...spec, branch: newBranch() })).status).toBe(403);
  });
});
