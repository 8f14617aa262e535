#!/usr/bin/env node
// `npm start`: the whole sipauth stack in the foreground (SPEC §7, §8).
//
// Checks that NATS (with JetStream) answers, builds if a service's dist is missing, keeps development
// keys in .sipauth/dev.env (SIPAUTH_DEV_DIR overrides the folder) when none are configured, starts
// config-service, projection-service and sip-auth-worker as child processes with their output
// prefixed by their name, waits until each is ready and prints one "sipauth is ready" line. SIGINT or
// SIGTERM is forwarded to every child; once they have drained NATS (and the projection has stored its
// checkpoint) it exits 0. If a child dies on its own, the others are stopped and it exits 1.
'use strict';

const { spawn, spawnSync } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { existsSync, mkdirSync, readFileSync, writeFileSync, chmodSync } = require('node:fs');
const http = require('node:http');
const { join, relative } = require('node:path');
const readline = require('node:readline');

const ROOT = join(__dirname, '..');
const SERVICES = ['config-service', 'projection-service', 'sip-auth-worker'];
const DEV_KEYS = ['SIPAUTH_NONCE_SECRETS', 'SIPAUTH_SEALING_KEYS', 'CONFIG_API_TOKENS'];
const READY_TIMEOUT_MS = Number(process.env.SIPAUTH_START_READY_TIMEOUT_MS || 120_000);
const STOP_TIMEOUT_MS = 30_000;

const say = (line) => process.stdout.write(`[start] ${line}\n`);
const fail = (line) => {
  process.stderr.write(`[start] ${line}\n`);
  process.exit(1);
};

function ensureBuilt() {
  const missing = [...SERVICES, 'sip-edge'].filter((s) => !existsSync(join(ROOT, 'services', s, 'dist', 'main.js')));
  if (missing.length === 0) return;
  say(`${missing.join(', ')} not built yet: running npm run build`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const run = spawnSync(npm, ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (run.status !== 0) fail('npm run build failed');
}

function parseEnvFile(text) {
  const out = {};
  for (const line of text.split('\n')) {
    const m = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (m) out[m[1]] = m[2];
  }
  return out;
}

/** Development keys: the environment's if set, else those kept in dev.env, else new ones (kept). */
function developmentKeys(env) {
  const missing = DEV_KEYS.filter((k) => !env[k]);
  if (missing.length === 0) return {};
  const dir = env.SIPAUTH_DEV_DIR || join(ROOT, '.sipauth');
  const file = join(dir, 'dev.env');
  const rel = relative(process.cwd(), file);
  const shown = rel && !rel.startsWith('..') ? rel : file;
  const kept = existsSync(file) ? parseEnvFile(readFileSync(file, 'utf8')) : {};
  const key = (id) => `${id}:${randomBytes(32).toString('base64')}`;
  const fresh = {
    SIPAUTH_NONCE_SECRETS: () => key('dev-n1'),
    SIPAUTH_SEALING_KEYS: () => key('dev-k1'),
    // name:token=accounts: the name `dev` is what the audit trail shows for this token.
    CONFIG_API_TOKENS: () => `dev:dev-${randomBytes(24).toString('hex')}=*`,
  };
  const generated = DEV_KEYS.filter((k) => !kept[k]);
  const all = { ...kept };
  for (const k of generated) all[k] = fresh[k]();
  if (generated.length > 0) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const body = [
      '# Development keys for `npm start` (generated once, reused on later starts). Never use them in production.',
      ...DEV_KEYS.map((k) => `${k}=${all[k]}`),
      '',
    ].join('\n');
    writeFileSync(file, body, { mode: 0o600 });
    chmodSync(file, 0o600);
    say(`development keys generated in ${shown}; production must set ${DEV_KEYS.join(', ')}`);
  } else {
    say(`development keys read from ${shown}; production must set ${DEV_KEYS.join(', ')}`);
  }
  return { values: Object.fromEntries(missing.map((k) => [k, all[k]])), file: shown };
}

async function checkNats(env) {
  let nats;
  try {
    nats = require('nats');
  } catch {
    fail('the nats package is missing: run npm ci first');
  }
  const servers = (env.NATS_URL || 'nats://127.0.0.1:4222').split(',').map((s) => s.trim()).filter(Boolean);
  let nc;
  try {
    nc = await nats.connect({
      servers,
      user: env.NATS_USER || undefined,
      pass: env.NATS_PASSWORD || undefined,
      name: 'sipauth-start-check',
      timeout: 3000,
      maxReconnectAttempts: 0,
    });
  } catch (err) {
    fail(
      `cannot reach NATS at ${servers.join(', ')} (${err.message}).\n` +
        '        Start a NATS server with JetStream, e.g. `nats-server -js -sd /var/lib/nats-server`, or set NATS_URL.',
    );
  }
  try {
    await (await nc.jetstreamManager({ timeout: 3000 })).getAccountInfo();
  } catch (err) {
    await nc.close();
    fail(`NATS at ${servers.join(', ')} answers but JetStream does not (${err.message}): start nats-server with -js.`);
  }
  await nc.close();
  return servers;
}

function httpOk(port, path) {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path, timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode >= 200 && res.statusCode < 300);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
  });
}

function prefixOutput(name, stream, out) {
  const width = Math.max(...SERVICES.map((s) => s.length));
  const tag = `[${name}]`.padEnd(width + 2);
  readline.createInterface({ input: stream }).on('line', (line) => out.write(`${tag} ${line}\n`));
}

async function main() {
  const env = { ...process.env };
  // The children write into pipes; keep their logs free of colour codes unless a terminal shows them.
  if (!process.stdout.isTTY && env.FORCE_COLOR === undefined) env.NO_COLOR = env.NO_COLOR || '1';
  const servers = await checkNats(env);
  ensureBuilt();
  const keys = developmentKeys(env);
  Object.assign(env, keys.values || {});
  const ports = {
    'config-service': Number(env.CONFIG_HTTP_PORT || 8080),
    'projection-service': Number(env.PROJECTION_HTTP_PORT || 9465),
    'sip-auth-worker': Number(env.WORKER_HTTP_PORT || 9464),
  };
  env.CONFIG_HTTP_PORT = String(ports['config-service']);
  env.PROJECTION_HTTP_PORT = String(ports['projection-service']);
  env.WORKER_HTTP_PORT = String(ports['sip-auth-worker']);
  const readyPath = { 'config-service': '/readyz', 'projection-service': '/readyz', 'sip-auth-worker': '/readyz' };
  // The SIP edge (block at the end of this file): Kamailio and the sip-edge bridge, when Kamailio is installed.
  const edge = sipEdgePlan(env);
  if (edge) {
    Object.assign(ports, edge.ports);
    Object.assign(readyPath, edge.readyPath);
  }
  const namespace = env.SIPAUTH_NAMESPACE || 'sipauth';
  say(`NATS ${servers.join(', ')}, namespace ${namespace}, event store ${env.EVENTSTORE_CONNECTION_STRING ? 'EventStoreDB' : 'JetStream'}`);

  const children = new Map();
  let stopping = false;
  let exitCode = 0;

  const stopAll = (signal) => {
    for (const child of children.values()) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    }
  };
  const allExited = () =>
    Promise.all([...children.values()].map((c) => (c.exitCode !== null || c.signalCode !== null ? null : new Promise((r) => c.once('exit', r)))));
  const shutdown = async (signal, code) => {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    say(`${signal}: stopping ${[...children.keys()].join(', ')} (draining NATS, storing the projection checkpoint)`);
    stopAll(signal === 'SIGINT' ? 'SIGINT' : 'SIGTERM');
    const force = setTimeout(() => {
      say(`still running after ${STOP_TIMEOUT_MS / 1000}s: killing`);
      stopAll('SIGKILL');
      exitCode = 1;
    }, STOP_TIMEOUT_MS);
    await allExited();
    clearTimeout(force);
    for (const [name, child] of children) {
      if (child.exitCode !== 0) {
        say(`${name} exited with ${child.exitCode ?? child.signalCode}`);
        exitCode = 1;
      }
    }
    say(exitCode === 0 ? 'stopped cleanly' : 'stopped with errors');
    process.exit(exitCode);
  };
  process.on('SIGINT', () => void shutdown('SIGINT', 0));
  process.on('SIGTERM', () => void shutdown('SIGTERM', 0));
  // If this process dies, its children (in their own process groups) must not outlive it.
  process.on('exit', () => stopAll('SIGTERM'));

  for (const name of [...SERVICES, ...(edge ? Object.keys(edge.commands) : [])]) {
    const [command, args] = edge?.commands[name] ?? [process.execPath, [join(ROOT, 'services', name, 'dist', 'main.js')]];
    // Own process group: a terminal's Ctrl-C reaches only this process, which forwards it once.
    const child = spawn(command, args, {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    children.set(name, child);
    prefixOutput(name, child.stdout, process.stdout);
    prefixOutput(name, child.stderr, process.stderr);
    child.on('exit', (code, signal) => {
      if (stopping) return;
      say(`${name} exited unexpectedly (${code ?? signal}); stopping the others`);
      void shutdown('SIGTERM', 1);
    });
  }

  const deadline = Date.now() + READY_TIMEOUT_MS;
  const pending = new Set([...SERVICES, ...(edge ? Object.keys(edge.readyPath) : [])]);
  while (pending.size > 0) {
    if (stopping) return;
    if (Date.now() > deadline) {
      say(`not ready after ${READY_TIMEOUT_MS / 1000}s: ${[...pending].join(', ')}`);
      return shutdown('SIGTERM', 1);
    }
    for (const name of [...pending]) {
      if (await httpOk(ports[name], readyPath[name])) {
        pending.delete(name);
        say(`${name} is ready`);
      }
    }
    if (pending.size > 0) await new Promise((r) => setTimeout(r, 250));
  }
  const api = `http://127.0.0.1:${ports['config-service']}`;
  say(`REST API ${api}/v1, OpenAPI document ${api}/docs`);
  say(`console ${api}/console/ (sign in with an API token of CONFIG_API_TOKENS)`);
  if (keys.file) say(`development API token: the <token> of CONFIG_API_TOKENS=dev:<token>=* in ${keys.file} (without "dev:" and "=*"), sent as Authorization: Bearer <token>`);
  say(`NATS contract: ${namespace}.v1.config.* / ${namespace}.v1.query.* / ${namespace}.v1.auth.* (libs/contracts/asyncapi.yaml)`);
  say(`probes and metrics: worker http://127.0.0.1:${ports['sip-auth-worker']}/metrics, projection http://127.0.0.1:${ports['projection-service']}/metrics`);
  if (edge) say(edge.summary);
  say('sipauth is ready (Ctrl-C or SIGTERM stops it)');
}

// ---- SIP edge (SPEC §10) -------------------------------------------------------------------------
// Kamailio with deploy/kamailio/kamailio.cfg and the sip-edge bridge join the stack when a kamailio
// binary is found (KAMAILIO_BIN, the PATH, /usr/sbin) unless SIPAUTH_EDGE=off. Kamailio listens on
// SIPAUTH_SIP_LISTEN (default udp:127.0.0.1:5060) over UDP and TCP, forwards allowed requests to
// SIPAUTH_SIP_UPSTREAM, and keeps its pid file and runtime files under <dev dir>/kamailio.

function findKamailio(env) {
  const candidates = env.KAMAILIO_BIN ? [env.KAMAILIO_BIN] : [
    ...(env.PATH || '').split(':').filter(Boolean).map((d) => join(d, 'kamailio')), '/usr/sbin/kamailio', '/usr/local/sbin/kamailio',
  ];
  return candidates.find((c) => existsSync(c));
}

/** What to start for the edge ({commands, ports, readyPath, summary}), or undefined (saying why). */
function sipEdgePlan(env) {
  if ((env.SIPAUTH_EDGE || '').toLowerCase() === 'off') {
    say('SIP edge: off (SIPAUTH_EDGE=off)');
    return undefined;
  }
  const kamailio = findKamailio(env);
  if (!kamailio) {
    say('SIP edge: not started, no kamailio binary found (install kamailio, or set KAMAILIO_BIN; SIPAUTH_EDGE=off silences this)');
    return undefined;
  }
  const listen = env.SIPAUTH_SIP_LISTEN || 'udp:127.0.0.1:5060';
  const m = /^(?:(udp|tcp):)?(\[[0-9a-fA-F:.]+\]|[^:\s]+):(\d{1,5})$/.exec(listen);
  if (!m || Number(m[3]) < 1 || Number(m[3]) > 65535) fail(`SIPAUTH_SIP_LISTEN must look like udp:127.0.0.1:5060 (got ${JSON.stringify(listen)})`);
  const upstream = env.SIPAUTH_SIP_UPSTREAM || '';
  if (upstream && !/^sips?:[^\s"<>]+$/.test(upstream)) fail(`SIPAUTH_SIP_UPSTREAM must be a SIP URI such as sip:10.0.0.5:5060 (got ${JSON.stringify(upstream)})`);
  const evapi = env.SIPAUTH_EVAPI_ADDRESS || '127.0.0.1:8448';
  env.SIPAUTH_EVAPI_ADDRESS = evapi;
  const httpPort = Number(env.SIP_EDGE_HTTP_PORT || 9466);
  env.SIP_EDGE_HTTP_PORT = String(httpPort);
  const runDir = join(env.SIPAUTH_DEV_DIR || join(ROOT, '.sipauth'), 'kamailio');
  mkdirSync(runDir, { recursive: true, mode: 0o700 });
  const [host, port] = [m[2], m[3]];
  const defines = [
    `SIP_LISTEN_UDP=udp:${host}:${port}`, `SIP_LISTEN_TCP=tcp:${host}:${port}`, `EVAPI_BIND="${evapi}"`,
    ...(env.SIPAUTH_EDGE_AUTH_TIMEOUT_MS ? [`AUTH_TIMEOUT_MS=${Number(env.SIPAUTH_EDGE_AUTH_TIMEOUT_MS) || 2000}`] : []),
    ...(upstream ? [`SIP_UPSTREAM="${upstream}"`] : []),
  ];
  // TLSF for shared and private memory, as the image runs it (deploy/kamailio/entrypoint.sh says why).
  const args = ['-DD', '-E', '-x', 'tlsf', '-X', 'tlsf', '-f', join(ROOT, 'deploy', 'kamailio', 'kamailio.cfg'), '-Y', runDir, '-P', join(runDir, 'kamailio.pid'), '-w', runDir,
    ...defines.flatMap((d) => ['-A', d])];
  if (!upstream) say('SIP edge: SIPAUTH_SIP_UPSTREAM is not set, so allowed INVITEs are answered 503 (set it to the next hop, e.g. sip:127.0.0.1:5070)');
  return {
    commands: { kamailio: [kamailio, args], 'sip-edge': [process.execPath, [join(ROOT, 'services', 'sip-edge', 'dist', 'main.js')]] },
    ports: { 'sip-edge': httpPort },
    readyPath: { 'sip-edge': '/readyz' },
    summary: `SIP edge: Kamailio on ${host}:${port} (UDP and TCP), allowed requests to ${upstream || '(none: 503)'}, bridge probes http://127.0.0.1:${httpPort}/readyz`,
  };
}

main().catch((err) => fail(err && err.stack ? err.stack : String(err)));
