/// <reference lib="dom" />
/**
 * The console's trunk checks and audit trail in Debian's Chromium against the whole stack: "Test a
 * call" as a readable trail of the engine's steps, the lockout policy saved, a real lockout (failed
 * digests from one source, answered by the independent digest client) listed and cleared, and the
 * history of a credential list naming the token that acted, never a password.
 */
import type { Page } from 'playwright-core';
import { answerChallenge, parseChallengeHeader } from '../support/digest-client';
import { type ConsoleHarness, screenshot, seriousA11yViolations, signIn, startConsoleHarness, TOKENS } from './console-browser';

jest.setTimeout(120_000);

const PASSWORD = 'Checks-password-42';
let h: ConsoleHarness;
let page: Page;
let domain: string;
let trunkId: string;
let credentialListId: string;

beforeAll(async () => {
  h = await startConsoleHarness('cck');
  domain = `checks-${h.stack.namespace}.pstn.example.net`.toLowerCase();
  ({ credentialListId } = await h.stack.apply<{ credentialListId: string }>('credential-list.create', { accountId: 'ACME', friendlyName: 'Checked list', username: 'alice', password: PASSWORD }));
  ({ trunkId } = await h.stack.apply<{ trunkId: string }>('trunk.create', { accountId: 'ACME', friendlyName: 'Checked trunk', domainName: domain }));
  await h.stack.apply('trunk.assign', { accountId: 'ACME', trunkId, listKind: 'credentialList', listId: credentialListId });
  ({ page } = await h.newPage(1440));
  await signIn(page, TOKENS.acme.token);
});
afterAll(async () => { await h?.close(); });

/** A call from `sourceIp` answering the challenge with `password`; the final decision's reason. */
async function call(sourceIp: string, password: string): Promise<string> {
  const invite = { domain, sourceIp, method: 'INVITE', requestUri: `sip:1000@${domain}` };
  const first = await h.stack.authorize(invite);
  if (first.decision !== 'challenge') return first.reason;
  const authorization = answerChallenge(parseChallengeHeader(first.proxyAuthenticate![0]), { username: 'alice', password, method: 'INVITE', uri: invite.requestUri });
  return (await h.stack.authorize({ ...invite, authorization })).reason;
}

describe('the console, trunk checks and history', () => {
  it('explains a test call step by step, with the right password and with a wrong one', async () => {
    await page.goto(`/console/#/accounts/ACME/trunks/${trunkId}`);
    await page.getByRole('heading', { name: 'Checked trunk', level: 1 }).waitFor();
    const form = page.locator('form', { has: page.getByRole('button', { name: 'Test the call' }) });
    await form.getByLabel('Source IP address', { exact: true }).fill('198.51.100.20');
    await form.getByLabel('Username', { exact: true }).fill('alice');
    await form.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await form.getByRole('button', { name: 'Test the call' }).click();
    const trail = page.locator('.trail');
    await trail.getByText('Allowed').waitFor();
    expect(await trail.locator('.steps > li > strong').allTextContents()).toEqual(expect.arrayContaining(['Trunk', 'Challenge offered', 'Verification', 'Decision']));
    expect(await trail.textContent()).not.toContain(PASSWORD);
    await screenshot(page, 'test-a-call');

    await form.getByLabel('Password', { exact: true }).fill('Wrong-password-1');
    await form.getByRole('button', { name: 'Test the call' }).click();
    await trail.getByText('Denied').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('saves a lockout policy, lists a source it locked out and clears it', async () => {
    const section = page.getByRole('region', { name: 'Brute-force lockout' });
    await section.getByLabel('Failures', { exact: true }).fill('2');
    await section.getByLabel('Within (seconds)', { exact: true }).fill('600');
    await section.getByLabel('Lock out for (seconds)', { exact: true }).fill('900');
    await section.getByRole('button', { name: 'Save lockout policy' }).click();
    await page.getByText('Every worker now decides with this change').waitFor({ timeout: 20_000 });

    const reasons = [await call('203.0.113.66', 'Guess-one-11'), await call('203.0.113.66', 'Guess-two-22'), await call('203.0.113.66', 'Guess-three-33')];
    expect(reasons).toEqual(['bad-response', 'bad-response', 'locked-out']);
    await page.reload();
    const clear = section.getByRole('button', { name: 'Clear lockout of 203.0.113.66' });
    await clear.waitFor();
    await clear.click();
    await section.getByText('No source address is locked out.').waitFor();
    expect(await call('203.0.113.66', PASSWORD)).toBe('digest-verified');
  });

  it('shows the history of a credential list with who changed what, and no password', async () => {
    await page.goto(`/console/#/accounts/ACME/credential-lists/${credentialListId}`);
    await page.getByLabel('Friendly name', { exact: true }).fill('Checked list, renamed');
    await page.getByRole('button', { name: 'Rename credential list' }).click();
    await page.getByText('Every worker now decides with this change').waitFor({ timeout: 20_000 });
    const trail = page.getByRole('region', { name: 'History' });
    await trail.getByText(TOKENS.acme.name, { exact: false }).first().waitFor({ timeout: 20_000 });
    const entries = await trail.locator('li').allTextContents();
    expect(entries.length).toBeGreaterThanOrEqual(2);
    expect(entries[0]).toContain(TOKENS.acme.name);
    expect(entries.join('\n')).not.toContain(PASSWORD);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('broke no rule of the Content-Security-Policy on any page it showed', () => {
    expect(h.cspViolations).toEqual([]);
  });
});
