/**
 * The SIP edge under test: the whole stack (stack.ts), one or more sip-edge bridges in this process,
 * and a real Kamailio running deploy/kamailio/kamailio.cfg on free loopback ports, optionally with a
 * sipp UAS (test/support/sipp/uas.xml) as the upstream of allowed calls. SIP clients send to
 * `host:port` (UDP and TCP). `close()` stops everything, also after a failed start.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DigestAlgorithmName } from '@sipauth/contracts';
import { RunningSipEdge, startSipEdge } from '../../services/sip-edge/src/bootstrap';
import { NATS_URL } from './nats';
import { freeLocalPorts, freeSipPort } from './ports';

export { freeLocalPorts, freeSipPort };
import { startStack, Stack, StackOptions, waitFor } from './stack';

export const KAMAILIO_CFG = join(__dirname, '..', '..', 'deploy', 'kamailio', 'kamailio.cfg');
export const SIPP_UAS_SCENARIO = join(__dirname, 'sipp', 'uas.xml');
const ACCOUNT = 'sip-edge-tests';

/** The kamailio binary: KAMAILIO_BIN, else the PATH's, else Debian's /usr/sbin one (not on every user's PATH). */
export const KAMAILIO_BIN = process.env.KAMAILIO_BIN
  ?? [...(process.env.PATH ?? '').split(':').filter(Boolean).map((d) => join(d, 'kamailio')), '/usr/sbin/kamailio'].find((p) => existsSync(p))
  ?? 'kamailio';

export interface SipEdgeOptions {
  /** Options of the stack it starts (ignored when `stack` is given). */
  stackOptions?: StackOptions;
  /** An already running stack to put the edge in front of (not closed by close()). */
  stack?: Stack;
  /** Bridges connected at start; default 1. */
  bridges?: number;
  /** `'sipp'` (default): a sipp UAS on a free port; a SIP URI: that next hop; `'none'`: no upstream (allowed requests get 503). */
  upstream?: 'sipp' | 'none' | string;
  /** Kamailio's bound on a suspended transaction (AUTH_TIMEOUT_MS); default 2000. */
  authTimeoutMs?: number;
  /** The bound given to the bridges (SIPAUTH_EDGE_AUTH_TIMEOUT_MS; they wait ¾ of it); default `authTimeoutMs`, else 2000. */
  bridgeTimeoutMs?: number;
}

export interface TrunkSpec {
  /** Default: a fresh `t<random>.sipauth.test`. */
  domain?: string;
  /** Credentials of one credential list assigned to the trunk. */
  credentials?: { username: string; password: string };
  /** IP ranges (CIDR or address) of one IP ACL assigned to the trunk. */
  acl?: string[];
  /** The trunk's digest algorithm order; default the product default (MD5 first). */
  algorithms?: DigestAlgorithmName[];
}

export interface SipEdge {
  stack: Stack;
  /** Where SIP clients send (UDP and TCP on the same port). */
  host: string;
  port: number;
  /** Kamailio's evapi socket the bridges connect to. */
  evapiPort: number;
  /** The upstream's listen port when it is the sipp UAS. */
  upstreamPort?: number;
  /** The sipp UAS's process id, when it is the upstream. */
  upstreamPid?: number;
  bridges: RunningSipEdge[];
  /** Starts one more bridge and waits until Kamailio has registered it. */
  addBridge(): Promise<RunningSipEdge>;
  /** Stops one bridge (Kamailio notices the closed connection). */
  stopBridge(bridge: RunningSipEdge): Promise<void>;
  /** Creates a trunk (with its list and ACL) and waits until the workers have it. */
  createTrunk(spec?: TrunkSpec): Promise<{ trunkId: string; domain: string }>;
  /** Stops Kamailio (SIGTERM) and starts it again on the same ports; resolves once every bridge has reconnected. */
  restartKamailio(): Promise<void>;
  /** Kamailio's log so far (stderr), for failure messages. */
  kamailioLog(): string;
  close(): Promise<void>;
}

/**
 * What sipp binds besides its SIP socket (`-i`/`-p`), as sipp arguments, each on 127.0.0.1 and picked
 * free, so that sipp processes running at once (in parallel test files, or anything else on the
 * machine) never meet on a fixed port. sipp 3.6 always binds its RTP echo sockets, even for a scenario
 * without media, on `-mp` and `-mp`+2 (default 6000/6002 and up) and exits when `-mp` or `-mp`+2 is
 * taken; its remote-control socket (`-cp`) defaults to UDP 8888 on every address.
 */
export async function sippLocalPortArgs(): Promise<string[]> {
  const media = await freeLocalPorts(3, { tcp: false });
  const control = await freeLocalPorts(1, { tcp: false });
  return ['-mi', '127.0.0.1', '-mp', String(media), '-ci', '127.0.0.1', '-cp', String(control)];
}

/** The sockets a process has bound (UDP, and TCP listening), read from /proc: `address:port` each. */
export function boundSocketsOf(pid: number): string[] {
  const inodes = new Set(readdirSync(`/proc/${pid}/fd`).map((fd) => {
    try { return /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1]; } catch { return undefined; }
  }).filter((i): i is string => i !== undefined));
  const hexIp = (hex: string) => [3, 2, 1, 0].map((i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16)).join('.');
  return ['udp', 'tcp'].flatMap((proto) => readFileSync(`/proc/${pid}/net/${proto}`, 'utf8').split('\n').slice(1)
    .map((line) => line.trim().split(/\s+/))
    .filter((f) => f.length > 9 && inodes.has(f[9]) && (proto === 'udp' || f[3] === '0A'))
    .map((f) => { const [ip, port] = f[1].split(':'); return `${proto} ${hexIp(ip)}:${parseInt(port, 16)}`; }));
}

const tcpOpen = (port: number) => new Promise<boolean>((resolve) => {
  const s = createConnection({ host: '127.0.0.1', port }, () => { s.destroy(); resolve(true); });
  s.once('error', () => resolve(false));
});

function stopChild(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => { try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* gone */ } }, 3000);
    child.once('exit', () => { clearTimeout(kill); resolve(); });
    try { process.kill(-child.pid!, 'SIGTERM'); } catch { resolve(); }
  });
}

/** Kamailio's command line for the cfg with these settings (also used by the bench). */
export function kamailioArgs(o: { port: number; evapiPort: number; upstream?: string; authTimeoutMs?: number; runDir: string; children?: number; extra?: string[] }): string[] {
  return [
    '-DD', '-E', '-x', 'tlsf', '-X', 'tlsf', '-f', KAMAILIO_CFG, '-m', '64', '-M', '8', '-Y', o.runDir, '-P', join(o.runDir, 'kamailio.pid'), '-w', o.runDir,
    '-A', `SIP_LISTEN_UDP=udp:127.0.0.1:${o.port}`, '-A', `SIP_LISTEN_TCP=tcp:127.0.0.1:${o.port}`,
    '-A', `EVAPI_BIND="127.0.0.1:${o.evapiPort}"`, '-A', `AUTH_TIMEOUT_MS=${o.authTimeoutMs ?? 2000}`,
    '-A', `SIP_CHILDREN=${o.children ?? 2}`,
    ...(o.upstream ? ['-A', `SIP_UPSTREAM="${o.upstream}"`] : []),
    ...(o.extra ?? []),
  ];
}

/** Starts the edge; see {@link SipEdgeOptions}. */
export async function startSipEdgeUnderTest(opts: SipEdgeOptions = {}): Promise<SipEdge> {
  const ownStack = !opts.stack;
  const stack = opts.stack ?? (await startStack({ prefix: 'sip', ...opts.stackOptions }));
  const runDir = mkdtempSync(join(tmpdir(), 'sipauth-kamailio-'));
  const children: ChildProcess[] = [];
  const bridges: RunningSipEdge[] = [];
  let log = '';
  let connectedSeen = 0;
  let disconnectedSeen = 0;
  const close = async () => {
    await Promise.all(bridges.map((b) => b.close().catch(() => undefined)));
    for (const c of children) await stopChild(c);
    rmSync(runDir, { recursive: true, force: true });
    if (ownStack) await stack.close();
  };
  try {
    const port = await freeSipPort();
    const evapiPort = await freeSipPort();
    let upstream: string | undefined;
    let upstreamPort: number | undefined;
    let upstreamPid: number | undefined;
    if (opts.upstream === undefined || opts.upstream === 'sipp') {
      upstreamPort = await freeSipPort();
      const uas = spawn('sipp', ['-sf', SIPP_UAS_SCENARIO, '-i', '127.0.0.1', '-p', String(upstreamPort), ...await sippLocalPortArgs(), '-nostdin', '-bind_local'], {
        stdio: ['ignore', 'ignore', 'pipe'], detached: true,
      });
      children.push(uas);
      upstreamPid = uas.pid;
      upstream = `sip:127.0.0.1:${upstreamPort}`;
    } else if (opts.upstream !== 'none') {
      upstream = opts.upstream;
    }
    const onLog = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      log += text;
      connectedSeen += text.split(' connected in slot ').length - 1;
      disconnectedSeen += text.split(' disconnected\n').length - 1;
      if (log.length > 200_000) log = log.slice(-100_000);
    };
    const startKamailio = async (): Promise<ChildProcess> => {
      const child = spawn(KAMAILIO_BIN, kamailioArgs({ port, evapiPort, upstream, authTimeoutMs: opts.authTimeoutMs, runDir }), {
        stdio: ['ignore', 'pipe', 'pipe'], detached: true,
      });
      children.push(child);
      child.stdout!.on('data', onLog);
      child.stderr!.on('data', onLog);
      await waitFor(async () => {
        if (child.exitCode !== null) throw new Error(`kamailio exited (${child.exitCode}):\n${log.slice(-3000)}`);
        return tcpOpen(port);
      }, 'kamailio listening');
      return child;
    };
    let kamailio = await startKamailio();

    const bridgeEnv = {
      NATS_URL: opts.stackOptions?.natsUrl ?? NATS_URL,
      SIPAUTH_NAMESPACE: stack.namespace,
      SIPAUTH_EVAPI_ADDRESS: `127.0.0.1:${evapiPort}`,
      SIPAUTH_EDGE_AUTH_TIMEOUT_MS: String(opts.bridgeTimeoutMs ?? opts.authTimeoutMs ?? 2000),
      SIP_EDGE_HTTP_PORT: '0',
    };
    const bridgeLog = (level: string, message: string) => { log += `[bridge ${level}] ${message}\n`; };
    const addBridge = async () => {
      const before = connectedSeen;
      const bridge = await startSipEdge(bridgeEnv, bridgeLog);
      bridges.push(bridge);
      await waitFor(() => connectedSeen > before, 'kamailio registering the bridge');
      return bridge;
    };
    for (let i = 0; i < (opts.bridges ?? 1); i++) await addBridge();

    return {
      stack, host: '127.0.0.1', port, evapiPort, upstreamPort, upstreamPid, bridges, addBridge,
      async stopBridge(bridge) {
        const before = disconnectedSeen;
        await bridge.close();
        bridges.splice(bridges.indexOf(bridge), 1);
        await waitFor(() => disconnectedSeen > before, 'kamailio noticing the closed bridge');
      },
      async createTrunk(spec = {}) {
        const domain = spec.domain ?? `t${Math.random().toString(36).slice(2, 10)}.sipauth.test`;
        const { trunkId } = await stack.apply<{ trunkId: string }>('trunk.create', { accountId: ACCOUNT, friendlyName: domain, domainName: domain });
        if (spec.credentials) {
          const { credentialListId } = await stack.apply<{ credentialListId: string }>('credential-list.create', {
            accountId: ACCOUNT, friendlyName: `${domain} users`, ...spec.credentials,
          });
          await stack.apply('trunk.assign', { accountId: ACCOUNT, trunkId, listKind: 'credentialList', listId: credentialListId });
        }
        if (spec.acl) {
          const { ipAccessControlListId } = await stack.apply<{ ipAccessControlListId: string }>('ip-acl.create', { accountId: ACCOUNT, friendlyName: `${domain} PBXs` });
          for (const [i, range] of spec.acl.entries()) {
            const [ipAddress, prefix] = range.split('/');
            await stack.apply('ip-address.add', {
              accountId: ACCOUNT, ipAccessControlListId, friendlyName: `range ${i}`, ipAddress, ...(prefix ? { cidrPrefixLength: Number(prefix) } : {}),
            });
          }
          await stack.apply('trunk.assign', { accountId: ACCOUNT, trunkId, listKind: 'ipAccessControlList', listId: ipAccessControlListId });
        }
        if (spec.algorithms) await stack.apply('trunk.set-digest-algorithms', { accountId: ACCOUNT, trunkId, algorithms: spec.algorithms });
        return { trunkId, domain };
      },
      async restartKamailio() {
        const before = connectedSeen;
        await stopChild(kamailio);
        children.splice(children.indexOf(kamailio), 1);
        kamailio = await startKamailio();
        await waitFor(() => connectedSeen >= before + bridges.length, 'the bridges reconnecting to the new Kamailio');
      },
      kamailioLog: () => log,
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}
