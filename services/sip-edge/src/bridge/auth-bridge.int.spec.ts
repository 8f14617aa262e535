import type { Msg, NatsConnection } from 'nats';
import { AuthDecision, authSubject, ok } from '@sipauth/contracts';
import { connectNats, freshNamespace } from '../../../../test/support/nats';
import { AuthBridge } from './auth-bridge';
import type { EdgeAnswer } from './edge-messages';

let nc: NatsConnection;
beforeAll(async () => { nc = await connectNats('auth-bridge-test'); });
afterAll(() => nc.close());

const b64 = (s: string) => Buffer.from(s).toString('base64');
const question = (tindex: number) => JSON.stringify({
  tindex, tlabel: 7, sourceIp: '192.0.2.1', method: b64('INVITE'), domain: b64('acme.example'), requestUri: b64('sip:1@acme.example'), transactionId: b64(`z9hG4bK-${tindex}`),
});
const allow: AuthDecision = { decision: 'allow', status: 200, reason: 'ok' };

/** A bridge (no batch window: questions held while earlier ones are in flight) whose answers are collected. */
function bridgeFor(namespace: string, timeoutMs: number) {
  const answers: EdgeAnswer[] = [];
  let waiting: { n: number; done: () => void } | undefined;
  const bridge = new AuthBridge(nc, namespace, timeoutMs, (p) => {
    answers.push(JSON.parse(p) as EdgeAnswer);
    if (waiting && answers.length >= waiting.n) waiting.done();
  }, () => undefined);
  const answered = (n: number) => new Promise<EdgeAnswer[]>((resolve) => {
    if (answers.length >= n) return resolve(answers);
    waiting = { n, done: () => resolve(answers) };
  });
  return { bridge, answered };
}

describe('AuthBridge against NATS', () => {
  it('answers questions asked while an earlier one is still with the worker, each with its own decision', async () => {
    const ns = freshNamespace('ab');
    // The worker sits on what it gets for 50 ms after the first question, so the others are asked while that one is in flight.
    let held: Msg[] | 'released' = [];
    const respond = (m: Msg) => m.respond(JSON.stringify(ok(allow)));
    const sub = nc.subscribe(authSubject(ns, 'authorize'), {
      callback: (_e, m) => {
        if (held === 'released') return respond(m);
        held.push(m);
        if (held.length === 1) {
          setTimeout(() => {
            const waiting = held as Msg[];
            held = 'released';
            waiting.forEach(respond);
          }, 50);
        }
      },
    });
    await nc.flush();
    const { bridge, answered } = bridgeFor(ns, 2000);
    bridge.handle(question(1));
    await new Promise((r) => setTimeout(r, 10));
    bridge.handle(question(2));
    bridge.handle(question(3));
    const answers = await answered(3);
    expect(answers.map((a) => [a.tindex, a.code]).sort()).toEqual([[1, 200], [2, 200], [3, 200]]);
    bridge.close();
    sub.unsubscribe();
  });

  it('answers 503, never 200, to every question when the worker takes them and stays silent', async () => {
    const ns = freshNamespace('ab');
    const sub = nc.subscribe(authSubject(ns, 'authorize'), { callback: () => undefined });
    await nc.flush();
    const { bridge, answered } = bridgeFor(ns, 200);
    bridge.handle(question(1));
    await new Promise((r) => setTimeout(r, 10));
    bridge.handle(question(2));
    const answers = await answered(2);
    expect(answers.map((a) => [a.tindex, a.code]).sort()).toEqual([[1, 503], [2, 503]]);
    bridge.close();
    sub.unsubscribe();
  });
});
