#!/usr/bin/env node
// `npm run faults` (issue 13 item 11; not part of `npm test`): the stack as separate processes
// (config-service, projection-service ×2, sip-auth-worker ×2, their built dist/main.js) on a PRIVATE
// nats-server (JetStream, free port, temporary store), a steady authorize load with known answers,
// and one fault at a time with recovery in between. Per fault it prints wrong allows, wrong denies,
// timeouts (no answer within the edge's 2 s), errors (an error reply, or no responders while NATS is down), the recovery
// time (until every answer is right again AND a config change acknowledged after the fault reaches
// decisions) and acknowledged commands lost (each acknowledged ip-address.add must allow its address
// once recovered). Exits 1 on any wrong allow, lost acknowledged command or fault not recovered.
//
// Environment: FAULTS_RATE (authorize/s, default 300), FAULTS_ONLY (comma-separated fault names),
// NATS_SERVER_BIN (default /usr/sbin/nats-server), FAULTS_VERBOSE=1 shows the services' output.
'use strict';

const { spawn } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { mkdtempSync, rmSync, existsSync } = require('node:fs');
const http = require('node:http');
const { createServer } = require('node:net');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const ROOT = join(__dirname, '..');
const { connect } = require('nats');
const { baseOf, computeResponse, hashHex, parseChallenge } = require(join(ROOT, 'libs/sip-digest/dist/index.js'));

const NATS_BIN = process.env.NATS_SERVER_BIN || '/usr/sbin/nats-server';
const RATE = Number(process.env.FAULTS_RATE || 300);
const EDGE_BOUND_MS = 2000; // the SIP edge's answer bound (SPEC §10)
const SETTLE_MS = 3000; // a fault has recovered once answers stayed right this long after its config change was seen
const PHASE_CAP_MS = 60_000;
const NS = `faults${randomBytes(3).toString('hex')}`;
const REALM = 'sipauth.faults';
const ACCOUNT = 'faults';
const PASSWORD = 'Faults-Pass-123';
const say = (line) => process.stdout.write(`[faults] ${line}\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

// ---- processes --------------------------------------------------------------------------------------

const children = new Set();
function track(child) {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}
function exited(child) {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', r));
}

class Nats {
  constructor() { this.dir = mkdtempSync(join(tmpdir(), 'sipauth-faults-nats-')); }
  async start() {
    if (!this.port) this.port = await freePort();
    const child = track(spawn(NATS_BIN, ['-js', '-a', '127.0.0.1', '-p', String(this.port), '-sd', this.dir], { stdio: ['ignore', 'pipe', 'pipe'] }));
    await new Promise((resolve, reject) => {
      let log = '';
      const timer = setTimeout(() => reject(new Error(`nats-server not ready:\n${log}`)), 15_000);
      const onData = (b) => {
        log += b;
        if (/Server is ready/.test(log)) { clearTimeout(timer); resolve(); }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.once('exit', (c, s) => reject(new Error(`nats-server exited (${c ?? s}):\n${log}`)));
    });
    this.child = child;
  }
  get url() { return `nats://127.0.0.1:${this.port}`; }
  async stop(signal) {
    this.child.kill(signal);
    await exited(this.child);
  }
}

class Service {
  constructor(name, env, index) {
    Object.assign(this, { name, env, label: `${name}#${index}` });
  }
  async start() {
    this.port = await freePort();
    const portVar = { 'config-service': 'CONFIG_HTTP_PORT', 'projection-service': 'PROJECTION_HTTP_PORT', 'sip-auth-worker': 'WORKER_HTTP_PORT' }[this.name];
    const out = process.env.FAULTS_VERBOSE ? 'inherit' : 'ignore';
    this.child = track(spawn(process.execPath, [join(ROOT, 'services', this.name, 'dist', 'main.js')], {
      cwd: ROOT, env: { ...this.env, [portVar]: String(this.port) }, stdio: ['ignore', out, out],
    }));
    await this.ready();
  }
  probe() {
    return new Promise((resolve) => {
      const req = http.get({ host: '127.0.0.1', port: this.port, path: '/readyz', timeout: 1000 }, (res) => {
        let body = '';
        res.on('data', (c) => { body += c; });
        res.on('end', () => resolve({ ok: res.statusCode === 200, body: body ? JSON.parse(body) : {} }));
      });
      req.on('timeout', () => req.destroy());
      req.on('error', () => resolve({ ok: false, body: {} }));
    });
  }
  async ready(timeoutMs = 60_000) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`${this.label} exited with ${this.child.exitCode}`);
      if ((await this.probe()).ok) return;
      await sleep(100);
    }
    throw new Error(`${this.label} not ready within ${timeoutMs} ms`);
  }
  async signal(sig) {
    this.child.kill(sig);
    if (sig === 'SIGKILL' || sig === 'SIGTERM') await exited(this.child);
  }
}

// ---- the client: commands and known answers -------------------------------------------------------

let nc;
async function command(name, body, timeout = 5000) {
  const reply = (await nc.request(`${NS}.v1.config.${name}`, JSON.stringify({ accountId: ACCOUNT, ...body }), { timeout })).json();
  if (!reply.ok) throw new Error(`${name}: ${JSON.stringify(reply.error)}`);
  return reply.data;
}
async function authorize(body, timeout = EDGE_BOUND_MS) {
  return (await nc.request(`${NS}.v1.auth.authorize`, JSON.stringify(body), { timeout })).json();
}
async function commandWithRetry(name, body) {
  const requestId = `setup-${randomBytes(8).toString('hex')}`;
  for (let i = 0; ; i++) {
    try { return await command(name, { ...body, requestId }); } catch (err) { if (i > 40) throw err; await sleep(250); }
  }
}

const IP_DOMAIN = 'ip.faults.example';
const DIGEST_DOMAIN = 'digest.faults.example';
const DIGEST_URI = `sip:+15550100@${DIGEST_DOMAIN}`;

async function configure() {
  const acl = await commandWithRetry('ip-acl.create', { friendlyName: 'Office' });
  await commandWithRetry('ip-address.add', { ipAccessControlListId: acl.ipAccessControlListId, friendlyName: 'office', ipAddress: '192.0.2.0', cidrPrefixLength: 24 });
  const ipTrunk = await commandWithRetry('trunk.create', { friendlyName: 'By IP', domainName: IP_DOMAIN });
  await commandWithRetry('trunk.assign', { trunkId: ipTrunk.trunkId, listKind: 'ipAccessControlList', listId: acl.ipAccessControlListId });
  const list = await commandWithRetry('credential-list.create', { friendlyName: 'Users', username: 'alice', password: PASSWORD });
  const digestTrunk = await commandWithRetry('trunk.create', { friendlyName: 'By digest', domainName: DIGEST_DOMAIN });
  await commandWithRetry('trunk.assign', { trunkId: digestTrunk.trunkId, listKind: 'credentialList', listId: list.credentialListId });
}

/** A fresh nonce (the replay rule lets each nonce/nc pair allow once, so every allowed request takes the next nc). */
async function freshNonce() {
  const invite = { domain: DIGEST_DOMAIN, sourceIp: '198.51.100.7', method: 'INVITE', requestUri: DIGEST_URI };
  for (;;) {
    try {
      const reply = await authorize(invite);
      if (reply.ok && reply.data.decision === 'challenge') {
        const parsed = parseChallenge(reply.data.proxyAuthenticate[0]);
        if (parsed.ok) return { ...parsed.value, nc: 0 };
      }
    } catch { /* not up yet */ }
    await sleep(200);
  }
}
function digestAuthorization(nonce, password) {
  nonce.nc += 1;
  const nc = nonce.nc.toString(16).padStart(8, '0');
  const cnonce = randomBytes(6).toString('hex');
  const ha1 = hashHex(baseOf(nonce.algorithm), `alice:${nonce.realm}:${password}`);
  const response = computeResponse({ algorithm: nonce.algorithm, ha1, nonce: nonce.nonce, cnonce, nc, qop: 'auth', method: 'INVITE', uri: DIGEST_URI });
  return `Digest username="alice", realm="${nonce.realm}", nonce="${nonce.nonce}", uri="${DIGEST_URI}", response="${response}", algorithm=${nonce.algorithm}, qop=auth, nc=${nc}, cnonce="${cnonce}"`;
}

/** The load's request kinds, each with the decision and reason known in advance. */
const KINDS = [
  { name: 'ip allowed', expect: 'allow', reason: 'ip-allowed', make: (i) => ({ domain: IP_DOMAIN, sourceIp: `192.0.2.${1 + (i % 250)}`, method: 'INVITE', requestUri: `sip:${IP_DOMAIN}` }) },
  { name: 'digest allowed', expect: 'allow', reason: 'digest-verified', make: (_i, nonce) => ({ domain: DIGEST_DOMAIN, sourceIp: '198.51.100.7', method: 'INVITE', requestUri: DIGEST_URI, authorization: digestAuthorization(nonce, PASSWORD) }) },
  // From other sources than the right caller's: failures lock out their source (SPEC §5.1), so after ten
  // in a window a wrong password is answered locked-out instead, which is as right a deny.
  { name: 'wrong password', expect: 'deny', reason: ['bad-response', 'locked-out'], make: (i, nonce) => ({ domain: DIGEST_DOMAIN, sourceIp: `198.18.0.${1 + (i % 250)}`, method: 'INVITE', requestUri: DIGEST_URI, authorization: digestAuthorization(nonce, 'Wrong-Pass-999') }) },
  { name: 'acl denied', expect: 'deny', reason: 'ip-not-allowed', make: (i) => ({ domain: IP_DOMAIN, sourceIp: `203.0.113.${1 + (i % 250)}`, method: 'INVITE', requestUri: `sip:${IP_DOMAIN}` }) },
  { name: 'unknown trunk', expect: 'deny', reason: 'unknown-trunk', make: (i) => ({ domain: `nobody${i % 50}.faults.example`, sourceIp: '192.0.2.1', method: 'INVITE', requestUri: 'sip:nobody.faults.example' }) },
];

// ---- one phase: load + command stream + a fault -----------------------------------------------------

/** Sends RATE authorize/s with known answers until stopped; tallies and remembers when the last bad answer was sent. */
function startLoad(nonce) {
  const t = { sent: 0, right: 0, wrongAllow: 0, wrongDeny: 0, wrongReason: 0, timeouts: 0, errors: 0, lastBadAt: 0, pending: 0, errorCodes: {}, wrongAnswers: {} };
  let i = 0;
  const perTick = Math.max(1, Math.round(RATE / 100));
  const bad = (sentAt) => { t.lastBadAt = Math.max(t.lastBadAt, sentAt); };
  const note = (what) => { t.wrongAnswers[what] = (t.wrongAnswers[what] || 0) + 1; };
  const timer = setInterval(() => {
    for (let k = 0; k < perTick; k++, i++) {
      const kind = KINDS[i % KINDS.length];
      const sentAt = Date.now();
      t.sent++;
      t.pending++;
      authorize(kind.make(i, nonce)).then((reply) => {
        if (!reply.ok) { t.errors++; t.errorCodes[reply.error.code] = (t.errorCodes[reply.error.code] || 0) + 1; return bad(sentAt); }
        const d = reply.data;
        const wrong = `${kind.name}: ${d.decision} ${d.reason}`;
        if (d.decision === 'allow' && kind.expect !== 'allow') { t.wrongAllow++; note(wrong); return bad(sentAt); }
        if (d.decision !== 'allow' && kind.expect === 'allow') { t.wrongDeny++; note(wrong); return bad(sentAt); }
        if (![].concat(kind.reason).includes(d.reason)) { t.wrongReason++; note(wrong); return bad(sentAt); }
        t.right++;
      }, (err) => {
        if (/TIMEOUT/i.test(err.code || err.message)) t.timeouts++;
        else {
          const why = err.code === '503' ? 'no responders' : err.code || err.message;
          t.errors++;
          t.errorCodes[why] = (t.errorCodes[why] || 0) + 1;
        }
        bad(sentAt);
      }).finally(() => { t.pending--; });
    }
  }, 10);
  return { tally: t, stop: () => clearInterval(timer) };
}

/** Adds one /32 after another to a phase's own ACL (trunk <phase>.faults.example), remembering each acknowledged one. */
async function startCommandStream(phase) {
  const domain = `s${phase}.faults.example`;
  const acl = await commandWithRetry('ip-acl.create', { friendlyName: `Stream ${phase}` });
  const trunk = await commandWithRetry('trunk.create', { friendlyName: `Stream ${phase}`, domainName: domain });
  await commandWithRetry('trunk.assign', { trunkId: trunk.trunkId, listKind: 'ipAccessControlList', listId: acl.ipAccessControlListId });
  const acked = [];
  let stopped = false;
  let n = 0;
  const loop = (async () => {
    while (!stopped && n < 900) {
      n++;
      const ip = `10.${phase}.${n >> 8}.${n & 255}`;
      try {
        await command('ip-address.add', { ipAccessControlListId: acl.ipAccessControlListId, friendlyName: `a${n}`, ipAddress: ip, requestId: `stream-${phase}-${n}` }, EDGE_BOUND_MS);
        acked.push({ ip, at: Date.now() });
      } catch {
        await sleep(50);
      }
      await sleep(40);
    }
  })();
  return { domain, acked, stop: async () => { stopped = true; await loop; } };
}

const allows = async (domain, ip) => {
  try {
    const r = await authorize({ domain, sourceIp: ip, method: 'INVITE', requestUri: `sip:${domain}` });
    return r.ok && r.data.decision === 'allow';
  } catch { return false; }
};

async function runPhase(phase, fault, stack) {
  const nonce = await freshNonce();
  const stream = await startCommandStream(phase);
  const load = startLoad(nonce);
  await sleep(1500);
  const faultAt = Date.now();
  await fault.inject(stack);
  const faultDoneAt = Date.now();
  // A config change acknowledged after the fault has to reach decisions.
  let changeSeenAt = 0;
  while (Date.now() - faultAt < PHASE_CAP_MS) {
    const fresh = stream.acked.find((a) => a.at > faultDoneAt);
    if (!changeSeenAt && fresh && (await allows(stream.domain, fresh.ip))) changeSeenAt = Date.now();
    if (changeSeenAt && Date.now() - Math.max(load.tally.lastBadAt, changeSeenAt) >= SETTLE_MS && Date.now() - load.tally.lastBadAt > EDGE_BOUND_MS) break;
    await sleep(100);
  }
  load.stop();
  await stream.stop();
  while (load.tally.pending > 0) await sleep(20);
  const recovered = changeSeenAt > 0 && Date.now() - load.tally.lastBadAt >= SETTLE_MS;
  const recoveryMs = recovered ? Math.max(load.tally.lastBadAt, changeSeenAt) - faultAt : undefined;
  // Every acknowledged command's effect is visible once recovered (a few seconds for the last ones to propagate).
  let lost = stream.acked;
  const deadline = Date.now() + 10_000;
  while (lost.length > 0 && Date.now() < deadline) {
    const results = await Promise.all(lost.map(async (a) => ((await allows(stream.domain, a.ip)) ? null : a)));
    lost = results.filter(Boolean);
    if (lost.length > 0) await sleep(500);
  }
  return { fault: fault.name, ...load.tally, recoveryMs, acked: stream.acked.length, lost: lost.length };
}

// ---- the faults ---------------------------------------------------------------------------------------

const FAULTS = [
  { name: 'worker kill -9', inject: async (s) => { await s.workers[0].signal('SIGKILL'); await s.workers[0].start(); } },
  { name: 'worker SIGTERM', inject: async (s) => { await s.workers[1].signal('SIGTERM'); await s.workers[1].start(); } },
  { name: 'worker SIGSTOP 5 s', inject: async (s) => { await s.workers[0].signal('SIGSTOP'); await sleep(5000); await s.workers[0].signal('SIGCONT'); } },
  {
    name: 'projection kill -9 (active)',
    inject: async (s) => {
      const roles = await Promise.all(s.projections.map((p) => p.probe()));
      const active = s.projections[roles.findIndex((r) => r.body.role === 'active')] ?? s.projections[0];
      await active.signal('SIGKILL');
      await active.start();
    },
  },
  { name: 'config-service kill -9', inject: async (s) => { await s.config.signal('SIGKILL'); await s.config.start(); } },
  { name: 'NATS restart (SIGTERM)', inject: async (s) => { await s.nats.stop('SIGTERM'); await s.nats.start(); } },
  { name: 'NATS kill -9', inject: async (s) => { await s.nats.stop('SIGKILL'); await s.nats.start(); } },
];

function printTable(rows) {
  const head = ['fault', 'sent', 'wrong allows', 'wrong denies', 'wrong reasons', 'timeouts', 'errors', 'recovery', 'acked cmds', 'acked lost'];
  const cells = rows.map((r) => [r.fault, r.sent, r.wrongAllow, r.wrongDeny, r.wrongReason, r.timeouts,
    r.errors + (Object.keys(r.errorCodes).length ? ` (${Object.entries(r.errorCodes).map(([k, v]) => `${k} ${v}`).join(', ')})` : ''),
    r.recoveryMs === undefined ? 'NOT RECOVERED' : `${(r.recoveryMs / 1000).toFixed(1)} s`, r.acked, r.lost].map(String));
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c) => `| ${c.map((v, i) => v.padEnd(widths[i])).join(' | ')} |`;
  console.log([line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)].join('\n'));
}

async function main() {
  if (!existsSync(NATS_BIN)) throw new Error(`no nats-server at ${NATS_BIN} (apt-get install nats-server, or set NATS_SERVER_BIN)`);
  for (const s of ['config-service', 'projection-service', 'sip-auth-worker']) {
    if (!existsSync(join(ROOT, 'services', s, 'dist', 'main.js'))) throw new Error(`${s} is not built: run npm run build`);
  }
  const only = (process.env.FAULTS_ONLY || '').split(',').map((s) => s.trim()).filter(Boolean);
  const faults = FAULTS.filter((f) => only.length === 0 || only.some((o) => f.name.includes(o)));
  const nats = new Nats();
  await nats.start();
  const env = {
    ...process.env, NO_COLOR: '1', LOG_LEVEL: process.env.LOG_LEVEL || 'warn', NATS_URL: nats.url, SIPAUTH_NAMESPACE: NS, SIPAUTH_REALM: REALM,
    SIPAUTH_NONCE_SECRETS: `f1:${randomBytes(32).toString('base64')}`, SIPAUTH_SEALING_KEYS: `f1:${randomBytes(32).toString('base64')}`,
    CONFIG_API_TOKENS: `faults:faults-${randomBytes(12).toString('hex')}=*`,
  };
  const stack = {
    nats,
    config: new Service('config-service', env, 1),
    projections: [1, 2].map((i) => new Service('projection-service', env, i)),
    workers: [1, 2].map((i) => new Service('sip-auth-worker', env, i)),
  };
  try {
    say(`private nats-server ${nats.url} (store ${nats.dir}), namespace ${NS}, ${RATE} authorize/s`);
    await stack.config.start();
    for (const p of stack.projections) await p.start();
    for (const w of stack.workers) await w.start();
    nc = await connect({ servers: nats.url, name: 'sipauth-faults', maxReconnectAttempts: -1, reconnectTimeWait: 100 });
    await configure();
    say('stack ready and configured');
    const rows = [];
    for (const [i, fault] of faults.entries()) {
      say(`fault ${i + 1}/${faults.length}: ${fault.name}`);
      const row = await runPhase(i + 1, fault, stack);
      rows.push(row);
      say(`  ${row.sent} sent, ${row.wrongAllow} wrong allows, ${row.wrongDeny} wrong denies, ${row.timeouts} timeouts, ${row.errors} errors, recovery ${row.recoveryMs ?? 'none'} ms, ${row.lost}/${row.acked} acknowledged commands lost`);
      for (const [what, n] of Object.entries(row.wrongAnswers)) say(`  wrong answer ×${n}: ${what}`);
    }
    printTable(rows);
    const failed = rows.filter((r) => r.wrongAllow > 0 || r.lost > 0 || r.recoveryMs === undefined);
    if (failed.length > 0) say(`FAILED: ${failed.map((r) => r.fault).join('; ')}`);
    process.exitCode = failed.length > 0 ? 1 : 0;
  } finally {
    await nc?.close().catch(() => undefined);
    for (const child of children) {
      child.kill('SIGCONT');
      child.kill('SIGKILL');
    }
    await Promise.all([...children].map(exited));
    rmSync(nats.dir, { recursive: true, force: true });
  }
}

process.on('SIGINT', () => { for (const c of children) c.kill('SIGKILL'); process.exit(130); });
main().catch((err) => {
  process.stderr.write(`[faults] ${err.stack || err}\n`);
  for (const c of children) c.kill('SIGKILL');
  process.exit(1);
});
