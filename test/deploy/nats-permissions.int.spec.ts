/**
 * The users and permissions of deploy/k8s/nats/accounts.conf, enforced by a real nats-server: a
 * private server (its own port and store, so the fixed `sipauth` subjects of the shipped file meet
 * no other test) started from deploy/nats/nats-server.conf. Each service does what it must with the
 * nats.js calls the services use (streams, ordered consumers, KV create/put/get/watch, request/reply)
 * and is refused what it must not. nats-server older than 2.10 does not know `sync_interval`; only
 * for such a server is that one line left out.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, NatsConnection, StringCodec } from 'nats';
import { JetStreamEventStore } from '@sipauth/event-store';

const ROOT = join(__dirname, '..', '..');
const NATS_SERVER = process.env.NATS_SERVER_BIN ?? '/usr/sbin/nats-server';
const sc = StringCodec();
const PASSWORDS: Record<string, string> = {
  NATS_CONFIG_SERVICE_PASSWORD: 'pw-config-service',
  NATS_PROJECTION_SERVICE_PASSWORD: 'pw-projection-service',
  NATS_SIP_AUTH_WORKER_PASSWORD: 'pw-sip-auth-worker',
  NATS_SIP_EDGE_PASSWORD: 'pw-sip-edge',
  NATS_CONFIG_CLIENT_PASSWORD: 'pw-config-client',
  NATS_SYS_PASSWORD: 'pw-sys',
};

let dir: string;
let server: ChildProcess;
let url: string;
const connections: NatsConnection[] = [];

async function as(user: string): Promise<NatsConnection> {
  const env = `NATS_${user.toUpperCase().replace(/-/g, '_')}_PASSWORD`;
  const nc = await connect({ servers: url, user, pass: PASSWORDS[env], name: `perm-test-${user}` });
  connections.push(nc);
  return nc;
}

function startServer(): Promise<string> {
  dir = mkdtempSync(join(tmpdir(), 'sipauth-nats-perm-'));
  const [, minor] = /v2\.(\d+)/.exec(execFileSync(NATS_SERVER, ['--version'], { encoding: 'utf8' }))!;
  let conf = readFileSync(join(ROOT, 'deploy', 'nats', 'nats-server.conf'), 'utf8')
    .replace(/^port: 4222$/m, 'host: 127.0.0.1\nport: -1')
    .replace(/^http_port: .*$/m, '')
    .replace('/data/jetstream', join(dir, 'js'));
  if (Number(minor) < 10) conf = conf.replace(/^\s*sync_interval: always\s*$/m, '');
  writeFileSync(join(dir, 'nats-server.conf'), conf);
  copyFileSync(join(ROOT, 'deploy', 'k8s', 'nats', 'accounts.conf'), join(dir, 'accounts.conf'));
  server = spawn(NATS_SERVER, ['-c', join(dir, 'nats-server.conf')], { env: { ...process.env, ...PASSWORDS }, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let log = '';
    const timer = setTimeout(() => reject(new Error(`nats-server did not start: ${log}`)), 10_000);
    const onData = (d: Buffer) => {
      log += d.toString();
      const m = /Listening for client connections on ([\d.]+:\d+)/.exec(log);
      if (m && /Server is ready/.test(log)) {
        clearTimeout(timer);
        resolve(`nats://${m[1]}`);
      }
    };
    server.stdout!.on('data', onData);
    server.stderr!.on('data', onData);
    server.on('exit', (code) => reject(new Error(`nats-server exited ${code}: ${log}`)));
  });
}

/** Whether a message published by `from` on `subject` reaches a subscriber of `observer`. */
async function delivered(from: NatsConnection, observer: NatsConnection, subject: string): Promise<boolean> {
  let got = false;
  // A refused subscription calls back once with the permissions error, never with a message.
  const sub = observer.subscribe(subject, { callback: (err) => { if (!err) got = true; } });
  await observer.flush();
  from.publish(subject, sc.encode('{}'));
  await from.flush().catch(() => undefined);
  await new Promise((r) => setTimeout(r, 150));
  sub.unsubscribe();
  return got;
}

const describeIfServer = existsSync(NATS_SERVER) ? describe : describe.skip;

describeIfServer('NATS users and permissions of deploy/, on a real nats-server', () => {
  beforeAll(async () => {
    url = await startServer();
  });

  afterAll(async () => {
    await Promise.all(connections.map((nc) => nc.close().catch(() => undefined)));
    server?.kill('SIGTERM');
    await new Promise((r) => server?.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a user with a wrong password', async () => {
    await expect(connect({ servers: url, user: 'sip-auth-worker', pass: 'wrong' })).rejects.toThrow(/Authorization/i);
  });

  it('lets config-service create the event stream, append events and read them back through an ordered consumer', async () => {
    const nc = await as('config-service');
    const jsm = await nc.jetstreamManager();
    // Through the real adapter: it creates the stream, and updates it when its settings change.
    await JetStreamEventStore.connect(nc, { namespace: 'sipauth' });
    await jsm.streams.update('sipauth_events', (await jsm.streams.info('sipauth_events')).config);
    const js = nc.jetstream();
    const ack = await js.publish('sipauth.events.trunk-t1', sc.encode('{"type":"TrunkCreated"}'));
    expect(ack.seq).toBeGreaterThan(0);
    const sm = await jsm.streams.getMessage('sipauth_events', { last_by_subj: 'sipauth.events.trunk-t1' });
    expect(sc.decode(sm.data)).toContain('TrunkCreated');
    const consumer = await js.consumers.get('sipauth_events', { filterSubjects: 'sipauth.events.trunk-t1' });
    const msg = await consumer.next({ expires: 2000 });
    expect(msg?.seq).toBe(ack.seq);
    const requests = await js.views.kv('sipauth_requests');
    await requests.put('r1', sc.encode('{}'));
  });

  it('lets projection-service follow the events and write the read models, but not append events', async () => {
    const nc = await as('projection-service');
    const js = nc.jetstream();
    const consumer = await js.consumers.get('sipauth_events');
    expect((await consumer.next({ expires: 2000 }))?.subject).toBe('sipauth.events.trunk-t1');
    const projection = await js.views.kv('sipauth_projection');
    await projection.put('active', sc.encode('{"bucket":"sipauth_rm_1"}'));
    const rm = await js.views.kv('sipauth_rm_1');
    await rm.put('acct.a1.trunk.t1', sc.encode('{"trunkId":"t1"}'));
    await expect(js.publish('sipauth.events.trunk-t2', sc.encode('{}'), { timeout: 1000 })).rejects.toThrow();
  });

  it('lets projection-service open the event store through the adapter, but not change the event stream or other services\' buckets', async () => {
    const nc = await as('projection-service');
    // The stream config-service created already fits: opening it asks for no update (which is denied).
    const store = await JetStreamEventStore.connect(nc, { namespace: 'sipauth' });
    await store.close();
    const jsm = await nc.jetstreamManager();
    const events = (await jsm.streams.info('sipauth_events')).config;
    await expect(jsm.streams.update('sipauth_events', { ...events, max_msgs: 10 })).rejects.toThrow();
    await expect(jsm.streams.delete('KV_sipauth_requests')).rejects.toThrow();
    await expect(jsm.streams.purge('KV_sipauth_requests')).rejects.toThrow();
  });

  it('lets the worker watch the read models and record nonces, but not write read models, events or commands', async () => {
    const nc = await as('sip-auth-worker');
    const js = nc.jetstream();
    const rm = await js.views.kv('sipauth_rm_1', { bindOnly: true });
    expect(sc.decode((await rm.get('acct.a1.trunk.t1'))!.value)).toContain('t1');
    const watch = await rm.watch();
    for await (const e of watch) {
      expect(e.key).toBe('acct.a1.trunk.t1');
      break;
    }
    const nonces = await js.views.kv('sipauth_nonces', { ttl: 300_000 });
    await nonces.create('n1.00000001', sc.encode('1'));
    await expect(rm.put('acct.a1.trunk.t1', sc.encode('{}'), { timeout: 1000 } as never)).rejects.toThrow();
    await expect(js.publish('sipauth.events.trunk-t3', sc.encode('{}'), { timeout: 1000 })).rejects.toThrow();
    const jsm = await nc.jetstreamManager();
    await expect(jsm.streams.delete('sipauth_events')).rejects.toThrow();
    const observer = await as('config-service');
    expect(await delivered(nc, observer, 'sipauth.v1.config.trunk.create')).toBe(false);
    expect(await delivered(await as('config-client'), observer, 'sipauth.v1.config.trunk.create')).toBe(true);
  });

  it('lets the SIP edge ask the worker, and nobody else answer in its place', async () => {
    const worker = await as('sip-auth-worker');
    worker.subscribe('sipauth.v1.auth.authorize', { queue: 'sip-auth-worker', callback: (_e, m) => m.respond(sc.encode('{"ok":true,"data":{}}')) });
    await worker.flush();
    const edge = await as('sip-edge');
    const reply = await edge.request('sipauth.v1.auth.authorize', sc.encode('{}'), { timeout: 2000 });
    expect(sc.decode(reply.data)).toBe('{"ok":true,"data":{}}');
    const config = await as('config-service');
    expect(await delivered(edge, config, 'sipauth.v1.auth.verify')).toBe(false);
    expect(await delivered(edge, worker, 'sipauth.v1.config.trunk.create')).toBe(false);
  });
});
