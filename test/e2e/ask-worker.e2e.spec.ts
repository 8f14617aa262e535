/** The README quick start's `node scripts/ask-worker.js`: challenged without credentials, allowed with the right password. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startStack, type Stack } from '../support/stack';

const run = promisify(execFile);
const SCRIPT = join(__dirname, '..', '..', 'scripts', 'ask-worker.js');
const DOMAIN = 'quickstart.acme.example.net';
const PASSWORD = 'Correct-Horse-9-Battery';

describe('scripts/ask-worker.js', () => {
  let stack: Stack;
  let natsUrl: string;

  beforeAll(async () => {
    stack = await startStack();
    natsUrl = stack.nc.getServer().startsWith('nats://') ? stack.nc.getServer() : `nats://${stack.nc.getServer()}`;
    const { credentialListId } = await stack.apply<{ credentialListId: string }>('credential-list.create', { accountId: 'acme', friendlyName: 'PBX', username: 'alice', password: PASSWORD });
    const { trunkId } = await stack.apply<{ trunkId: string }>('trunk.create', { accountId: 'acme', friendlyName: 'Main', domainName: DOMAIN });
    await stack.apply('trunk.assign', { accountId: 'acme', trunkId, listKind: 'credentialList', listId: credentialListId });
  }, 60_000);
  afterAll(async () => { await stack?.close(); });

  const ask = (...args: string[]) =>
    run(process.execPath, [SCRIPT, '--domain', DOMAIN, '--source-ip', '203.0.113.9', ...args], { env: { ...process.env, NATS_URL: natsUrl, SIPAUTH_NAMESPACE: stack.namespace } });

  it('shows the 407 challenge, then the allow for a digest answer it computed', async () => {
    const { stdout } = await ask('--username', 'alice', '--password', PASSWORD);
    expect(stdout).toMatch(/"decision": "challenge"[\s\S]*"status": 407/);
    expect(stdout).toMatch(/as alice:\s*\{[\s\S]*"decision": "allow"[\s\S]*"reason": "digest-verified"/);
  });

  it('shows the deny for a wrong password', async () => {
    const { stdout } = await ask('--username', 'alice', '--password', 'Wrong-Horse-9-Battery');
    expect(stdout).toMatch(/as alice:\s*\{[\s\S]*"decision": "deny"[\s\S]*"reason": "bad-response"/);
  });

  it('says in words that no worker answers in a namespace without one (nats.js says only "503")', async () => {
    const empty = `${stack.namespace}x`;
    await expect(run(process.execPath, [SCRIPT, '--domain', DOMAIN, '--source-ip', '203.0.113.9'], { env: { ...process.env, NATS_URL: natsUrl, SIPAUTH_NAMESPACE: empty } }))
      .rejects.toMatchObject({ code: 1, stderr: expect.stringContaining(`no sip-auth-worker answers on ${empty}.v1.auth.authorize`) });
  });

  it('explains how to call it when a required argument is missing', async () => {
    await expect(run(process.execPath, [SCRIPT, '--domain', DOMAIN])).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('--domain and --source-ip are required') });
  });
});
