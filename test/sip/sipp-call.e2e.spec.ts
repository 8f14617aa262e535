/**
 * sipp, the reference SIP load tool, calling through the Kamailio edge (Kamailio + bridge + worker)
 * to a sipp UAS upstream (SPEC §10). sipp's exit code says whether the scenario went as written.
 */
import { boundSocketsOf, SipEdge, startSipEdgeUnderTest } from '../support/sip-edge';
import { waitFor } from '../support/stack';
import { expectSippExit, runSippUac } from './sipp-run';

const USER = { username: 'alice', password: 'Secret-Pass-123' };
let edge: SipEdge;
let target: string;

// No case here is about the worker's time bound (edge-failures is): 8 s instead of 2 s, so that a
// decision slowed by a loaded machine is not answered 503.
beforeAll(async () => {
  edge = await startSipEdgeUnderTest({ authTimeoutMs: 8_000 });
  target = `${edge.host}:${edge.port}`;
}, 60_000);
afterAll(() => edge?.close());

const sipp = (scenario: string, domain: string, more: Partial<Parameters<typeof runSippUac>[0]> = {}) =>
  runSippUac({ scenario, target, domain, ...more });

describe('sipp through the Kamailio edge', () => {
  it('runs sipp on loopback ports picked free: SIP, RTP echo (-mp, -mp+2) and control (-cp), never the fixed 6000+ or 8888', async () => {
    const pid = edge.upstreamPid!;
    // SIP, audio, video and the control socket, once sipp has bound them all.
    await waitFor(async () => boundSocketsOf(pid).length >= 4, 'the sipp UAS to bind its sockets');
    const sockets = boundSocketsOf(pid);
    expect(sockets).toContain(`udp 127.0.0.1:${edge.upstreamPort}`);
    expect(sockets.filter((s) => !s.startsWith('udp 127.0.0.1:'))).toEqual([]);
    const ports = sockets.map((s) => Number(s.split(':')[1]));
    expect(new Set(ports).size).toBe(4);
    expect(ports.filter((p) => p === 8888 || (p >= 6000 && p < 6200))).toEqual([]);
  });

  it('completes a call with MD5 proxy authentication: 407, INVITE with credentials, 200, ACK, BYE', async () => {
    const { domain } = await edge.createTrunk({ credentials: USER });
    expectSippExit(await sipp('uac-auth.xml', domain, USER), 0, edge.kamailioLog());
  });

  it('completes the same call over TCP', async () => {
    const { domain } = await edge.createTrunk({ credentials: USER });
    expectSippExit(await sipp('uac-auth.xml', domain, { ...USER, transport: 't1' }), 0, edge.kamailioLog());
  });

  it('refuses a wrong password with 403 after the challenge', async () => {
    const { domain } = await edge.createTrunk({ credentials: USER });
    expectSippExit(await sipp('uac-auth-refused.xml', domain, { ...USER, password: 'not-the-password' }), 0, edge.kamailioLog());
  });

  it('refuses sipp without -auth_uri: it hashes sip:<remote ip>:<port> as the digest uri, which is not the Request-URI host', async () => {
    const { domain } = await edge.createTrunk({ credentials: USER });
    expectSippExit(await sipp('uac-auth-refused.xml', domain, { ...USER, authUri: false }), 0, edge.kamailioLog());
    expect(edge.kamailioLog()).toMatch(new RegExp(`INVITE 403 uri-mismatch domain=${domain.replace(/\./g, '\\.')}`));
  });

  it('lets a call through an ACL-only trunk from an allowed address without a challenge', async () => {
    const { domain } = await edge.createTrunk({ acl: ['127.0.0.0/8'] });
    expectSippExit(await sipp('uac-call.xml', domain), 0, edge.kamailioLog());
  });

  it('challenges an allowed address on a trunk with both an ACL and credentials, and refuses other addresses at once', async () => {
    const both = await edge.createTrunk({ acl: ['127.0.0.1/32'], credentials: USER });
    expectSippExit(await sipp('uac-auth.xml', both.domain, USER), 0, edge.kamailioLog());
    const elsewhere = await edge.createTrunk({ acl: ['198.51.100.0/24'], credentials: USER });
    expectSippExit(await sipp('uac-refused-403.xml', elsewhere.domain), 0, edge.kamailioLog());
  });

  it('answers 404 for a domain that is no trunk', async () => {
    expectSippExit(await sipp('uac-refused-404.xml', 'no-such-trunk.sipauth.test'), 0, edge.kamailioLog());
  });

  it('completes a call whose credentialed INVITE is retransmitted with the same branch: not denied as a replay', async () => {
    const { domain } = await edge.createTrunk({ credentials: USER });
    expectSippExit(await sipp('uac-auth-retransmit.xml', domain, USER), 0, edge.kamailioLog());
  });

  it('runs ten authenticated calls in a row without a failed call', async () => {
    const { domain } = await edge.createTrunk({ credentials: USER });
    expectSippExit(await sipp('uac-auth.xml', domain, { ...USER, calls: 10, extra: ['-r', '20'] }), 0, edge.kamailioLog());
  });
});
