/** SPEC §6 on the wire, with a fake NATS connection: every request gets one plain-JSON reply, whatever it holds. */
import type { Msg, NatsConnection } from 'nats';
import type { AuthDecision, AuthStatus, Reply } from '@sipauth/contracts';
import type { Authorizer } from '../authorization/authorizer';
import type { WorkerMetrics } from '../ops/worker-metrics';
import { AuthResponder } from './auth-responder';

type Callback = (err: Error | null, msg: Msg) => void;
const STATUS: AuthStatus = { ready: true, position: '42', counts: { trunks: 1, credentialLists: 1, credentials: 2, ipAccessControlLists: 0, ipRanges: 0 } };
const CHALLENGE: AuthDecision = { decision: 'challenge', status: 407, reason: 'challenge', proxyAuthenticate: ['Digest realm="r", nonce="n"'] };
const GOOD = { domain: 'acme.example.net', sourceIp: '192.0.2.1', method: 'INVITE', requestUri: 'sip:acme.example.net' };
const flush = () => new Promise((r) => setImmediate(r));

function harness(authorizer: Partial<Authorizer> = {}, metrics: Partial<WorkerMetrics> = {}) {
  const callbacks = new Map<string, Callback>();
  const nc = { flush: async () => undefined, subscribe: (subject: string, opts: { callback: Callback }) => { callbacks.set(subject, opts.callback); return { drain: async () => undefined }; } };
  const logged: string[] = [];
  const responder = new AuthResponder({
    nc: nc as unknown as NatsConnection, namespace: 'ns',
    authorizer: { authorize: async () => CHALLENGE, challenge: async () => CHALLENGE, verify: async () => CHALLENGE, ...authorizer } as Authorizer,
    metrics: { decided: () => undefined, failed: () => undefined, ...metrics } as unknown as WorkerMetrics,
    status: () => STATUS, log: (m) => logged.push(m),
  });
  responder.serveStatus();
  responder.serveDecisions();
  /** Delivers a payload to `ns.v1.auth.<op>` and resolves every reply it got. */
  const send = async (op: string, payload: string | Uint8Array, respond?: (data: Uint8Array) => boolean): Promise<Reply<unknown>[]> => {
    const replies: Reply<unknown>[] = [];
    const data = typeof payload === 'string' ? Buffer.from(payload) : payload;
    const msg = { data, respond: respond ?? ((out: Uint8Array) => { replies.push(JSON.parse(Buffer.from(out).toString('utf8'))); return true; }) } as unknown as Msg;
    callbacks.get(`ns.v1.auth.${op}`)!(null, msg);
    await flush();
    return replies;
  };
  return { send, logged, responder };
}

const codeOf = (replies: Reply<unknown>[]) => replies.map((r) => (r.ok ? 'ok' : r.error.code));

describe('AuthResponder (SPEC §6 wire format)', () => {
  it.each([
    ['malformed JSON', '{nope'], ['an empty payload', ''], ['a JSON string', '"x"'], ['JSON null', 'null'],
    ['invalid UTF-8', new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])],
  ])('answers %s on every deciding subject with exactly one VALIDATION_FAILED', async (_name, payload) => {
    const h = harness();
    for (const op of ['authorize', 'challenge', 'verify']) {
      const replies = await h.send(op, payload);
      expect(codeOf(replies)).toEqual(['VALIDATION_FAILED']);
      expect(Object.keys((replies[0] as { error: object }).error).sort()).toEqual(expect.arrayContaining(['code', 'message']));
    }
  });

  it('lists every bad field, and never echoes what was sent', async () => {
    const secretish = 'Digest-Secret-Value-123';
    const [reply] = await harness().send('authorize', JSON.stringify({
      domain: 7, sourceIp: secretish, method: [secretish], requestUri: { u: secretish }, authorization: 12, body: false,
    }));
    expect(reply.ok).toBe(false);
    const { details } = (reply as { error: { details: { field: string }[] } }).error;
    expect(details.map((d) => d.field).sort()).toEqual(['authorization', 'body', 'domain', 'method', 'requestUri', 'sourceIp']);
    expect(JSON.stringify(reply)).not.toContain(secretish);
  });

  it('refuses a huge body and a header of a megabyte with a clear error naming them', async () => {
    const [reply] = await harness().send('authorize', JSON.stringify({ ...GOOD, authorization: `Digest ${'a'.repeat(1 << 20)}`, body: 'v'.repeat(300_000) }));
    expect(reply).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect((reply as { error: { details: { field: string }[] } }).error.details.map((d) => d.field).sort()).toEqual(['authorization', 'body']);
  });

  it('refuses deeply nested JSON without ever parsing it', async () => {
    const depth = 400_000;
    const parse = jest.spyOn(JSON, 'parse');
    try {
      const [reply] = await harness().send('authorize', `{"domain":${'['.repeat(depth)}${']'.repeat(depth)}}`);
      expect(reply).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
      // The harness parses the (small) reply; the request itself never reaches JSON.parse.
      expect(parse.mock.calls.filter(([text]) => String(text).length > depth)).toEqual([]);
    } finally {
      parse.mockRestore();
    }
  });

  it('does not take prototype keys for fields', async () => {
    const seen: unknown[] = [];
    const h = harness({ authorize: async (input) => { seen.push(input); return CHALLENGE; } });
    const replies = await h.send('authorize', `{"__proto__":{"authorization":"Digest x"},"constructor":{"prototype":{"body":"y"}},${JSON.stringify(GOOD).slice(1)}`);
    expect(codeOf(replies)).toEqual(['ok']);
    expect(seen[0]).not.toHaveProperty('authorization');
    expect(seen[0]).not.toHaveProperty('body');
    expect(({} as Record<string, unknown>).authorization).toBeUndefined();
  });

  it('replies INTERNAL without the cause when deciding fails, and logs it', async () => {
    const h = harness({ authorize: async () => { throw new Error('kv unavailable'); } });
    const replies = await h.send('authorize', JSON.stringify(GOOD));
    expect(replies).toEqual([{ ok: false, error: { code: 'INTERNAL', message: 'the request could not be decided; retry' } }]);
    expect(h.logged.join()).toContain('kv unavailable');
  });

  it('counts a decision that throws before it is under way as answered: drain does not wait for it', async () => {
    const h = harness({ authorize: (() => { throw new Error('index gone'); }) as unknown as Authorizer['authorize'] });
    expect(codeOf(await h.send('authorize', JSON.stringify(GOOD)))).toEqual(['INTERNAL']);
    const started = Date.now();
    await h.responder.drain(2_000);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(h.logged.join()).not.toContain('still unanswered');
  });

  it('survives a reply that cannot be sent and metrics that throw: no crash, no unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const h = harness({}, { decided: () => { throw new Error('metrics broke'); } });
      await h.send('authorize', JSON.stringify(GOOD), () => { throw new Error('connection closed'); });
      await h.send('authorize', '{nope', () => { throw new Error('connection closed'); });
      await h.send('status', '', () => { throw new Error('connection closed'); });
      expect(codeOf(await h.send('authorize', JSON.stringify(GOOD)))).toEqual(['ok']);
      const failing = harness({ verify: async () => { throw new Error('kv unavailable'); } }, { failed: () => { throw new Error('metrics broke'); } });
      expect(codeOf(await failing.send('verify', '{nope'))).toEqual(['VALIDATION_FAILED']);
      expect(codeOf(await failing.send('verify', JSON.stringify({ ...GOOD, authorization: 'Digest x' })))).toEqual(['INTERNAL']);
      await flush();
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('answers auth.status with ready, position and counts for an empty or JSON payload, and VALIDATION_FAILED for malformed JSON', async () => {
    const h = harness();
    for (const payload of ['', '{}', 'null']) expect(await h.send('status', payload)).toEqual([{ ok: true, data: STATUS }]);
    expect(codeOf(await h.send('status', '{nope'))).toEqual(['VALIDATION_FAILED']);
  });
});
