/**
 * The TLS of the Kubernetes NATS configuration (deploy/k8s/nats/nats-cluster.conf), on real
 * nats-servers of the version CI has: clients must speak TLS and a service connects with the
 * options NATS_URL=tls://… and NATS_TLS_CA give it (and fails without the CA); two servers with
 * route certificates carrying `nats-route` form a cluster that carries requests; a server whose
 * certificate comes from the same CA but lacks that name is refused as a route, and the server
 * reports it. Certificates are made with the openssl CLI as cert-manager would issue them
 * (certificates.yaml); only paths, ports and the route list change from the shipped file.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect as tcpConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, NatsConnection } from 'nats';
import { natsConnectOptions, readSharedConfig } from '@sipauth/contracts';
import { describeWithPrivateNats, NATS_SERVER_BIN, natsServerMinorVersion } from '../support/private-nats';
import { freeLocalPorts } from '../support/ports';

const freePort = () => freeLocalPorts(1);

const ROOT = join(__dirname, '..', '..');
const PASSWORDS: Record<string, string> = Object.fromEntries(
  ['CONFIG_SERVICE', 'PROJECTION_SERVICE', 'SIP_AUTH_WORKER', 'SIP_EDGE', 'CONFIG_CLIENT', 'SYS'].map((u) => [`NATS_${u}_PASSWORD`, `p${randomBytes(24).toString('hex')}`]),
);

let dir: string;
const servers: { child: ChildProcess; log: string[] }[] = [];
const clients: NatsConnection[] = [];

function openssl(...args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
}

/** A key and certificate signed by the test CA, in a folder laid out like a cert-manager Secret. */
function issue(name: string, sans: string, usages: string): string {
  const out = join(dir, name);
  mkdirSync(out);
  openssl('req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', join(out, 'tls.key'), '-out', join(out, 'tls.csr'), '-subj', `/CN=${name}`);
  writeFileSync(join(out, 'ext'), `subjectAltName=${sans}\nextendedKeyUsage=${usages}\n`);
  openssl('x509', '-req', '-in', join(out, 'tls.csr'), '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', join(out, 'tls.crt'), '-days', '1', '-extfile', join(out, 'ext'));
  copyFileSync(join(dir, 'ca.crt'), join(out, 'ca.crt'));
  return out;
}


/** The shipped cluster config with this test's paths, ports and routes. */
function clusterConf(name: string, clientPort: number, clusterPort: number, routePorts: number[], routeCerts: string): string {
  let conf = readFileSync(join(ROOT, 'deploy', 'k8s', 'nats', 'nats-cluster.conf'), 'utf8')
    .replace('server_name: $POD_NAME', `server_name: ${name}`)
    .replace(/^port: 4222$/m, `host: 127.0.0.1\nport: ${clientPort}`)
    .replace(/^(http_port|pid_file): .*$/gm, '')
    .replace('/data/jetstream', join(dir, name, 'js'))
    .replaceAll('/etc/nats-tls/server', join(dir, 'server'))
    .replaceAll('/etc/nats-tls/route', routeCerts)
    .replace(/^ {2}port: 6222$/m, `  host: 127.0.0.1\n  port: ${clusterPort}`)
    .replace(/routes: \[[^\]]*\]/, `routes: [${routePorts.map((p) => ` nats-route://localhost:${p}`).join('')} ]`);
  if (!conf.includes(`port: ${clusterPort}`) || !conf.includes('nats-route://localhost')) throw new Error('the cluster block of nats-cluster.conf changed shape');
  if (natsServerMinorVersion() < 10) conf = conf.replace(/^\s*sync_interval: always\s*$/m, '');
  return conf;
}

/** Starts a server and resolves once it is ready; its whole log stays readable in `log`. */
function startServer(name: string, conf: string): Promise<{ child: ChildProcess; log: string[] }> {
  mkdirSync(join(dir, name), { recursive: true });
  writeFileSync(join(dir, name, 'nats.conf'), conf);
  copyFileSync(join(ROOT, 'deploy', 'k8s', 'nats', 'accounts.conf'), join(dir, name, 'accounts.conf'));
  const child = spawn(NATS_SERVER_BIN, ['-c', join(dir, name, 'nats.conf')], { env: { PATH: process.env.PATH, ...PASSWORDS }, stdio: ['ignore', 'pipe', 'pipe'] });
  const server = { child, log: [] as string[] };
  servers.push(server);
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      server.log.push(...chunk.toString().split('\n'));
      if (server.log.length > 5000) server.log.splice(0, server.log.length - 5000);
      if (server.log.some((l) => l.includes('Server is ready'))) resolve(server);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${name} exited (${code}):\n${server.log.join('\n')}`)));
  });
}

async function until<T>(what: string, attempt: () => Promise<T | undefined> | T | undefined, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await attempt();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function client(port: number, user: string, extra: Record<string, string> = {}): Promise<NatsConnection> {
  const env = { NATS_URL: `tls://localhost:${port}`, NATS_USER: user, NATS_PASSWORD: PASSWORDS[`NATS_${user.toUpperCase().replace(/-/g, '_')}_PASSWORD`], ...extra };
  const nc = await connect({ ...natsConnectOptions(readSharedConfig(env), `tls-test-${user}`), maxReconnectAttempts: 0, timeout: 5000 });
  clients.push(nc);
  return nc;
}

describeWithPrivateNats('TLS of the Kubernetes NATS cluster, on real nats-servers', () => {
  let portA: number;
  let portB: number;
  let clusterA: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sipauth-nats-tls-'));
    openssl('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', 'ca.key', '-out', 'ca.crt', '-subj', '/CN=sipauth-nats-ca', '-days', '1');
    issue('server', 'DNS:localhost,IP:127.0.0.1', 'serverAuth');
    const route = issue('route', 'DNS:nats-route,DNS:localhost', 'serverAuth,clientAuth');
    [portA, portB, clusterA] = await Promise.all([freePort(), freePort(), freePort()]);
    const clusterB = await freePort();
    await startServer('nats-a', clusterConf('nats-a', portA, clusterA, [clusterB], route));
    await startServer('nats-b', clusterConf('nats-b', portB, clusterB, [clusterA], route));
  }, 60_000);

  afterAll(async () => {
    await Promise.all(clients.map((nc) => nc.close().catch(() => undefined)));
    await Promise.all(servers.map(({ child }) => new Promise((r) => { if (child.exitCode !== null) r(null); else { child.once('exit', r); child.kill('SIGTERM'); } })));
    rmSync(dir, { recursive: true, force: true });
  });

  it('announces TLS as required to every client', async () => {
    const info = await new Promise<string>((resolve, reject) => {
      const socket = tcpConnect(portA, '127.0.0.1');
      socket.once('data', (d) => { socket.destroy(); resolve(d.toString()); });
      socket.once('error', reject);
    });
    expect(JSON.parse(info.replace(/^INFO /, ''))).toMatchObject({ tls_required: true });
  });

  it('connects a service with NATS_URL=tls://… and NATS_TLS_CA, and refuses one without the CA', async () => {
    const nc = await client(portA, 'config-client', { NATS_TLS_CA: join(dir, 'ca.crt') });
    expect(nc.info?.tls_required).toBe(true);
    await expect(client(portA, 'config-client')).rejects.toThrow(/certificate/i);
  });

  it('carries a request across the route of two servers whose route certificates carry nats-route', async () => {
    const responder = await client(portB, 'config-service', { NATS_TLS_CA: join(dir, 'ca.crt') });
    responder.subscribe('sipauth.v1.config.trunk.create', { callback: (_e, m) => m.respond(Buffer.from('via route')) });
    await responder.flush();
    const asker = await client(portA, 'config-client', { NATS_TLS_CA: join(dir, 'ca.crt') });
    const reply = await until('a reply across the route', async () => {
      const msg = await asker.request('sipauth.v1.config.trunk.create', Buffer.from('{}'), { timeout: 1000 }).catch(() => undefined);
      return msg ? Buffer.from(msg.data).toString() : undefined;
    });
    expect(reply).toBe('via route');
  });

  it('refuses as a route a server whose certificate, from the same CA, lacks the nats-route name', async () => {
    const rogue = issue('rogue', 'DNS:localhost,DNS:nats-0.nats-cluster', 'serverAuth,clientAuth');
    const [portC, clusterC] = await Promise.all([freePort(), freePort()]);
    const a = servers[0];
    const before = a.log.length;
    await startServer('nats-rogue', clusterConf('nats-rogue', portC, clusterC, [clusterA], rogue));
    const refusal = await until('nats-a to refuse the rogue route', () => a.log.slice(before).find((l) => /authentication error|Authorization Violation/i.test(l)));
    expect(refusal).toMatch(/rid:\d+ - (authentication error|.*Authorization Violation)/i);
  });
});
