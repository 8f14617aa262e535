/**
 * The least CPU the SIP edge's hops can cost per call, whatever sipauth's own code does. Per call
 * the edge asks the worker twice over NATS (the INVITE that gets the 407, then the credentialed one)
 * and the worker claims the nonce with a JetStream KV create (SPEC §5: once across all replicas).
 * Here the same hops run with nothing else: a bare relay (TCP in, a NATS request on one wildcard
 * inbox, the reply written back: the bridge without JSON, base64 or padding), a bare responder (a
 * canned reply; for the second request a KV create-if-absent first, the worker without validation,
 * digest or nonces) and the NATS server, with messages of the real ones' sizes. The driver (this
 * process) plays Kamailio and is not counted.
 *
 * sip-edge.bench.ts runs it on its own private NATS server after the sipp rates and prints the
 * floor beside what the edge's bridge, worker and NATS cost: what is left to win by optimising
 * sipauth's code, and the best edge/alone CPU ratio this design reaches on this machine.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createConnection, createServer, type Socket } from 'node:net';
import { connect, createInbox, headers } from 'nats';
import { cpuMs } from './proc-cpu';

const SUBJECT = 'floor.ask';
const BUCKET = 'floor_nonces';
/** Sizes of the real messages (bytes): Kamailio's questions, the worker's replies (the 407 with two challenges). */
const QUESTION = { first: 'q'.repeat(260), credentialed: 'q'.repeat(600) };
const REPLY = { challenge: 'r'.repeat(520), allow: 'r'.repeat(190) };
/** A nonce/nc claim as the replay guard stores it: hash and transaction id. */
const CLAIM = 'c'.repeat(60);

/** Splits a stream into newline-terminated lines. */
function onLines(socket: Socket, handle: (line: string) => void): void {
  let rest = '';
  socket.setEncoding('latin1');
  socket.on('data', (chunk: string) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop()!;
    for (const line of lines) handle(line);
  });
}

/** Lines queued and written together at the end of this event-loop turn, as the bridge writes its answers. */
function lineWriter(socket: () => Socket | undefined): (line: string) => void {
  let out: string[] = [];
  return (line) => {
    if (out.length === 0) setImmediate(() => { socket()?.write(out.join('')); out = []; });
    out.push(line);
  };
}

/** Role `relay`: "<id> <kind> <payload>" lines in → NATS request → "<id> <kind> <reply>" lines out, written once per turn. */
async function relay(natsUrl: string): Promise<void> {
  const nc = await connect({ servers: natsUrl });
  const prefix = `${createInbox()}.`;
  const waiting = new Map<string, string>();
  let seq = 0;
  let socket: Socket | undefined;
  const answer = lineWriter(() => socket);
  nc.subscribe(`${prefix}*`, {
    callback: (err, msg) => {
      if (err) return;
      const token = msg.subject.slice(prefix.length);
      const head = waiting.get(token);
      if (head === undefined) return;
      waiting.delete(token);
      answer(`${head} ${msg.string()}\n`);
    },
  });
  const server = createServer((s) => {
    socket = s;
    onLines(s, (line) => {
      const second = line.indexOf(' ', line.indexOf(' ') + 1);
      const token = (seq = seq + 1).toString(36);
      waiting.set(token, line.slice(0, second));
      nc.publish(SUBJECT, line.slice(second + 1), { reply: prefix + token });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  console.log(`ready ${(server.address() as { port: number }).port}`);
}

/** Role `responder`: answers the first question at once, the credentialed one after a KV create-if-absent is acknowledged. */
async function responder(natsUrl: string): Promise<void> {
  const nc = await connect({ servers: natsUrl });
  await nc.jetstream().views.kv(BUCKET, { history: 1, ttl: 330_000 });
  const expectNone = headers();
  expectNone.set('Nats-Expected-Last-Subject-Sequence', '0');
  const ackPrefix = `${createInbox()}.`;
  const claims = new Map<string, (reply: string) => void>();
  const run = `${process.pid}x${Date.now().toString(36)}`;
  let seq = 0;
  nc.subscribe(`${ackPrefix}*`, {
    callback: (err, ack) => {
      if (err) return;
      const token = ack.subject.slice(ackPrefix.length);
      const respond = claims.get(token);
      claims.delete(token);
      // A refused claim would be a replay: answer as the worker would, so a broken run shows.
      respond?.(ack.string().includes('"error"') ? 'replayed' : REPLY.allow);
    },
  });
  nc.subscribe(SUBJECT, {
    queue: 'floor',
    callback: (err, msg) => {
      if (err) return;
      if (msg.data.length < QUESTION.credentialed.length) {
        msg.respond(REPLY.challenge);
        return;
      }
      const token = (seq = seq + 1).toString(36);
      claims.set(token, (reply) => msg.respond(reply));
      nc.publish(`$KV.${BUCKET}.${run}k${token}`, CLAIM, { reply: ackPrefix + token, headers: expectNone });
    },
  });
  await nc.flush();
  console.log('ready');
}

function startRole(role: 'relay' | 'responder', natsUrl: string): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, [__filename, role, natsUrl], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`edge floor ${role} exited (${code})`)));
    child.stdout!.setEncoding('utf8').on('data', (text: string) => {
      const m = /ready(?: (\d+))?/.exec(text);
      if (m) resolve({ child, port: Number(m[1] ?? 0) });
    });
  });
}

export interface EdgeFloor {
  /** Calls completed in the measured seconds. */
  calls: number;
  /** CPU ms per call. */
  relay: number;
  responder: number;
  nats: number;
}

/**
 * Drives `rate` calls/s (two questions each) through a bare relay and responder on the NATS server
 * at `natsUrl` (process `natsPid`) for `seconds` after a second's warm-up; CPU per completed call.
 */
export async function measureEdgeFloor(natsUrl: string, natsPid: number, rate: number, seconds: number): Promise<EdgeFloor> {
  const responderRole = await startRole('responder', natsUrl);
  const relayRole = await startRole('relay', natsUrl);
  const socket = createConnection({ host: '127.0.0.1', port: relayRole.port });
  await new Promise((resolve) => socket.once('connect', resolve));
  socket.setNoDelay(true);
  let done = 0;
  const send = lineWriter(() => socket);
  onLines(socket, (line) => {
    const [id, kind] = line.split(' ', 2);
    if (kind === '1') send(`${id} 2 ${QUESTION.credentialed}\n`);
    else done++;
  });
  const cpu = () => ({ relay: cpuMs(relayRole.child.pid!), responder: cpuMs(responderRole.child.pid!), nats: cpuMs(natsPid) });
  // New calls every 10 ms, numbered on from one phase to the next.
  let next = 0;
  const drive = async (ms: number) => {
    const t0 = Date.now();
    const first = next;
    for (let tick = 1; Date.now() - t0 < ms; tick++) {
      for (const end = first + Math.round((tick * rate) / 100); next < end; next++) send(`${next} 1 ${QUESTION.first}\n`);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, t0 + tick * 10 - Date.now())));
    }
  };
  await drive(1000); // warm-up: JIT, connections, the bucket's first blocks
  const before = cpu();
  const doneBefore = done;
  await drive(seconds * 1000);
  const after = cpu();
  const calls = done - doneBefore;
  socket.destroy();
  for (const role of [relayRole, responderRole]) {
    role.child.removeAllListeners('exit');
    role.child.kill('SIGTERM');
  }
  const per = (k: keyof typeof after) => (after[k] - before[k]) / Math.max(1, calls);
  return { calls, relay: per('relay'), responder: per('responder'), nats: per('nats') };
}

if (require.main === module) {
  const [role, natsUrl] = process.argv.slice(2);
  const run = role === 'relay' ? relay : role === 'responder' ? responder : undefined;
  if (!run || !natsUrl) {
    console.error('usage: edge-floor.js relay|responder <nats url>');
    process.exit(2);
  }
  run(natsUrl).catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
