import type { NatsConnection } from 'nats';
import { connectNats, freshNamespace } from '../../../../test/support/nats';
import { InboxRequester, RequestOutcome } from './inbox-requester';

let nc: NatsConnection;
const subject = () => `${freshNamespace('ir')}.v1.auth.authorize`;
const ask = (r: InboxRequester, s: string, payload = '{}') => new Promise<RequestOutcome>((resolve) => r.request(s, payload, resolve));

beforeAll(async () => { nc = await connectNats('inbox-requester-test'); });
afterAll(() => nc.close());

describe('InboxRequester against NATS', () => {
  it('settles each request with its own reply, however replies interleave', async () => {
    const s = subject();
    const sub = nc.subscribe(s, { callback: (_e, m) => setTimeout(() => m.respond(`re:${m.string()}`), 50 - Number(m.string())) });
    const r = new InboxRequester(nc, 2000);
    const outcomes = await Promise.all([1, 20, 40].map((n) => ask(r, s, String(n))));
    expect(outcomes.map((o) => (o.ok ? o.msg.string() : o.why))).toEqual(['re:1', 're:20', 're:40']);
    r.close();
    sub.unsubscribe();
  });

  it('settles at once as no-responders when nobody subscribes, long before the timeout', async () => {
    const r = new InboxRequester(nc, 60_000);
    await expect(ask(r, subject())).resolves.toEqual({ ok: false, why: 'no-responders' });
    r.close();
  });

  it('settles as a timeout when the responder stays silent, and ignores its late reply', async () => {
    const s = subject();
    let late: (() => void) | undefined;
    const sub = nc.subscribe(s, { callback: (_e, m) => { late = () => m.respond('late'); } });
    const r = new InboxRequester(nc, 100);
    const settled: RequestOutcome[] = [];
    await new Promise<void>((resolve) => r.request(s, '{}', (o) => { settled.push(o); resolve(); }));
    late?.();
    await nc.flush();
    await ask(r, `${s}.nobody`);
    expect(settled).toEqual([{ ok: false, why: 'timeout' }]);
    r.close();
    sub.unsubscribe();
  });

  it('settles what is still pending as closed when closed', async () => {
    const s = subject();
    const sub = nc.subscribe(s, { callback: () => undefined });
    const r = new InboxRequester(nc, 60_000);
    const pending = ask(r, s);
    await nc.flush();
    r.close();
    await expect(pending).resolves.toEqual({ ok: false, why: 'closed' });
    sub.unsubscribe();
  });
});
