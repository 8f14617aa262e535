/**
 * The README's quick start, copied as a reader copies it: every `sh` block of that section runs in
 * bash, in order, against a running stack (only the port and the environment differ), with the token
 * taken from a `.sipauth/dev.env` written as `npm start` writes it. What the README promises each step
 * shows is checked on the real output.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startStack, type Stack } from '../support/stack';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');

/** The `sh` blocks between "## Quick start" and the next section. */
function quickStartBlocks(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Quick start'), readme.indexOf('\n## ', readme.indexOf('## Quick start') + 1));
  return [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]);
}

describe("the README's quick start", () => {
  let stack: Stack;
  let dir: string;
  const token = `dev-${randomBytes(24).toString('hex')}`;

  beforeAll(async () => {
    stack = await startStack({ env: { CONFIG_API_TOKENS: `dev:${token}=*` } });
    dir = mkdtempSync(join(tmpdir(), 'sipauth-quickstart-'));
    mkdirSync(join(dir, '.sipauth'));
    writeFileSync(join(dir, '.sipauth', 'dev.env'), `# Development keys for \`npm start\`\nSIPAUTH_NONCE_SECRETS=x\nCONFIG_API_TOKENS=dev:${token}=*\n`);
    symlinkSync(join(ROOT, 'scripts'), join(dir, 'scripts'));
  }, 60_000);
  afterAll(async () => {
    await stack?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('works as written: list, trunk, assignment, the worker challenges then allows, and the history shows who did it', async () => {
    const blocks = quickStartBlocks();
    expect(blocks).toHaveLength(4);
    const natsUrl = stack.nc.getServer().startsWith('nats://') ? stack.nc.getServer() : `nats://${stack.nc.getServer()}`;
    // One shell, so the variables of one step reach the next, as in the reader's terminal.
    const script = ['set -e', ...blocks.map((b, i) => `echo "=== step ${i + 1}"\n${b}`)].join('\n').replaceAll('http://127.0.0.1:8080', stack.configUrl);
    const { stdout } = await run('bash', ['-c', script], { cwd: dir, env: { ...process.env, NATS_URL: natsUrl, SIPAUTH_NAMESPACE: stack.namespace } });
    const [, , assign, ask, history] = stdout.split(/=== step \d\n/);
    expect(assign).toMatch(/^HTTP\/1\.1 204 No Content/);
    expect(ask).toMatch(/"decision": "challenge"[\s\S]*"status": 407/);
    expect(ask).toMatch(/as alice:\s*\{[\s\S]*"decision": "allow"[\s\S]*"reason": "digest-verified"/);
    const { events } = JSON.parse(history) as { events: Array<{ summary: string; actor: string; correlationId: string }> };
    expect(events.map((e) => e.summary)).toEqual([expect.stringMatching(/^Assigned to trunk TK/), 'Credential alice added', 'Credential list "Office PBXs" created']);
    expect(events.every((e) => e.actor === 'dev')).toBe(true);
    expect(events.slice(1).map((e) => e.correlationId)).toEqual(['quickstart-1', 'quickstart-1']);
    expect(stdout).not.toContain('Correct-Horse-9-Battery');
  }, 60_000);
});
