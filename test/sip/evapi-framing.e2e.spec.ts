/**
 * The bridge's answers survive Kamailio 5.6's evapi reader when it falls behind (see EVAPI_FRAME_GRID
 * in services/sip-edge/src/evapi/netstring.ts). A real Kamailio runs deploy/kamailio/kamailio.cfg; the
 * test writes answers for transactions that do not exist, which the cfg logs one by one ("answer for
 * a transaction no longer waiting (<tindex>:<tlabel>)"), so the log says which answers Kamailio parsed.
 * To make it fall behind on demand, its processes are stopped (SIGSTOP) while a burst of about 100 KB
 * is written and continued afterwards: its evapi process then reads the burst 32,767 bytes at a time.
 */
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createConnection, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeEvapiFrame, encodeNetstring, EVAPI_FRAME_GRID } from '../../services/sip-edge/src/evapi/netstring';
import { freeLocalPorts, KAMAILIO_BIN, kamailioArgs } from '../support/sip-edge';
import { waitFor } from '../support/stack';

const installed = existsSync(KAMAILIO_BIN) || spawnSync(KAMAILIO_BIN, ['-v']).status === 0;
const maybe = installed || process.env.CI ? describe : describe.skip;

let kamailio: ChildProcess;
let runDir: string;
let socket: Socket;
let log = '';
/** tindex values of the answers Kamailio parsed (each answer of this test has its own). */
const parsed = new Set<number>();

beforeAll(async () => {
  const port = await freeLocalPorts(2);
  const evapiPort = port + 1;
  runDir = mkdtempSync(join(tmpdir(), 'sipauth-evapi-framing-'));
  // Its own process group, so that the test can stop and continue every Kamailio process at once.
  kamailio = spawn(KAMAILIO_BIN, kamailioArgs({ port, evapiPort, runDir, upstream: 'sip:127.0.0.1:9' }), { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  kamailio.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    log += chunk;
    for (const m of chunk.matchAll(/no longer waiting \((\d+):\d+\)/g)) parsed.add(Number(m[1]));
  });
  socket = await connectWhenListening(evapiPort);
  await waitFor(() => log.includes('connected in slot'), 'Kamailio to register the connection');
}, 30_000);

afterAll(async () => {
  socket?.destroy();
  if (kamailio && kamailio.exitCode === null) {
    const exited = new Promise((resolve) => kamailio.once('exit', resolve));
    try { process.kill(-kamailio.pid!, 'SIGCONT'); process.kill(-kamailio.pid!, 'SIGTERM'); } catch { /* gone */ }
    await exited;
  }
  if (runDir) rmSync(runDir, { recursive: true, force: true });
});

async function connectWhenListening(port: number): Promise<Socket> {
  for (let i = 0; i < 100; i++) {
    const s = await new Promise<Socket | undefined>((resolve) => {
      const c = createConnection({ host: '127.0.0.1', port, noDelay: true }, () => resolve(c));
      c.once('error', () => resolve(undefined));
    });
    if (s) return s;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`evapi did not listen on ${port}`);
}

let nextIndex = 1_000_000;

/** Writes the frames while Kamailio is stopped, continues it, and returns how many it never parsed. */
async function burst(frames: { tindex: number; frame: Buffer }[]): Promise<number> {
  process.kill(-kamailio.pid!, 'SIGSTOP');
  try {
    await new Promise<void>((resolve, reject) => socket.write(Buffer.concat(frames.map((f) => f.frame)), (err) => (err ? reject(err) : resolve())));
    await new Promise((r) => setTimeout(r, 50));
  } finally {
    process.kill(-kamailio.pid!, 'SIGCONT');
  }
  // Done when the last one is parsed, or nothing new arrived for half a second (lost ones never will).
  let seen = parsed.size;
  let since = Date.now();
  await waitFor(() => {
    if (parsed.size !== seen) [seen, since] = [parsed.size, Date.now()];
    return parsed.has(frames[frames.length - 1].tindex) || Date.now() - since > 500;
  }, 'Kamailio to parse the burst', 20_000);
  return frames.filter((f) => !parsed.has(f.tindex)).length;
}

/** Answers as the bridge sends them: allow, deny, and challenges whose headers vary in length. */
function bridgeAnswer(i: number): { tindex: number; frame: Buffer } {
  const tindex = nextIndex++;
  const code = [200, 407, 403, 407, 404][i % 5];
  const nonce = 'n'.repeat(40 + ((i * 37) % 61));
  const hdrs = code === 407
    ? `Proxy-Authenticate: Digest realm="sipauth.test", nonce="${nonce}", algorithm=MD5, qop="auth"\r\nProxy-Authenticate: Digest realm="sipauth.test", nonce="${nonce}", algorithm=SHA-256, qop="auth"\r\n`
    : undefined;
  return { tindex, frame: encodeEvapiFrame(JSON.stringify({ tindex, tlabel: 7, code, ...(hdrs ? { hdrs } : {}) })) };
}

maybe('evapi framing under a Kamailio that falls behind', () => {
  it('control: plain netstrings of 64 bytes lose answers (32,767 bytes in ends one byte short of a comma)', async () => {
    const frames = Array.from({ length: 1500 }, () => {
      const tindex = nextIndex++;
      const base = JSON.stringify({ tindex, tlabel: 7, code: 403, x: '' });
      const body = `${base.slice(0, -2)}${'x'.repeat(60 - base.length)}"}`;
      const frame = encodeNetstring(body);
      expect(frame.length).toBe(64);
      return { tindex, frame };
    });
    // If this stops losing answers, Kamailio's evapi reads differently and the test below proves nothing.
    expect(await burst(frames)).toBeGreaterThan(100);
  }, 30_000);

  it(`loses none of the bridge's answers, framed to multiples of ${EVAPI_FRAME_GRID} bytes`, async () => {
    let lost = 0;
    let written = 0;
    for (let round = 0; round < 30; round++) {
      const frames = Array.from({ length: 600 }, (_, i) => bridgeAnswer(round * 600 + i));
      written += frames.reduce((n, f) => n + f.frame.length, 0);
      lost += await burst(frames);
    }
    // 30 bursts of about 110 KB: about 100 full reads, each ending at another offset of some frame.
    expect(written).toBeGreaterThan(90 * 32_767);
    expect(lost).toBe(0);
  }, 120_000);
});
