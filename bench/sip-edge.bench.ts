/**
 * The SIP edge under sipp's proxy-auth call scenario (test/sip/scenarios/uac-auth.xml: INVITE, 407,
 * ACK, INVITE with MD5 credentials, 200, ACK, BYE, 200) at rising rates, side by side in one run:
 *   (a) Kamailio alone doing digest auth itself (its auth module, password in the config, stateful);
 *   (b) Kamailio + sip-edge bridge + sip-auth-worker (+ NATS), the product.
 * Same Kamailio config file, children and upstream (a sipp UAS). For each rate: calls/s completed,
 * failed calls (sipp counts a call that timed out as failed), and CPU per call of each process
 * (/proc/<pid>/stat utime+stime before/after; Kamailio summed over its processes). Printed, not
 * asserted. Every process runs on this machine; NATS is a private nats-server so that the figure is
 * the edge's own. Rates and the seconds per step: SIP_EDGE_BENCH_RATES=500,1000 SIP_EDGE_BENCH_SECONDS=4.
 *
 * Both Kamailios run with the TLSF memory manager (-x tlsf -X tlsf, as deploy/kamailio/entrypoint.sh
 * runs the edge): with Kamailio's debugging default q_malloc, allocation alone took most of Kamailio's
 * CPU under load (perf: qm_malloc walking its free lists), which inflated the baseline and flattered
 * the ratio (SIP_EDGE_BENCH_KAMAILIO_MEM=qm shows it); f_malloc (fm) was as fast but ran the edge's
 * shared memory out at 1,000 calls/s (fragments). Also printed per rate: the kernel's share of
 * each process's CPU, the sipp UAC's and UAS's own CPU per call (they share the 2 cores), UDP datagrams
 * dropped for a full receive buffer, Kamailio's shared-memory allocation failures (1024 MB each by
 * default, SIP_EDGE_BENCH_SHM_MB: with 256 MB both setups ran out at 1,500 calls/s and answered 500)
 * and NATS messages per call (/varz of the private server).
 *
 * Last, at the highest rate both ran clean, the hop floor (bench/support/edge-floor.ts): the same two
 * NATS requests and KV create per call through a bare relay and a bare responder, with none of
 * sipauth's code, beside what the bridge, the worker and NATS cost. It bounds what optimising
 * sipauth can win; SIP_EDGE_BENCH_FLOOR=0 skips it.
 */
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { copyFileSync, createWriteStream, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { connect } from 'nats';
import { configSubject, authSubject } from '@sipauth/contracts';
import { startConfigService } from '@sipauth/config-service/dist/bootstrap';
import { startProjectionService } from '@sipauth/projection-service/dist/bootstrap';
import { measureEdgeFloor } from './support/edge-floor';
import { statFields, TICK_MS } from './support/proc-cpu';

const ROOT = join(__dirname, '..', '..');
/** SIP_EDGE_BENCH_CFG: another Kamailio config for both setups (e.g. an earlier version, to compare builds). */
const CFG = process.env.SIP_EDGE_BENCH_CFG ?? join(ROOT, 'deploy', 'kamailio', 'kamailio.cfg');
const UAC = join(ROOT, 'test', 'sip', 'scenarios', 'uac-auth.xml');
const UAS = join(ROOT, 'test', 'support', 'sipp', 'uas.xml');
const KAMAILIO = process.env.KAMAILIO_BIN ?? '/usr/sbin/kamailio';
const NATS_SERVER = process.env.NATS_SERVER_BIN ?? '/usr/sbin/nats-server';
const RATES = (process.env.SIP_EDGE_BENCH_RATES ?? '250,500,1000,1500,2000,3000,4000').split(',').map(Number);
const SECONDS = Number(process.env.SIP_EDGE_BENCH_SECONDS ?? 4);
const CHILDREN = Number(process.env.SIP_EDGE_BENCH_CHILDREN ?? 4);
/** Kamailio's memory manager for shm and pkg (-x/-X): tlsf as deploy/kamailio/entrypoint.sh runs it; qm is Kamailio's debugging default. */
const KAMAILIO_MEM = process.env.SIP_EDGE_BENCH_KAMAILIO_MEM ?? 'tlsf';
const DOMAIN = 'bench.sipauth.test';
const USER = { username: 'alice', password: 'Bench-Pass-123' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function freePort(): Promise<number> {
  for (;;) {
    const udp = createSocket('udp4');
    const port = await new Promise<number>((r) => udp.bind(0, '127.0.0.1', () => r(udp.address().port)));
    const ok = await new Promise<boolean>((r) => {
      const s = createServer().once('error', () => r(false));
      s.listen(port, '127.0.0.1', () => s.close(() => r(true)));
    });
    udp.close();
    if (ok) return port;
  }
}

/**
 * sipp's other local sockets, on loopback and free (as test/support/sip-edge.ts sippLocalPortArgs): the
 * RTP echo pair -mp/-mp+2 (sipp 3.6 binds it even without media, and exits when either is taken) and
 * the control socket -cp (else UDP 8888 on every address).
 */
async function sippLocalPortArgs(): Promise<string[]> {
  for (;;) {
    const media = await freePort();
    const video = createSocket('udp4');
    const free = await new Promise<boolean>((r) => video.once('error', () => r(false)).bind(media + 2, '127.0.0.1', () => r(true)));
    video.close();
    const control = await freePort();
    if (free && media + 2 <= 65535 && (control < media || control > media + 2)) return ['-mi', '127.0.0.1', '-mp', String(media), '-ci', '127.0.0.1', '-cp', String(control)];
  }
}

const started: ChildProcess[] = [];
/** Each process's output, for a look at what failed: SIP_EDGE_BENCH_LOGS=<dir>. */
const LOGS = process.env.SIP_EDGE_BENCH_LOGS;
/** With `watch`, the process's output (stdout and stderr) is also handed to it, line by line. */
function launch(cmd: string, args: string[], env?: NodeJS.ProcessEnv, watch?: (line: string) => void): ChildProcess {
  const file = LOGS ? join(LOGS, `${basename(cmd)}-${started.length}.log`) : undefined;
  if (!watch) {
    const out = file ? openSync(file, 'w') : 'ignore';
    const child = spawn(cmd, args, { env: env ?? process.env, stdio: ['ignore', out, out], detached: true });
    started.push(child);
    return child;
  }
  const child = spawn(cmd, args, { env: env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  started.push(child);
  const log = file ? createWriteStream(file) : undefined;
  for (const stream of [child.stdout!, child.stderr!]) {
    let rest = '';
    stream.setEncoding('utf8').on('data', (chunk: string) => {
      log?.write(chunk);
      const lines = (rest + chunk).split('\n');
      rest = lines.pop()!;
      for (const line of lines) watch(line);
    });
  }
  return child;
}

/**
 * Kamailio's shared memory (-m, MB; SIP_EDGE_BENCH_SHM_MB). Each call holds about 25 KB of it for tm's
 * 5 s wait timer after its final reply (deploy/kamailio/kamailio.cfg, max_branches), so 256 MB ran out
 * at about 1,800 calls/s (1,200 with Kamailio's default 12 branches) and the rest were answered 500:
 * a memory limit, not the setup's capacity. Allocation failures are counted and printed per rate.
 */
const SHM_MB = process.env.SIP_EDGE_BENCH_SHM_MB ?? '1024';
/** Kamailio's "could not allocate shared memory" lines so far, per setup. */
const shmFailures = { alone: 0, edge: 0 };
const countShmFailures = (setup: keyof typeof shmFailures) => (line: string) => {
  if (line.includes('could not allocate shared memory')) shmFailures[setup]++;
};
async function waitTcp(port: number): Promise<void> {
  for (let i = 0; i < 300; i++) {
    const ok = await new Promise<boolean>((r) => {
      const s = createConnection({ host: '127.0.0.1', port }, () => { s.destroy(); r(true); }).once('error', () => r(false));
    });
    if (ok) return;
    await sleep(50);
  }
  throw new Error(`nothing listens on ${port}`);
}

/** CPU ms used so far by each process of `pid` (or, with `group`, of every process in the group `pid`). */
function cpuByPid(pid: number, group = false, field: 'both' | 'sys' = 'both'): Map<string, number> {
  const pids = group ? readdirSync('/proc').filter((d) => /^\d+$/.test(d)) : [String(pid)];
  const out = new Map<string, number>();
  for (const p of pids) {
    const f = statFields(p);
    if (!f || (group && Number(f[2]) !== pid)) continue; // field 5: pgrp
    out.set(p, ((field === 'sys' ? 0 : Number(f[11])) + Number(f[12])) * TICK_MS); // fields 14, 15: utime, stime
  }
  return out;
}
const cpuMs = (pid: number, group = false) => [...cpuByPid(pid, group).values()].reduce((a, b) => a + b, 0);
/** Of which in the kernel (stime): on loopback a send also pays much of the receiver's network stack. */
const sysMs = (pid: number, group = false) => [...cpuByPid(pid, group, 'sys').values()].reduce((a, b) => a + b, 0);

/**
 * Times the process's threads went to sleep waiting (voluntary context switches, summed over its
 * threads, or over every process in the group `pid`): each is a wakeup later, and on an idle machine
 * the wakeups rather than the messages drive the Node processes' and NATS's CPU per call.
 */
function wakeups(pid: number, group = false): number {
  let total = 0;
  for (const p of group ? [...cpuByPid(pid, true).keys()] : [String(pid)]) {
    let tasks: string[];
    try { tasks = readdirSync(`/proc/${p}/task`); } catch { continue; }
    for (const t of tasks) {
      try { total += Number(/^voluntary_ctxt_switches:\s*(\d+)/m.exec(readFileSync(`/proc/${p}/task/${t}/status`, 'utf8'))?.[1] ?? 0); } catch { /* gone */ }
    }
  }
  return total;
}

interface Step { ok: number; failed: number; seconds: number; cpu: Record<string, number>; why: string; busiest: number; sipp: { uac: number; uas: number }; udpDrops: number; shmFailures: number; natsPerCall?: { in: number; out: number } }

/** CPU ms of this process's children that have exited and been waited for (cutime + cstime): the sipp UAC once it exits. */
const reapedChildrenCpuMs = () => {
  const f = statFields('self')!;
  return (Number(f[13]) + Number(f[14])) * TICK_MS; // fields 16, 17
};
/** UDP datagrams the kernel dropped for a full receive buffer (every socket on the machine). */
const udpRcvbufErrors = () => {
  const [names, values] = readFileSync('/proc/net/snmp', 'utf8').split('\n').filter((l) => l.startsWith('Udp:'));
  const i = names.split(' ').indexOf('RcvbufErrors');
  return Number(values.split(' ')[i]);
};
let uasPid = 0;
let aloneGroup = 0;

/**
 * SIP_EDGE_BENCH_TRACE=<dir>: while each sipp run lasts, `strace -c -f` on every traced process (syscall
 * counts per process, divide by the calls), or with SIP_EDGE_BENCH_TRACE_TOOL=perf a system-wide
 * `perf record -g` (perf report --comm <name>). Traced runs are slower: their CPU figures are not the bench's.
 */
const TRACE = process.env.SIP_EDGE_BENCH_TRACE;
/** Extra node flags for the worker and the bridge (SIP_EDGE_BENCH_NODE_FLAGS="--max-semi-space-size=16"). */
const NODE_FLAGS = (process.env.SIP_EDGE_BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean);
/** sipp's UDP socket buffers (-buff_size; its default 65535 drops datagrams in bursts on a busy machine): the load generators are not under test. */
const SIPP_BUFFER = ['-buff_size', process.env.SIP_EDGE_BENCH_SIPP_BUFFER ?? '4194304'];
function startTrace(setup: string, rate: number, pids: Record<string, number[]>): ChildProcess[] {
  if (!TRACE) return [];
  if (process.env.SIP_EDGE_BENCH_TRACE_TOOL === 'perf') {
    return [spawn('perf', ['record', '-a', '-g', '-o', join(TRACE, `perf-${setup}-${rate}.data`)], { stdio: 'ignore' })];
  }
  return Object.entries(pids).map(([name, list]) =>
    spawn('strace', ['-c', '-f', '-o', join(TRACE, `strace-${setup}-${rate}-${name}.txt`), ...list.flatMap((p) => ['-p', String(p)])], { stdio: 'ignore' }));
}
async function stopTrace(tracers: ChildProcess[]): Promise<void> {
  await Promise.all(tracers.map((t) => new Promise((r) => { t.once('exit', r); t.kill('SIGINT'); })));
}
const groupPids = (pgrp: number) => [...cpuByPid(pgrp, true).keys()].map(Number);

/** Runs one rate; `kamailioGroup` also yields the busiest Kamailio process's share of a core (one evapi dispatcher saturating would show). */
async function runUac(port: number, rate: number, probes: Record<string, () => number>, kamailioGroup: number, traced: Record<string, number[]> = {}): Promise<Step> {
  const perProcess = cpuByPid(kamailioGroup, true);
  const dir = mkdtempSync(join(tmpdir(), 'sipauth-bench-sipp-'));
  const calls = rate * SECONDS;
  const before = Object.fromEntries(Object.entries(probes).map(([k, f]) => [k, f()]));
  const tracers = startTrace(kamailioGroup === aloneGroup ? 'alone' : 'edge', rate, { kamailio: groupPids(kamailioGroup), ...traced });
  if (tracers.length > 0) await sleep(500);
  const setup = kamailioGroup === aloneGroup ? 'alone' : 'edge';
  const sippBefore = { uac: reapedChildrenCpuMs(), uas: cpuMs(uasPid), drops: udpRcvbufErrors(), shm: shmFailures[setup] };
  const t0 = Date.now();
  const uac = spawn('sipp', [
    `127.0.0.1:${port}`, '-sf', UAC, '-i', '127.0.0.1', '-p', String(await freePort()), ...await sippLocalPortArgs(),
    '-s', '15550100', '-key', 'domain', DOMAIN, '-au', USER.username, '-ap', USER.password, '-auth_uri', DOMAIN,
    '-r', String(rate), '-m', String(calls), '-l', String(Math.max(200, rate)), '-recv_timeout', '5000',
    '-timeout', `${SECONDS + 30}s`, '-nostdin', '-trace_screen', '-trace_err', '-max_socket', '4096', ...SIPP_BUFFER,
  ], { cwd: dir, stdio: 'ignore' });
  await new Promise((r) => uac.once('exit', r));
  const seconds = (Date.now() - t0) / 1000;
  const after = Object.fromEntries(Object.entries(probes).map(([k, f]) => [k, f()]));
  const sipp = { uac: reapedChildrenCpuMs() - sippBefore.uac, uas: cpuMs(uasPid) - sippBefore.uas };
  await stopTrace(tracers);
  const udpDrops = udpRcvbufErrors() - sippBefore.drops;
  await sleep(100); // Kamailio's last log lines
  const shm = shmFailures[setup] - sippBefore.shm;
  const busiest = Math.max(0, ...[...cpuByPid(kamailioGroup, true)].map(([p, ms]) => ms - (perProcess.get(p) ?? 0))) / (seconds * 1000);
  const read = (suffix: string) => readdirSync(dir).filter((f) => f.endsWith(suffix)).map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
  const screen = read('_screen.log');
  // What the failed calls got instead: "503x3 timeout x1".
  const reasons = new Map<string, number>();
  for (const m of read('_errors.log').matchAll(/received 'SIP\/2\.0 (\d{3})|(timeout)/gi)) reasons.set(m[1] ?? 'timeout', (reasons.get(m[1] ?? 'timeout') ?? 0) + 1);
  const why = [...reasons].map(([k, n]) => `${k}x${n}`).join(' ');
  if (LOGS) for (const f of readdirSync(dir)) copyFileSync(join(dir, f), join(LOGS, `uac-${port}-${rate}-${t0}-${f}`));
  rmSync(dir, { recursive: true, force: true });
  const cumulative = (label: string) => Number(new RegExp(`${label}\\s*\\|\\s*\\d+\\s*\\|\\s*(\\d+)`).exec(screen)?.[1] ?? NaN);
  const ok = cumulative('Successful call');
  const failed = Number.isNaN(ok) ? calls : calls - ok;
  const perCall = (ms: number) => ms / Math.max(1, ok || 0);
  return { ok: ok || 0, failed, seconds, why, busiest, sipp: { uac: perCall(sipp.uac), uas: perCall(sipp.uas) }, udpDrops, shmFailures: shm, cpu: Object.fromEntries(Object.keys(probes).map((k) => [k, (after[k] - before[k]) / Math.max(1, ok || 0)])) };
}

function kamailioArgs(port: number, extra: string[]): string[] {
  const run = mkdtempSync(join(tmpdir(), 'sipauth-bench-kam-'));
  return ['-DD', '-E', '-f', CFG, '-m', SHM_MB, '-x', KAMAILIO_MEM, '-X', KAMAILIO_MEM, '-Y', run, '-P', join(run, 'pid'), '-w', run,
    '-A', `SIP_LISTEN_UDP=udp:127.0.0.1:${port}`, '-A', `SIP_LISTEN_TCP=tcp:127.0.0.1:${port}`, '-A', `SIP_CHILDREN=${CHILDREN}`, ...extra];
}

/** Installed: it runs at all (sipp -v exits 99). */
const has = (bin: string) => !spawnSync(bin, ['-v'], { stdio: 'ignore' }).error;

async function main(): Promise<void> {
  const missing = [KAMAILIO, 'sipp', NATS_SERVER].filter((b) => !has(b));
  if (missing.length > 0) {
    console.log(`skipped: ${missing.join(', ')} not installed (.ci/run installs kamailio, sip-tester and nats-server from Debian)`);
    return;
  }
  const namespace = `bsip${Date.now().toString(36)}`;
  const natsPort = await freePort();
  const natsDir = mkdtempSync(join(tmpdir(), 'sipauth-bench-nats-'));
  const natsMonitor = await freePort();
  const nats = launch(NATS_SERVER, ['-js', '-a', '127.0.0.1', '-p', String(natsPort), '-m', String(natsMonitor), '-sd', natsDir]);
  await waitTcp(natsPort);
  /** Messages into and out of NATS so far (its /varz). */
  const natsMsgs = async () => {
    const v = (await (await fetch(`http://127.0.0.1:${natsMonitor}/varz`)).json()) as { in_msgs: number; out_msgs: number };
    return { in: v.in_msgs, out: v.out_msgs };
  };
  const env = {
    ...process.env, NATS_URL: `nats://127.0.0.1:${natsPort}`, SIPAUTH_NAMESPACE: namespace, SIPAUTH_REALM: 'sipauth.bench', NODE_ENV: 'production', LOG_LEVEL: process.env.SIP_EDGE_BENCH_LOG_LEVEL ?? 'warn',
    SIPAUTH_NONCE_SECRETS: `n1:${Buffer.alloc(32, 7).toString('base64')}`, SIPAUTH_SEALING_KEYS: `k1:${Buffer.alloc(32, 9).toString('base64')}`,
  };
  const config = await startConfigService({ ...env, CONFIG_HTTP_PORT: '0' }, { logger: ['error'] });
  const projection = await startProjectionService({ ...env, PROJECTION_HTTP_PORT: '0' });
  // SIP_EDGE_BENCH_PROFILE=<dir>: V8 CPU profiles of the worker and the bridge, to see where their time goes.
  const profile = process.env.SIP_EDGE_BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.SIP_EDGE_BENCH_PROFILE}`] : [];
  const worker = launch(process.execPath, [...NODE_FLAGS, ...profile, join(ROOT, 'services', 'sip-auth-worker', 'dist', 'main.js')], { ...env, WORKER_HTTP_PORT: String(await freePort()) });
  const nc = await connect({ servers: env.NATS_URL });
  const command = async (name: string, body: object) => {
    const reply = JSON.parse((await nc.request(configSubject(namespace, name as never), JSON.stringify({ accountId: 'bench', ...body }), { timeout: 10_000 })).string());
    if (!reply.ok) throw new Error(`${name}: ${JSON.stringify(reply.error)}`);
    return reply.data;
  };
  const list = await command('credential-list.create', { friendlyName: 'Bench', ...USER });
  const { trunkId } = await command('trunk.create', { friendlyName: 'Bench', domainName: DOMAIN });
  const { position } = await command('trunk.assign', { trunkId, listKind: 'credentialList', listId: list.credentialListId });
  for (;;) {
    const s = await nc.request(authSubject(namespace, 'status'), '{}', { timeout: 5000 }).then((m) => JSON.parse(m.string())).catch(() => undefined);
    if (s?.ok && BigInt(s.data.position) >= BigInt(position)) break;
    await sleep(100);
  }

  const uasPort = await freePort();
  uasPid = launch('sipp', ['-sf', UAS, '-i', '127.0.0.1', '-p', String(uasPort), ...await sippLocalPortArgs(), '-nostdin', '-max_socket', '4096', ...SIPP_BUFFER]).pid!;
  const upstream = `SIP_UPSTREAM="sip:127.0.0.1:${uasPort}"`;
  const alonePort = await freePort();
  const alone = launch(KAMAILIO, kamailioArgs(alonePort, ['-A', upstream, '-A', 'WITH_LOCAL_AUTH', '-A', 'LOCAL_AUTH_REALM="sipauth.bench"',
    '-A', `LOCAL_AUTH_USER="${USER.username}"`, '-A', `LOCAL_AUTH_PASSWORD="${USER.password}"`]), undefined, countShmFailures('alone'));
  aloneGroup = alone.pid!;
  const edgePort = await freePort();
  const evapiPort = await freePort();
  const edge = launch(KAMAILIO, kamailioArgs(edgePort, ['-A', upstream, '-A', `EVAPI_BIND="127.0.0.1:${evapiPort}"`]), undefined, countShmFailures('edge'));
  await waitTcp(alonePort);
  await waitTcp(edgePort);
  const bridgeHttp = await freePort();
  const bridge = launch(process.execPath, [...NODE_FLAGS, ...profile, join(ROOT, 'services', 'sip-edge', 'dist', 'main.js')], {
    ...env, SIPAUTH_EVAPI_ADDRESS: `127.0.0.1:${evapiPort}`, SIP_EDGE_HTTP_PORT: String(bridgeHttp),
  });
  while (!(await fetch(`http://127.0.0.1:${bridgeHttp}/readyz`).then((r) => r.ok, () => false))) await sleep(100);
  await sleep(300); // Kamailio registers the bridge's connection in its event route

  console.log(`sipp uac-auth.xml, ${SECONDS} s per rate, Kamailio ${CHILDREN} children per socket, memory manager ${KAMAILIO_MEM}, ${SHM_MB} MB shared; CPU in ms per completed call; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log('rate/s | alone: done/s failed kam busiest | edge: done/s failed kam bridge worker nats total busiest | edge/alone CPU | 1-min load average');
  const best = { alone: 0, edge: 0 };
  const common = { rate: 0, aloneCpu: 0, edgeCpu: 0, edgeKam: 0 };
  let aloneDone = false;
  let edgeDone = false;
  // A shared machine stalls now and then: a rate that fails is tried once more before it counts.
  // Clean: no failed call, and at least 90 % of the offered rate done (sipp's -l throttles a setup whose calls take too long;
  // the slack is for the last calls' latency, counted in the run's seconds).
  const clean = (x: Step, rate: number) => x.failed === 0 && x.ok / x.seconds >= 0.9 * rate;
  const attempt = async (rate: number, run: () => Promise<Step>) => {
    const first = await run();
    return clean(first, rate) ? first : run();
  };
  for (const rate of RATES) {
    const a = aloneDone ? undefined : await attempt(rate, () => runUac(alonePort, rate, { kam: () => cpuMs(alone.pid!, true), kamSys: () => sysMs(alone.pid!, true), kamWake: () => wakeups(alone.pid!, true) }, alone.pid!));
    const e = edgeDone ? undefined : await attempt(rate, async () => {
      const m0 = await natsMsgs();
      const step = await runUac(edgePort, rate, {
        kam: () => cpuMs(edge.pid!, true), bridge: () => cpuMs(bridge.pid!), worker: () => cpuMs(worker.pid!), nats: () => cpuMs(nats.pid!),
        kamSys: () => sysMs(edge.pid!, true), bridgeSys: () => sysMs(bridge.pid!), workerSys: () => sysMs(worker.pid!), natsSys: () => sysMs(nats.pid!),
        kamWake: () => wakeups(edge.pid!, true), bridgeWake: () => wakeups(bridge.pid!), workerWake: () => wakeups(worker.pid!), natsWake: () => wakeups(nats.pid!),
      }, edge.pid!, { bridge: [bridge.pid!], worker: [worker.pid!], nats: [nats.pid!] });
      const m1 = await natsMsgs();
      step.natsPerCall = { in: (m1.in - m0.in) / Math.max(1, step.ok), out: (m1.out - m0.out) / Math.max(1, step.ok) };
      return step;
    });
    const f = (n: number) => n.toFixed(3);
    const aText = a ? `${(a.ok / a.seconds).toFixed(0)} ${a.failed}${a.why ? ` (${a.why})` : ''} ${f(a.cpu.kam)} ${(100 * a.busiest).toFixed(0)}%` : '-';
    const eTotal = e ? e.cpu.kam + e.cpu.bridge + e.cpu.worker + e.cpu.nats : 0;
    const eText = e ? `${(e.ok / e.seconds).toFixed(0)} ${e.failed}${e.why ? ` (${e.why})` : ''} ${f(e.cpu.kam)} ${f(e.cpu.bridge)} ${f(e.cpu.worker)} ${f(e.cpu.nats)} ${f(eTotal)} ${(100 * e.busiest).toFixed(0)}%` : '-';
    const ratio = a && e ? ` | edge/alone CPU ${(eTotal / Math.max(1e-9, a.cpu.kam)).toFixed(2)}x` : '';
    console.log(`${rate} | ${aText} | ${eText}${ratio} | load ${loadavg()[0].toFixed(1)}`);
    const sys = (x: Step | undefined, names: string[]) => (x ? names.map((n) => `${n} ${f(x.cpu[`${n}Sys`])}`).join(' ') : '-');
    console.log(`     of which in the kernel (ms per call) | alone: ${sys(a, ['kam'])} | edge: ${sys(e, ['kam', 'bridge', 'worker', 'nats'])}`);
    const wake = (x: Step | undefined, names: string[]) => (x ? names.map((n) => `${n} ${x.cpu[`${n}Wake`].toFixed(2)}`).join(' ') : '-');
    console.log(`     wakeups per call (voluntary context switches, all threads) | alone: ${wake(a, ['kam'])} | edge: ${wake(e, ['kam', 'bridge', 'worker', 'nats'])}`);
    const load = (x?: Step) => (x ? `sipp uac ${f(x.sipp.uac)} uas ${f(x.sipp.uas)}, UDP drops ${x.udpDrops}, Kamailio shm allocation failures ${x.shmFailures}${x.natsPerCall ? `, NATS messages per call in ${x.natsPerCall.in.toFixed(1)} out ${x.natsPerCall.out.toFixed(1)}` : ''}` : '-');
    console.log(`     load generators (ms per call) and full UDP receive buffers, shm | alone: ${load(a)} | edge: ${load(e)}`);
    if (a && clean(a, rate)) best.alone = rate;
    else aloneDone = true;
    if (e && clean(e, rate)) best.edge = rate;
    else edgeDone = true;
    if (a && e && clean(a, rate) && clean(e, rate)) Object.assign(common, { rate, aloneCpu: a.cpu.kam, edgeCpu: eTotal, edgeKam: e.cpu.kam });
    if (aloneDone && edgeDone) break;
  }
  const ratio = (x: number, y: number) => (y > 0 ? `${(x / y).toFixed(2)}x` : 'n/a');
  console.log(`highest clean rate: Kamailio alone ${best.alone}/s, edge ${best.edge}/s (${ratio(best.edge, best.alone)}; target >= 0.8x)`);
  console.log(`CPU per call at ${common.rate}/s, the highest rate both ran clean: alone ${common.aloneCpu.toFixed(3)} ms, edge ${common.edgeCpu.toFixed(3)} ms (${ratio(common.edgeCpu, common.aloneCpu)}; target <= 2x), of which Kamailio ${common.edgeKam.toFixed(3)} ms`);
  if (common.rate > 0 && process.env.SIP_EDGE_BENCH_FLOOR !== '0') {
    // The same hops with nothing of sipauth in them (bench/support/edge-floor.ts), at the same rate on the same NATS.
    const floor = await measureEdgeFloor(env.NATS_URL, nats.pid!, common.rate, SECONDS);
    const hops = floor.relay + floor.responder + floor.nats;
    const least = common.edgeKam + hops;
    console.log(`hop floor at ${common.rate}/s (bare relay + bare responder + NATS, 2 requests and 1 KV create per call, no sipauth code; ${floor.calls} calls): ` +
      `relay ${floor.relay.toFixed(3)} + responder ${floor.responder.toFixed(3)} + NATS ${floor.nats.toFixed(3)} = ${hops.toFixed(3)} ms per call, ` +
      `against the edge's bridge + worker + NATS ${(common.edgeCpu - common.edgeKam).toFixed(3)} ms; with the edge's Kamailio, ${least.toFixed(3)} ms = ${ratio(least, common.aloneCpu)} Kamailio alone at best`);
  }

  await nc.close();
  for (const c of started.reverse()) { try { process.kill(-c.pid!, 'SIGTERM'); } catch { /* gone */ } }
  await projection.close();
  await config.close();
  await sleep(500);
  rmSync(natsDir, { recursive: true, force: true });
}

main().then(() => process.exit(0), (err) => {
  console.error(err);
  for (const c of started) { try { process.kill(-c.pid!, 'SIGKILL'); } catch { /* gone */ } }
  process.exit(1);
});
