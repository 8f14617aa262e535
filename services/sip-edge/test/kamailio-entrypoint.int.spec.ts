/**
 * deploy/kamailio/entrypoint.sh (the image's Kamailio) run for real on free loopback ports: Kamailio on
 * its TLSF allocator with the shared memory SIPAUTH_KAMAILIO_SHM_MB asks for, and the cfg's UDP
 * receive buffer probed past Kamailio's 256 KB default (maxbuffer) where the kernel allows it
 * (bench/sip-edge.bench.ts: q_malloc's CPU, f_malloc's fragmentation and dropped datagrams).
 */
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { freeSipPort, KAMAILIO_BIN, KAMAILIO_CFG } from '../../../test/support/sip-edge';

const ENTRYPOINT = join(KAMAILIO_CFG, '..', 'entrypoint.sh');
const installed = existsSync(KAMAILIO_BIN) || spawnSync(KAMAILIO_BIN, ['-v']).status === 0;
const maybe = installed || process.env.CI ? describe : describe.skip;

function runEntrypoint(env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  let output = '';
  const child = spawn('sh', [ENTRYPOINT], {
    env: { ...process.env, PATH: `${dirname(KAMAILIO_BIN)}:${process.env.PATH ?? ''}`, KAMAILIO_CFG, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout!.on('data', (d: Buffer) => { output += d.toString(); });
  child.stderr!.on('data', (d: Buffer) => { output += d.toString(); });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function until(what: string, check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

maybe('deploy/kamailio/entrypoint.sh', () => {
  let runDir: string;
  beforeEach(() => { runDir = mkdtempSync(join(tmpdir(), 'sipauth-entrypoint-')); });
  afterEach(() => rmSync(runDir, { recursive: true, force: true }));

  it('runs Kamailio on TLSF with SIPAUTH_KAMAILIO_SHM_MB of shared memory and a UDP buffer past 256 KB where the kernel allows', async () => {
    const port = await freeSipPort();
    const evapiPort = await freeSipPort();
    const run = runEntrypoint({
      SIPAUTH_SIP_LISTEN: `udp:127.0.0.1:${port}`, SIPAUTH_EVAPI_BIND: `127.0.0.1:${evapiPort}`, KAMAILIO_RUN_DIR: runDir, SIPAUTH_KAMAILIO_SHM_MB: '48',
    });
    try {
      await until('Kamailio to probe its UDP buffer', () => /SO_RCVBUF is finally \d+/.test(run.output()));
      // The script execs Kamailio: its process is the one spawned.
      const args = readFileSync(`/proc/${run.child.pid}/cmdline`, 'utf8').split('\0');
      expect(args.slice(args.indexOf('-x'), args.indexOf('-x') + 2)).toEqual(['-x', 'tlsf']);
      expect(args.slice(args.indexOf('-X'), args.indexOf('-X') + 2)).toEqual(['-X', 'tlsf']);
      expect(run.output()).toMatch(/shm size: 50331648\b/);
      const rcvbuf = Number(/SO_RCVBUF is finally (\d+)/.exec(run.output())![1]);
      const rmemMax = Number(readFileSync('/proc/sys/net/core/rmem_max', 'utf8'));
      // Without maxbuffer Kamailio stops probing at 256 KB (the kernel reports twice what is set).
      if (rmemMax >= 1024 * 1024) expect(rcvbuf).toBeGreaterThan(2 * 256 * 1024);
    } finally {
      try { process.kill(-run.child.pid!, 'SIGTERM'); } catch { /* gone */ }
      await run.exited;
    }
  });

  it('refuses a SIPAUTH_KAMAILIO_SHM_MB that is not a whole number of MB, before starting Kamailio', async () => {
    const run = runEntrypoint({ SIPAUTH_SIP_LISTEN: 'udp:127.0.0.1:5060', KAMAILIO_RUN_DIR: runDir, SIPAUTH_KAMAILIO_SHM_MB: '64m' });
    expect(await run.exited).toBe(1);
    expect(run.output()).toMatch(/SIPAUTH_KAMAILIO_SHM_MB must be a whole number of MB/);
    expect(run.output()).not.toMatch(/SO_RCVBUF/);
  });
});
