/**
 * `node scripts/start.js` with Kamailio installed also starts the SIP edge (Kamailio + bridge) on
 * SIPAUTH_SIP_LISTEN, forwarding to SIPAUTH_SIP_UPSTREAM; SIGTERM stops Kamailio too.
 */
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NatsConnection } from 'nats';
import { cleanupNamespace, connectNats, freshNamespace, NATS_URL } from '../support/nats';
import { freeSipPort } from '../support/sip-edge';
import { waitFor } from '../support/stack';
import { RecordingUas, SipUdpClient } from './raw-sip';

const ROOT = join(__dirname, '..', '..');
const SERVICES = ['config-service', 'projection-service', 'sip-auth-worker', 'sip-edge'];

const alive = (pid: number) => { try { process.kill(pid, 0); return true; } catch { return false; } };

describe('npm start with the SIP edge', () => {
  const namespace = freshNamespace('se');
  const devDir = mkdtempSync(join(tmpdir(), 'sipauth-dev-'));
  let child: ChildProcess | undefined;
  let nc: NatsConnection;
  let uas: RecordingUas;
  let client: SipUdpClient;

  beforeAll(async () => {
    if (SERVICES.some((s) => !existsSync(join(ROOT, 'services', s, 'dist', 'main.js')))) {
      const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
      if (build.status !== 0) throw new Error('npm run build failed');
    }
    nc = await connectNats('sipauth-start-edge-e2e');
    uas = await RecordingUas.start();
    client = await SipUdpClient.open();
  }, 300_000);

  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    client?.close();
    uas?.close();
    await cleanupNamespace(nc, namespace);
    await nc.close();
    rmSync(devDir, { recursive: true, force: true });
  });

  it('starts Kamailio and the bridge, answers SIP through the worker, and stops them on SIGTERM', async () => {
    const sipPort = await freeSipPort();
    const { SIPAUTH_NONCE_SECRETS: _n, SIPAUTH_SEALING_KEYS: _s, CONFIG_API_TOKENS: _t, ...inherited } = process.env;
    const env = {
      ...inherited, NATS_URL, SIPAUTH_NAMESPACE: namespace, SIPAUTH_DEV_DIR: devDir, SIPAUTH_EDGE: 'on',
      CONFIG_HTTP_PORT: String(await freeSipPort()), PROJECTION_HTTP_PORT: String(await freeSipPort()),
      WORKER_HTTP_PORT: String(await freeSipPort()), SIP_EDGE_HTTP_PORT: String(await freeSipPort()),
      SIPAUTH_EVAPI_ADDRESS: `127.0.0.1:${await freeSipPort()}`,
      SIPAUTH_SIP_LISTEN: `udp:127.0.0.1:${sipPort}`, SIPAUTH_SIP_UPSTREAM: `sip:127.0.0.1:${uas.port}`,
    };
    child = spawn(process.execPath, [join(ROOT, 'scripts', 'start.js')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (d) => (output += d.toString()));
    child.stderr!.on('data', (d) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    await waitFor(() => {
      if (child!.exitCode !== null) throw new Error(`start.js exited early:\n${output}`);
      return output.includes('sipauth is ready');
    }, 'sipauth is ready', 120_000);
    expect(output).toContain(`SIP edge: Kamailio on 127.0.0.1:${sipPort} (UDP and TCP), allowed requests to sip:127.0.0.1:${uas.port}`);

    expect((await client.request(sipPort, { method: 'OPTIONS', domain: 'no-trunk.sipauth.test' })).status).toBe(404);

    const pid = Number(readFileSync(join(devDir, 'kamailio', 'kamailio.pid'), 'utf8'));
    expect(alive(pid)).toBe(true);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(alive(pid)).toBe(false);
  }, 180_000);
});
