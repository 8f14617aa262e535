#!/usr/bin/env node
/**
 * Imports credentials into one credential list in chunks (credential.import, issue 14), from
 *  - a CSV of `username,password` (a header line is optional), or
 *  - Kamailio's `subscriber` table as `mysql -B -e "SELECT username, domain, password, ha1 FROM subscriber"`
 *    prints it (tab-separated, header line, `NULL` for NULL) or the same columns as CSV: a row with a
 *    plain password is imported with it; a row with only `ha1` (MD5 of username:domain:password) is
 *    imported as an MD5-only credential, which is valid only when its domain is the service's realm.
 *
 *   node scripts/import-credentials.js --account acme --list CL… --realm sipauth.local --file users.csv
 *     [--chunk 1000] [--actor <who>] [--rest http://127.0.0.1:8080 --token <api token>]
 *
 * Over NATS by default (NATS_URL, SIPAUTH_NAMESPACE, NATS_USER/NATS_PASSWORD with the `config-client`
 * user and its inbox prefix, as scripts/ask-worker.js), or over REST with --rest and --token.
 * The audit trail shows `--actor` as who imported over NATS (default `nats`); over REST it is the token's name.
 * Each chunk is imported all or none; a refused chunk is reported by file line and field and the others
 * go on. Resumable: a chunk's requestId is derived from the list, the realm,
 * the chunk's number and its lines (a hash), so running the command again, after an interruption or
 * after fixing refused lines, writes no chunk twice: a chunk already imported answers as before.
 * Exit code 0 when every line is imported, 1 when some were refused, 2 on bad usage.
 * No password or HA1 is ever printed.
 */
'use strict';
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');

const MAX_CHUNK = 1000;

function usage(problem) {
  console.error(`import-credentials: ${problem}\nusage: node scripts/import-credentials.js --account <id> --list <CL…> --realm <realm> --file <csv or subscriber export> [--chunk ${MAX_CHUNK}] [--actor <who>] [--rest <url> --token <token>]`);
  process.exit(2);
}

function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([a-z-]+)$/.exec(argv[i]);
    if (!m || argv[i + 1] === undefined) usage(`unexpected argument ${argv[i]}`);
    args[m[1]] = argv[++i];
  }
  for (const name of ['account', 'list', 'realm', 'file']) if (!args[name]) usage(`--${name} is required`);
  const chunk = Number(args.chunk ?? MAX_CHUNK);
  if (!Number.isInteger(chunk) || chunk < 1 || chunk > MAX_CHUNK) usage(`--chunk must be 1 to ${MAX_CHUNK}`);
  if ((args.rest === undefined) !== (args.token === undefined)) usage('give --rest and --token together');
  if (args.actor !== undefined && args.rest !== undefined) usage("--actor is for NATS: over REST the actor is the token's name");
  return { ...args, chunk };
}

/** One CSV record's fields: quoted fields with "" escapes, or bare ones. */
function splitCsv(line) {
  const fields = [];
  const re = /\s*(?:"((?:[^"]|"")*)"|([^,]*))\s*(,|$)/gy;
  for (let m; (m = re.exec(line)) && re.lastIndex <= line.length; ) {
    fields.push(m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2].trim());
    if (m[3] === '') break;
  }
  return fields;
}

/** One `mysql -B` field: `NULL` is absent, backslash escapes undone. */
function unescapeMysql(field) {
  if (field === 'NULL') return '';
  return field.replace(/\\(.)/g, (_, c) => ({ t: '\t', n: '\n', 0: '\0', '\\': '\\' })[c] ?? c);
}

/**
 * The credentials of a file, each with its file line number, plus the lines refused before sending.
 * A header naming `ha1` or `domain` marks a subscriber export; otherwise it is username,password.
 */
function readCredentials(text, realm) {
  const rows = text.split(/\r?\n/).map((raw, i) => ({ raw, line: i + 1 })).filter((r) => r.raw.trim() !== '');
  if (rows.length === 0) return { lines: [], refused: [] };
  const tsv = rows[0].raw.includes('\t');
  const split = (raw) => (tsv ? raw.split('\t').map(unescapeMysql) : splitCsv(raw));
  const first = split(rows[0].raw).map((f) => f.toLowerCase());
  const hasHeader = first.includes('username');
  const columns = hasHeader ? first : ['username', 'password'];
  const col = (name) => columns.indexOf(name);
  if (col('username') < 0 || (col('password') < 0 && col('ha1') < 0)) throw new Error('the header must name username and password (and for a subscriber export domain and ha1)');
  const lines = [];
  const refused = [];
  for (const { raw, line } of hasHeader ? rows.slice(1) : rows) {
    const f = split(raw);
    const get = (name) => (col(name) >= 0 ? (f[col(name)] ?? '') : '');
    const username = get('username');
    const password = get('password');
    const ha1 = get('ha1');
    const domain = get('domain');
    if (password !== '') lines.push({ line, credential: { username, password } });
    else if (ha1 === '') refused.push({ line, username, field: 'password', message: 'neither a password nor an ha1' });
    else if (domain !== '' && domain !== realm) {
      refused.push({ line, username, field: 'domain', message: `is ${domain}: its ha1 was computed under that realm, not ${realm}, and can never verify here` });
    } else lines.push({ line, credential: { username, ha1 } });
  }
  return { lines, refused };
}

/** Sends one chunk; resolves {ok, data} or {ok:false, error:{code, message, details}} like the NATS reply. */
function makeSender(args) {
  if (args.rest) {
    const url = `${args.rest.replace(/\/$/, '')}/v1/accounts/${encodeURIComponent(args.account)}/credential-lists/${encodeURIComponent(args.list)}/credential-imports`;
    return {
      async send(body) {
        const { requestId, accountId: _a, credentialListId: _l, ...rest } = body;
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${args.token}`, 'Idempotency-Key': requestId },
          body: JSON.stringify(rest),
        });
        const reply = await res.json();
        if (res.ok) return { ok: true, data: { ...reply, position: res.headers.get('sipauth-position') } };
        return { ok: false, error: { code: reply.code, message: reply.detail ?? reply.title, details: reply.errors } };
      },
      close: async () => undefined,
    };
  }
  const { connect, StringCodec } = require('nats');
  const sc = StringCodec();
  const namespace = process.env.SIPAUTH_NAMESPACE || 'sipauth';
  const user = process.env.NATS_USER || undefined;
  const inboxPrefix = process.env.NATS_INBOX_PREFIX || (user ? `_INBOX.${user}` : undefined);
  const connecting = connect({ servers: (process.env.NATS_URL || 'nats://127.0.0.1:4222').split(','), user, pass: process.env.NATS_PASSWORD || undefined, inboxPrefix, name: 'import-credentials' });
  return {
    async send(body) {
      const nc = await connecting;
      const msg = await nc.request(`${namespace}.v1.config.credential.import`, sc.encode(JSON.stringify(body)), { timeout: 60_000 });
      return JSON.parse(sc.decode(msg.data));
    },
    close: async () => (await connecting).close(),
  };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const text = readFileSync(args.file, 'utf8');
  const { lines, refused } = readCredentials(text, args.realm);
  const refusedBeforeSending = refused.length;
  const sender = makeSender(args);
  let imported = 0;
  let md5Only = 0;
  let position;
  try {
    for (let start = 0, chunk = 0; start < lines.length; start += args.chunk, chunk++) {
      const part = lines.slice(start, start + args.chunk);
      const hash = createHash('sha256').update(JSON.stringify([args.account, args.list, args.realm, chunk, part.map((l) => l.credential)])).digest('hex').slice(0, 32);
      const reply = await sender.send({
        accountId: args.account, credentialListId: args.list, realm: args.realm,
        credentials: part.map((l) => l.credential), requestId: `import-${hash}-${chunk}`,
        ...(args.actor !== undefined ? { actor: args.actor } : {}),
      });
      if (reply.ok) {
        imported += reply.data.credentials.length;
        md5Only += reply.data.md5OnlyCount;
        position = reply.data.position;
        continue;
      }
      const details = reply.error.details ?? [];
      const byLine = details.map((d) => ({ d, m: /^credentials\[(\d+)\]\.(.+)$/.exec(d.field) })).filter((x) => x.m);
      for (const { d, m } of byLine) {
        const entry = part[Number(m[1])];
        refused.push({ line: entry.line, username: entry.credential.username, field: m[2], message: d.message });
      }
      const whole = details.filter((d) => !/^credentials\[\d+\]/.test(d.field));
      const lineRange = `lines ${part[0].line}–${part[part.length - 1].line}`;
      console.error(`chunk ${chunk} (${lineRange}) refused whole, ${reply.error.code}: ${reply.error.message}`);
      for (const d of whole) console.error(`  ${d.field}: ${d.message}`);
    }
  } finally {
    await sender.close();
  }
  for (const r of refused.sort((a, b) => a.line - b.line)) console.error(`line ${r.line} (${r.username}): ${r.field} ${r.message}`);
  console.log(JSON.stringify({ rows: lines.length + refusedBeforeSending, imported, md5Only, refusedLines: refused.length, position }));
  if (md5Only > 0) {
    console.log(`${md5Only} credential(s) came from MD5 HA1s and answer MD5 challenges only: set every trunk using this list to ["MD5"] (trunk.set-digest-algorithms).`);
  }
  process.exitCode = refused.length > 0 || imported < lines.length ? 1 : 0;
}

if (require.main === module) {
  main().catch((err) => {
    console.error(`import-credentials: ${err.message}`);
    process.exit(1);
  });
}

module.exports = { readCredentials, splitCsv };
