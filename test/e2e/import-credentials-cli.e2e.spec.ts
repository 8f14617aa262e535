/** scripts/import-credentials.js against the whole stack: a generated CSV and a Kamailio subscriber export, refusals by file line, resumable. */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { answerChallenge, parseChallengeHeader } from '../support/digest-client';
import { startStack, type Stack } from '../support/stack';

const run = promisify(execFile);
const SCRIPT = join(__dirname, '..', '..', 'scripts', 'import-credentials.js');
const REALM = 'sipauth.test';
const DOMAIN = 'cli-import.acme.example.net';
const URI = `sip:+15550100@${DOMAIN}`;

describe('scripts/import-credentials.js', () => {
  let stack: Stack;
  let natsUrl: string;
  let dir: string;
  let trunkId: string;

  beforeAll(async () => {
    stack = await startStack({ prefix: 'cli' });
    natsUrl = stack.nc.getServer().startsWith('nats://') ? stack.nc.getServer() : `nats://${stack.nc.getServer()}`;
    dir = mkdtempSync(join(tmpdir(), 'sipauth-import-'));
    trunkId = (await stack.apply<{ trunkId: string }>('trunk.create', { accountId: 'acme', friendlyName: 'Main', domainName: DOMAIN })).trunkId;
  }, 60_000);
  afterAll(async () => {
    await stack?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const newList = async (name: string) => {
    const { credentialListId } = await stack.apply<{ credentialListId: string }>('credential-list.create', { accountId: 'acme', friendlyName: name, username: `seed-${name}`, password: 'Seed-Password-1' });
    await stack.apply('trunk.assign', { accountId: 'acme', trunkId, listKind: 'credentialList', listId: credentialListId });
    return credentialListId;
  };
  const importFile = (list: string, file: string, ...extra: string[]) =>
    run(process.execPath, [SCRIPT, '--account', 'acme', '--list', list, '--realm', REALM, '--file', file, ...extra], { env: { ...process.env, NATS_URL: natsUrl, SIPAUTH_NAMESPACE: stack.namespace } })
      .then(({ stdout, stderr }) => ({ code: 0, stdout, stderr }), (err: { code: number; stdout: string; stderr: string }) => ({ code: err.code, stdout: err.stdout, stderr: err.stderr }));
  const summary = (stdout: string) => JSON.parse(stdout.split('\n')[0]) as { rows: number; imported: number; md5Only: number; refusedLines: number; position: string };
  const allows = async (username: string, password: string) => {
    const invite = { domain: DOMAIN, sourceIp: '198.51.100.7', method: 'INVITE', requestUri: URI };
    const challenge = parseChallengeHeader((await stack.authorize(invite)).proxyAuthenticate![0]);
    return (await stack.authorize({ ...invite, authorization: answerChallenge(challenge, { username, password, method: 'INVITE', uri: URI }) })).decision;
  };

  it('imports a generated CSV in chunks, reports a bad line by its file line, and imports nothing twice when run again', async () => {
    const list = await newList('csv');
    const rows = Array.from({ length: 950 }, (_, i) => `desk${i},Desk-Password-${i}`);
    rows[400] = 'desk400,weak'; // file line 402 (after the header)
    const file = join(dir, 'users.csv');
    writeFileSync(file, `username,password\n${rows.join('\n')}\n`);
    const first = await importFile(list, file, '--chunk', '300');
    expect(first.code).toBe(1);
    expect(summary(first.stdout)).toMatchObject({ rows: 950, imported: 650, refusedLines: 1 });
    expect(first.stderr).toContain('line 402 (desk400): password must have');
    expect(first.stderr).not.toContain('weak');
    // Fixed and run again: only the refused chunk goes in; the others answer as before.
    rows[400] = 'desk400,Desk-Password-400';
    writeFileSync(file, `username,password\n${rows.join('\n')}\n`);
    const second = await importFile(list, file, '--chunk', '300');
    expect(second).toMatchObject({ code: 0 });
    expect(summary(second.stdout)).toMatchObject({ rows: 950, imported: 950, refusedLines: 0 });
    await stack.waitForPosition(summary(second.stdout).position);
    expect(await allows('desk400', 'Desk-Password-400')).toBe('allow');
    expect(await allows('desk949', 'Desk-Password-949')).toBe('allow');
  }, 60_000);

  it('imports a Kamailio subscriber export (mysql -B): plain passwords, MD5 HA1s, and refuses an ha1 of another domain', async () => {
    const list = await newList('kamailio');
    const md5 = (u: string, realm: string, p: string) => createHash('md5').update(`${u}:${realm}:${p}`).digest('hex');
    const export_ = [
      'username\tdomain\tpassword\tha1',
      `alice\t${REALM}\tAlice-Password-1\t${md5('alice', REALM, 'Alice-Password-1')}`,
      `bob\t${REALM}\tNULL\t${md5('bob', REALM, 'Bob-Password-1')}`,
      `carol\tother.example\t\t${md5('carol', 'other.example', 'Carol-Password-1')}`,
    ].join('\n');
    const file = join(dir, 'subscriber.tsv');
    writeFileSync(file, `${export_}\n`);
    const result = await importFile(list, file);
    expect(result.code).toBe(1);
    expect(summary(result.stdout)).toMatchObject({ rows: 3, imported: 2, md5Only: 1, refusedLines: 1 });
    expect(result.stdout).toContain('set every trunk using this list to ["MD5"]');
    expect(result.stderr).toContain('line 4 (carol): domain is other.example');
    expect(result.stdout + result.stderr).not.toMatch(/[0-9a-f]{32}|Password-1/);
    await stack.waitForPosition(summary(result.stdout).position);
    expect(await allows('alice', 'Alice-Password-1')).toBe('allow');
  }, 60_000);

  it('records --actor as who imported in the audit trail, and refuses it over REST where the token names the actor', async () => {
    const list = await newList('actor');
    const file = join(dir, 'actor.csv');
    writeFileSync(file, 'username,password\nfrank,Frank-Password-1\n');
    const result = await importFile(list, file, '--actor', 'ops-jane');
    expect(result.code).toBe(0);
    const history = await stack.nc.request(`${stack.namespace}.v1.query.history`, JSON.stringify({ accountId: 'acme', resourceId: list, pageSize: 1 }));
    expect(history.json()).toMatchObject({ ok: true, data: { events: [{ type: 'CredentialsImported', actor: 'ops-jane' }] } });
    const rest = await importFile(list, file, '--actor', 'ops-jane', '--rest', 'http://127.0.0.1:9', '--token', 'x'.repeat(16));
    expect(rest).toMatchObject({ code: 2, stderr: expect.stringContaining("--actor is for NATS: over REST the actor is the token's name") });
  }, 60_000);

  it('explains how to call it when an argument is missing', async () => {
    await expect(run(process.execPath, [SCRIPT, '--account', 'acme'])).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('--list is required') });
  });
});
