/**
 * `node scripts/start.js` (what `npm start` runs after building) as a user runs it: the whole stack
 * in the foreground on a fresh namespace, configured over NATS, authorizing INVITEs; stopped by
 * SIGTERM and started again it still has every list and trunk and reuses its development keys;
 * stopped by SIGINT it exits 0 too.
 */
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NatsConnection } from 'nats';
import { cleanupNamespace, connectNats, freshNamespace, NATS_URL } from '../support/nats';
import { freeLocalPorts } from '../support/ports';

const freePort = () => freeLocalPorts(1);

const ROOT = join(__dirname, '..', '..');
const SERVICES = ['config-service', 'projection-service', 'sip-auth-worker'];
const ACCOUNT = 'AC-start-e2e';

interface Reply { ok: boolean; data?: any; error?: { code: string; message: string } }

interface Running { child: ChildProcess; output: () => string; exited: Promise<number | null> }

function startStack(env: NodeJS.ProcessEnv): Promise<Running> {
  const child = spawn(process.execPath, [join(ROOT, 'scripts', 'start.js')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => { output += d.toString(); });
  child.stderr!.on('data', (d) => { output += d.toString(); });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const running = { child, output: () => output, exited };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready in time:\n${output}`)), 120_000);
    const poll = setInterval(() => {
      if (/sipauth is ready/.test(output)) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve(running);
      }
    }, 100);
    void exited.then((code) => {
      clearInterval(poll);
      clearTimeout(timer);
      reject(new Error(`start.js exited ${code} before it was ready:\n${output}`));
    });
  });
}

async function stop(running: Running, signal: NodeJS.Signals): Promise<number | null> {
  running.child.kill(signal);
  return running.exited;
}

describe('npm start (scripts/start.js)', () => {
  const namespace = freshNamespace('st');
  const devDir = mkdtempSync(join(tmpdir(), 'sipauth-dev-'));
  const domain = `${namespace}.pstn.example.net`;
  let env: NodeJS.ProcessEnv;
  let nc: NatsConnection;
  let running: Running | undefined;
  const ids: Record<string, string> = {};
  let lastPosition = 0n;

  const request = async (subject: string, body: object): Promise<Reply> => {
    const msg = await nc.request(`${namespace}.v1.${subject}`, JSON.stringify(body), { timeout: 10_000 });
    return JSON.parse(msg.string()) as Reply;
  };
  const command = async (name: string, body: object) => {
    const reply = await request(`config.${name}`, { accountId: ACCOUNT, ...body });
    expect([name, reply.ok, reply.error]).toEqual([name, true, undefined]);
    const position = BigInt(reply.data.position);
    if (position > lastPosition) lastPosition = position;
    return reply.data;
  };
  const waitForWorker = async () => {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const status = await request('auth.status', {});
      if (status.ok && status.data.ready && BigInt(status.data.position) >= lastPosition) return;
      if (Date.now() > deadline) throw new Error(`worker not at ${lastPosition}: ${JSON.stringify(status)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const authorize = (sourceIp: string) =>
    request('auth.authorize', { domain, sourceIp, method: 'INVITE', requestUri: `sip:+15551234567@${domain}` });

  beforeAll(async () => {
    if (SERVICES.some((s) => !existsSync(join(ROOT, 'services', s, 'dist', 'main.js')))) {
      const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
      if (build.status !== 0) throw new Error('npm run build failed');
    }
    const { SIPAUTH_NONCE_SECRETS: _n, SIPAUTH_SEALING_KEYS: _s, CONFIG_API_TOKENS: _t, ...inherited } = process.env;
    env = {
      ...inherited,
      NATS_URL,
      SIPAUTH_NAMESPACE: namespace,
      SIPAUTH_DEV_DIR: devDir,
      SIPAUTH_REALM: 'sipauth.test',
      CONFIG_HTTP_PORT: String(await freePort()),
      PROJECTION_HTTP_PORT: String(await freePort()),
      WORKER_HTTP_PORT: String(await freePort()),
      // The SIP edge (fixed default ports) is covered by test/sip/start-edge.e2e.spec.ts.
      SIPAUTH_EDGE: 'off',
    };
    nc = await connectNats('sipauth-start-e2e');
  }, 300_000);

  afterAll(async () => {
    if (running && running.child.exitCode === null) await stop(running, 'SIGKILL');
    await cleanupNamespace(nc, namespace);
    await nc.close();
    rmSync(devDir, { recursive: true, force: true });
  });

  it('starts the stack with generated development keys, serves configuration and challenges an INVITE, and stops on SIGTERM with exit 0', async () => {
    running = await startStack(env);
    expect(running.output()).toMatch(/development keys generated in .*dev\.env; production must set SIPAUTH_NONCE_SECRETS, SIPAUTH_SEALING_KEYS, CONFIG_API_TOKENS/);
    expect(running.output()).toContain(`REST API http://127.0.0.1:${env.CONFIG_HTTP_PORT}/v1`);
    expect(running.output()).toContain(`console http://127.0.0.1:${env.CONFIG_HTTP_PORT}/console/`);
    const consolePage = await fetch(`http://127.0.0.1:${env.CONFIG_HTTP_PORT}/console/`);
    expect(consolePage.status).toBe(200);
    expect(await consolePage.text()).toContain('<title>sipauth console</title>');
    expect(running.output()).toMatch(/\[sip-auth-worker\]\s/);
    expect(statSync(join(devDir, 'dev.env')).mode & 0o777).toBe(0o600);

    ids.credentialListId = (await command('credential-list.create', { friendlyName: 'PBX users', username: 'alice', password: 'Correct-Horse-42' })).credentialListId;
    ids.ipAccessControlListId = (await command('ip-acl.create', { friendlyName: 'Office' })).ipAccessControlListId;
    await command('ip-address.add', { ipAccessControlListId: ids.ipAccessControlListId, friendlyName: 'office range', ipAddress: '203.0.113.0', cidrPrefixLength: 24 });
    ids.trunkId = (await command('trunk.create', { friendlyName: 'Main trunk', domainName: domain })).trunkId;
    await command('trunk.assign', { trunkId: ids.trunkId, listKind: 'credentialList', listId: ids.credentialListId });
    await command('trunk.assign', { trunkId: ids.trunkId, listKind: 'ipAccessControlList', listId: ids.ipAccessControlListId });
    await waitForWorker();

    const allowedIp = await authorize('203.0.113.9');
    expect(allowedIp.data).toMatchObject({ decision: 'challenge', status: 407, trunkId: ids.trunkId });
    expect(allowedIp.data.proxyAuthenticate.length).toBeGreaterThan(0);
    expect((await authorize('198.51.100.7')).data).toMatchObject({ decision: 'deny', status: 403, reason: 'ip-not-allowed' });

    expect(await stop(running, 'SIGTERM')).toBe(0);
    expect(running.output()).toMatch(/stopped cleanly/);
  }, 240_000);

  it('keeps every list and trunk and its development keys across a restart, and stops on SIGINT with exit 0', async () => {
    const keysBefore = readFileSync(join(devDir, 'dev.env'), 'utf8');
    running = await startStack(env);
    expect(running.output()).toMatch(/development keys read from .*dev\.env/);
    expect(running.output()).not.toMatch(/development keys generated/);
    expect(readFileSync(join(devDir, 'dev.env'), 'utf8')).toBe(keysBefore);

    await waitForWorker();
    const trunk = await request('query.trunk.get', { accountId: ACCOUNT, trunkId: ids.trunkId });
    expect(trunk.ok).toBe(true);
    expect(trunk.data.trunk).toMatchObject({ domainName: domain, credentialListIds: [ids.credentialListId], ipAccessControlListIds: [ids.ipAccessControlListId] });
    const list = await request('query.credential-list.get', { accountId: ACCOUNT, credentialListId: ids.credentialListId });
    expect(list.data.credentialList.credentials.map((c: { username: string }) => c.username)).toEqual(['alice']);
    expect((await authorize('203.0.113.9')).data).toMatchObject({ decision: 'challenge', status: 407 });

    expect(await stop(running, 'SIGINT')).toBe(0);
  }, 240_000);

  it('refuses to start with a clear message when NATS does not answer', async () => {
    const closedPort = await freePort();
    await expect(startStack({ ...env, NATS_URL: `nats://127.0.0.1:${closedPort}` })).rejects.toThrow(
      new RegExp(`exited 1 before it was ready:[\\s\\S]*cannot reach NATS at nats://127\\.0\\.0\\.1:${closedPort}`),
    );
  }, 60_000);

  it('stops the other services and exits non-zero when one of them dies', async () => {
    await expect(startStack({ ...env, WORKER_HTTP_PORT: 'not-a-port' })).rejects.toThrow(
      /exited 1 before it was ready:[\s\S]*sip-auth-worker exited unexpectedly[\s\S]*stopping config-service, projection-service, sip-auth-worker/,
    );
  }, 120_000);
});
