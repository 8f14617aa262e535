#!/usr/bin/env node
/**
 * Asks sip-auth-worker over NATS whether a call may enter a trunk, the way the SIP edge does:
 * an INVITE without credentials first (the worker challenges it with 407), then, given a username and
 * password, the same INVITE with a digest answer computed here (RFC 7616: HA1, HA2, qop=auth) so you
 * see the allow (or the reason for a deny). Plain JSON over NATS request/reply, nothing else.
 *
 *   node scripts/ask-worker.js --domain acme.pstn.example.net --source-ip 203.0.113.9 \
 *     [--username alice --password 'Correct-Horse-9-Battery'] [--method INVITE] [--uri sip:+15551234567@acme.pstn.example.net]
 *
 * Environment: NATS_URL (default nats://127.0.0.1:4222), SIPAUTH_NAMESPACE (default sipauth),
 * NATS_USER / NATS_PASSWORD when the server wants them. The password never leaves this process: only
 * the digest response is sent.
 */
'use strict';
const { createHash, randomBytes } = require('node:crypto');
const { connect, StringCodec } = require('nats');

const HASHES = { 'MD5': 'md5', 'SHA-256': 'sha256', 'SHA-512-256': 'sha512-256' };

function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([a-z-]+)$/.exec(argv[i]);
    if (!m || argv[i + 1] === undefined) usage(`unexpected argument ${argv[i]}`);
    args[m[1]] = argv[++i];
  }
  if (!args.domain || !args['source-ip']) usage('--domain and --source-ip are required');
  if ((args.username === undefined) !== (args.password === undefined)) usage('give --username and --password together');
  return args;
}

function usage(problem) {
  console.error(`ask-worker: ${problem}\nusage: node scripts/ask-worker.js --domain <trunk domain> --source-ip <ip> [--username <u> --password <p>] [--method INVITE] [--uri <sip uri>]`);
  process.exit(2);
}

/** The parameters of one `Digest …` challenge: quoted or bare values, any order. */
function parseChallenge(value) {
  const params = {};
  const re = /([A-Za-z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]+))/g;
  for (let m; (m = re.exec(value.replace(/^\s*Digest\s+/i, ''))); ) params[m[1].toLowerCase()] = m[2] !== undefined ? m[2] : m[3];
  return params;
}

/** The Proxy-Authorization value answering `challenge` (RFC 7616 §3.4, qop=auth when offered). */
function answer(challenge, { username, password, method, uri }) {
  const algorithm = (challenge.algorithm || 'MD5').toUpperCase();
  const hashName = HASHES[algorithm.replace(/-SESS$/, '')];
  if (!hashName) throw new Error(`the challenge uses ${algorithm}, which this script does not compute`);
  const h = (text) => createHash(hashName).update(text, 'utf8').digest('hex');
  const cnonce = randomBytes(8).toString('hex');
  const nc = '00000001';
  let ha1 = h(`${username}:${challenge.realm}:${password}`);
  if (algorithm.endsWith('-SESS')) ha1 = h(`${ha1}:${challenge.nonce}:${cnonce}`);
  const ha2 = h(`${method}:${uri}`);
  const qop = (challenge.qop || '').split(',').map((q) => q.trim()).includes('auth') ? 'auth' : undefined;
  const response = qop ? h(`${ha1}:${challenge.nonce}:${nc}:${cnonce}:${qop}:${ha2}`) : h(`${ha1}:${challenge.nonce}:${ha2}`);
  const parts = [`username="${username}"`, `realm="${challenge.realm}"`, `nonce="${challenge.nonce}"`, `uri="${uri}"`, `response="${response}"`, `algorithm=${algorithm}`];
  if (qop) parts.push(`qop=${qop}`, `nc=${nc}`, `cnonce="${cnonce}"`);
  if (challenge.opaque !== undefined) parts.push(`opaque="${challenge.opaque}"`);
  return `Digest ${parts.join(', ')}`;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const namespace = process.env.SIPAUTH_NAMESPACE || 'sipauth';
  const method = args.method || 'INVITE';
  const requestUri = args.uri || `sip:+15551234567@${args.domain}`;
  const servers = (process.env.NATS_URL || 'nats://127.0.0.1:4222').split(',');
  // A deployed NATS lets a user read replies only below its own inbox prefix (deploy/k8s/nats/accounts.conf).
  const user = process.env.NATS_USER || undefined;
  const inboxPrefix = process.env.NATS_INBOX_PREFIX || (user ? `_INBOX.${user}` : undefined);
  const nc = await connect({ servers, user, pass: process.env.NATS_PASSWORD || undefined, inboxPrefix, name: 'ask-worker' });
  const sc = StringCodec();
  const authorize = async (extra) => {
    const request = { domain: args.domain, sourceIp: args['source-ip'], method, requestUri, ...extra };
    const msg = await nc.request(`${namespace}.v1.auth.authorize`, sc.encode(JSON.stringify(request)), { timeout: 5000 });
    return JSON.parse(sc.decode(msg.data));
  };
  try {
    const first = await authorize({});
    console.log(`${method} ${requestUri} from ${args['source-ip']}, no credentials:`);
    console.log(JSON.stringify(first, null, 2));
    if (!first.ok || first.data.decision !== 'challenge' || args.username === undefined) return;
    const challenge = parseChallenge(first.data.proxyAuthenticate[0]);
    const authorization = answer(challenge, { username: args.username, password: args.password, method, uri: requestUri });
    const second = await authorize({ authorization });
    console.log(`\nthe same ${method} answering the first challenge (${challenge.algorithm || 'MD5'}) as ${args.username}:`);
    console.log(JSON.stringify(second, null, 2));
  } finally {
    await nc.close();
  }
}

main().catch((err) => {
  // nats.js reports "no responders" as the bare code 503: say what it means.
  const message = String(err.code) === '503' ? `no sip-auth-worker answers on ${process.env.SIPAUTH_NAMESPACE || 'sipauth'}.v1.auth.authorize` : err.message;
  console.error(`ask-worker: ${message}${/TIMEOUT|503|no responders/i.test(String(err.code || err.message)) ? ' (is `npm start` running, with this SIPAUTH_NAMESPACE?)' : ''}`);
  process.exit(1);
});
