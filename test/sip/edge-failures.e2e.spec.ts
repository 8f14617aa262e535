/**
 * The edge fails closed and leaves nothing hanging (SPEC §10): no worker, a silent bridge, no
 * bridge — each INVITE gets 503 with Retry-After, never an allow. Several bridges share the work.
 */
import { createConnection, Socket } from 'node:net';
import { SipEdge, startSipEdgeUnderTest } from '../support/sip-edge';
import { waitFor } from '../support/stack';
import { newBranch, RecordingUas, SipUdpClient } from './raw-sip';
import { expectSippExit, runSippUac } from './sipp-run';

const AUTH_TIMEOUT_MS = 600;
let uas: RecordingUas;
let edge: SipEdge;
let client: SipUdpClient;
let aclTrunk: string;

beforeAll(async () => {
  uas = await RecordingUas.start();
  edge = await startSipEdgeUnderTest({ upstream: `sip:127.0.0.1:${uas.port}`, authTimeoutMs: AUTH_TIMEOUT_MS, bridgeTimeoutMs: 400 });
  client = await SipUdpClient.open();
  aclTrunk = (await edge.createTrunk({ acl: ['127.0.0.1/32'] })).domain;
}, 60_000);
afterAll(async () => {
  client?.close();
  await edge?.close();
  uas?.close();
});

const invite = () => client.request(edge.port, { method: 'INVITE', domain: aclTrunk });

describe('the Kamailio edge when something is down', () => {
  it('spreads questions over every connected bridge', async () => {
    const second = await edge.addBridge();
    try {
      for (let i = 0; i < 8; i++) expect((await invite()).status).toBe(200);
      expect(edge.bridges.map((b) => b.counters.questions > 0)).toEqual([true, true]);
    } finally {
      await edge.stopBridge(second);
    }
    expect((await invite()).status).toBe(200);
  });

  it('answers 503 with Retry-After when no worker answers, and allows again once one is back', async () => {
    const forwarded = uas.received.length;
    await Promise.all(edge.stack.workers.splice(0).map((w) => w.close()));
    const res = await invite();
    expect(res.status).toBe(503);
    expect(res.header('Retry-After')).toHaveLength(1);
    expectSippExit(await runSippUac({ scenario: 'uac-unavailable.xml', target: `${edge.host}:${edge.port}`, domain: aclTrunk }), 0, edge.kamailioLog());
    expect(uas.received.length).toBe(forwarded);
    await edge.stack.addWorker();
    expect((await invite()).status).toBe(200);
  });

  it('answers 503 itself when the bridge that got the question never answers', async () => {
    const [bridge] = edge.bridges;
    await edge.stopBridge(bridge);
    const silent: Socket = createConnection({ host: '127.0.0.1', port: edge.evapiPort });
    let questions = '';
    silent.on('data', (c) => (questions += c.toString()));
    try {
      await waitFor(async () => (await invite()).status === 503 && questions.includes('"tindex"'), 'a question reaching the silent bridge');
      const res = await invite();
      expect(res.status).toBe(503);
      expect(res.header('Retry-After')).toHaveLength(1);
      expect(edge.kamailioLog()).toContain('no answer from the bridge in time');
      // A CANCEL while the question is pending ends the INVITE at once (487), not at the bound.
      const branch = newBranch();
      const pending = { method: 'INVITE', domain: aclTrunk, branch, callId: `${branch}@127.0.0.1` };
      const final = client.request(edge.port, pending);
      await waitFor(() => questions.includes(Buffer.from(branch).toString('base64')), 'the question for that INVITE');
      expect((await client.request(edge.port, { ...pending, method: 'CANCEL' })).status).toBe(200);
      expect((await final).status).toBe(487);
    } finally {
      silent.destroy();
    }
    await edge.addBridge();
    expect((await invite()).status).toBe(200);
  });

  it('takes calls again once Kamailio restarts: the bridge reconnects on its own', async () => {
    const [bridge] = edge.bridges;
    const before = bridge.counters.questions;
    await edge.restartKamailio();
    expect((await invite()).status).toBe(200);
    expect(bridge.counters.questions).toBeGreaterThan(before);
  });

  it('answers 503 at once when no bridge is connected', async () => {
    await edge.stopBridge(edge.bridges[0]);
    const res = await invite();
    expect(res.status).toBe(503);
    expect(edge.kamailioLog()).toContain('no sip-edge bridge connected');
    await edge.addBridge();
    expect((await invite()).status).toBe(200);
  });
});
