/**
 * A private nats-server with JetStream for tests that must stop or restart NATS itself, which the
 * shared server on 127.0.0.1:4222 must never be. It listens on a free port of 127.0.0.1 and keeps
 * its store in a temporary directory; `restart()` stops it with SIGTERM (a clean shutdown) and
 * starts it again on the same port and store, so clients reconnect to the same URL and find the
 * same streams. `stop()` removes the store. `startShippedNats` runs deploy/'s own configuration (users,
 * permissions) instead. Without a nats-server binary the tests that need one fail, saying so.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freeLocalPorts } from './ports';

const freePort = () => freeLocalPorts(1);

export const NATS_SERVER_BIN = process.env.NATS_SERVER_BIN ?? '/usr/sbin/nats-server';
const DEPLOY_NATS = join(__dirname, '..', '..', 'deploy', 'nats');

/**
 * `describe` for tests that need their own nats-server. Without the binary the suite FAILS with a
 * test saying so (CI installs Debian's nats-server): a missing server must not pass for a green run.
 */
export function describeWithPrivateNats(name: string, fn: () => void): void {
  if (existsSync(NATS_SERVER_BIN)) {
    describe(name, fn);
    return;
  }
  describe(name, () => {
    it('needs a nats-server binary', () => {
      throw new Error(`no nats-server at ${NATS_SERVER_BIN}: install Debian's nats-server (apt-get install nats-server) or set NATS_SERVER_BIN`);
    });
  });
}

/** The nats-server's minor version (2.x), e.g. 9 for Debian bookworm's 2.9.10. */
export function natsServerMinorVersion(): number {
  const match = /v2\.(\d+)/.exec(execFileSync(NATS_SERVER_BIN, ['--version'], { encoding: 'utf8' }));
  if (!match) throw new Error(`cannot read the version of ${NATS_SERVER_BIN}`);
  return Number(match[1]);
}

export interface ShippedNatsOptions {
  /** The nats-server process's environment: the users' passwords ($NATS_*_PASSWORD). */
  env: Record<string, string>;
}

/**
 * A private nats-server running the configuration shipped for docker-compose
 * (deploy/nats/nats-server.conf with deploy/k8s/nats/accounts.conf: the real users and permissions),
 * after deploy/nats/check-passwords.sh accepted `env` as compose does. Only what cannot be shipped
 * as is changes: a free port on 127.0.0.1, no monitoring port, a temporary store, and on a
 * nats-server older than 2.10 (Debian's 2.9.10) the `sync_interval` line it does not know.
 */
export async function startShippedNats(options: ShippedNatsOptions): Promise<PrivateNats> {
  const storeDir = mkdtempSync(join(tmpdir(), 'sipauth-shipped-nats-'));
  const port = await freePort();
  try {
    execFileSync('sh', [join(DEPLOY_NATS, 'check-passwords.sh')], { env: { PATH: process.env.PATH, ...options.env }, stdio: 'pipe' });
    let conf = readFileSync(join(DEPLOY_NATS, 'nats-server.conf'), 'utf8')
      .replace(/^port: 4222$/m, `host: 127.0.0.1\nport: ${port}`)
      .replace(/^http_port: .*$/m, '')
      .replace('/data/jetstream', join(storeDir, 'js'));
    if (natsServerMinorVersion() < 10) conf = conf.replace(/^\s*sync_interval: always\s*$/m, '');
    writeFileSync(join(storeDir, 'nats-server.conf'), conf);
    copyFileSync(join(DEPLOY_NATS, 'accounts.conf'), join(storeDir, 'accounts.conf'));
  } catch (err) {
    rmSync(storeDir, { recursive: true, force: true });
    throw err;
  }
  const args = ['-c', join(storeDir, 'nats-server.conf')];
  return supervise(port, storeDir, () => launch(port, args, options.env));
}

export interface PrivateNats {
  /** `nats://127.0.0.1:<port>`, the same across restarts. */
  readonly url: string;
  /**
   * SIGTERM, wait for the process to exit, start again on the same port and store directory;
   * `downForMs` keeps it down that long in between (an outage rather than a quick restart).
   */
  restart(options?: { downForMs?: number }): Promise<void>;
  /** SIGTERM and wait for the exit; the server stays down (same port and store) until `up()`. */
  down(): Promise<void>;
  /** Starts a server that `down()` stopped, on the same port and store. */
  up(): Promise<void>;
  /** Stops the server and removes its store directory. */
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 15_000;

/** Starts a private JetStream-enabled nats-server and resolves once it accepts clients. */
export async function startPrivateNats(): Promise<PrivateNats> {
  const storeDir = mkdtempSync(join(tmpdir(), 'sipauth-private-nats-'));
  const port = await freePort();
  return supervise(port, storeDir, () => launch(port, ['-js', '-a', '127.0.0.1', '-p', String(port), '-sd', storeDir]));
}

async function supervise(port: number, storeDir: string, start: () => Promise<ChildProcess>): Promise<PrivateNats> {
  let server: ChildProcess | undefined;
  try {
    server = await start();
  } catch (err) {
    rmSync(storeDir, { recursive: true, force: true });
    throw err;
  }
  return {
    url: `nats://127.0.0.1:${port}`,
    async restart({ downForMs = 0 } = {}) {
      if (server) await terminate(server);
      server = undefined;
      if (downForMs > 0) await new Promise((resolve) => setTimeout(resolve, downForMs));
      server = await start();
    },
    async down() {
      if (server) await terminate(server);
      server = undefined;
    },
    async up() {
      if (!server) server = await start();
    },
    async stop() {
      if (server) await terminate(server);
      server = undefined;
      rmSync(storeDir, { recursive: true, force: true });
    },
  };
}

function launch(port: number, args: string[], env?: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(NATS_SERVER_BIN, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(env ? { env: { PATH: process.env.PATH, ...env } } : {}),
  });
  return new Promise((resolve, reject) => {
    let log = '';
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`nats-server on port ${port} ${why}:\n${log}`));
    };
    const timer = setTimeout(() => fail(`not ready within ${START_TIMEOUT_MS} ms`), START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      // Keep only the start-up log: a long test would otherwise collect every line the server writes.
      if (log.length < 64_000) log += chunk.toString();
      if (/Server is ready/.test(log)) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        child.stderr!.off('data', onData);
        child.stdout!.resume();
        child.stderr!.resume();
        child.off('exit', onEarlyExit);
        resolve(child);
      }
    };
    const onEarlyExit = (code: number | null, signal: string | null) => fail(`exited before it was ready (code ${code}, signal ${signal})`);
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', onEarlyExit);
    child.once('error', (err) => fail(`could not be started: ${err.message}`));
  });
}

function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`nats-server (pid ${child.pid}) did not exit within ${STOP_TIMEOUT_MS} ms of SIGTERM; killed`));
    }, STOP_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

