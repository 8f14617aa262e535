/// <reference lib="dom" />
/**
 * The console's IP ACL and trunk flows in Debian's Chromium against the whole stack: an address shown
 * as the server normalised it, a trunk with its domain, assigning and unassigning lists, the digest
 * algorithm order and its MD5 warning, the propagation notice (after which a worker really decides
 * with the change), the 403 screen, the security headers of the page, and axe scans.
 */
import type { Page } from 'playwright-core';
import { type ConsoleHarness, screenshot, seriousA11yViolations, signIn, startConsoleHarness, TOKENS } from './console-browser';

jest.setTimeout(120_000);

let h: ConsoleHarness;
let page: Page;
const domain = () => `edge-${h.stack.namespace}.pstn.example.net`.toLowerCase();
/**
 * Waits until the page says every worker decides with the change it names (`what`, as the notice
 * words it): a notice left by an earlier change must not count (it did, under load: the trunk read
 * back still had the order before the save).
 */
const workersDecide = (p: Page, what: string) => p.locator('.propagation-live', { hasText: what })
  .getByText('Every worker now decides with this change').waitFor({ timeout: 20_000 });

beforeAll(async () => {
  h = await startConsoleHarness('cat');
  ({ page } = await h.newPage(1440));
  await signIn(page, TOKENS.acme.token);
  await page.getByRole('link', { name: 'Open account ACME' }).click();
});
afterAll(async () => { await h?.close(); });

describe('the console, IP access control lists and trunks', () => {
  it('serves the page with a strict Content-Security-Policy and breaks none of it', async () => {
    await page.goto('/console/#/accounts/ACME/ip-access-control-lists');
    const headers = (await page.reload())!.headers();
    expect(headers['content-security-policy']).toContain("script-src 'self'");
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
    await page.getByRole('heading', { name: 'IP access control lists', level: 1 }).waitFor();
    expect(h.cspViolations).toEqual([]);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('creates an IP ACL and shows an added range as the server stores it', async () => {
    await page.getByLabel('Friendly name', { exact: true }).fill('Office uplinks');
    await page.getByRole('button', { name: 'Create IP access control list' }).click();
    await page.getByRole('heading', { name: 'Office uplinks', level: 1 }).waitFor();
    const add = page.locator('form', { has: page.getByRole('heading', { name: 'Add an IP address or range' }) });
    await add.getByLabel('Friendly name', { exact: true }).fill('PBX subnet');
    await add.getByLabel('IP address', { exact: true }).fill('203.0.113.77');
    await add.getByLabel('CIDR prefix length', { exact: true }).fill('24');
    await add.getByRole('button', { name: 'Add IP address' }).click();
    await page.getByRole('cell', { name: '203.0.113.0/24', exact: true }).waitFor({ timeout: 20_000 });

    await page.getByRole('button', { name: 'Rename 203.0.113.0/24' }).click();
    const rename = page.locator('form', { has: page.getByRole('button', { name: 'Rename IP address 203.0.113.0/24' }) });
    await rename.getByLabel('Friendly name', { exact: true }).fill('PBX subnet (Paris)');
    await rename.getByRole('button', { name: 'Rename IP address 203.0.113.0/24' }).click();
    await page.getByRole('cell', { name: 'PBX subnet (Paris)', exact: true }).waitFor({ timeout: 20_000 });

    await add.getByLabel('IP address', { exact: true }).fill('not-an-address');
    await add.getByLabel('Friendly name', { exact: true }).fill('Typo');
    await add.getByRole('button', { name: 'Add IP address' }).click();
    await add.locator('.field-invalid .field-error').first().waitFor();
    expect(await add.locator('.field-invalid label').allTextContents()).toContain('IP address');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('creates a trunk, assigns the ACL and says when the workers decide with it (and they do)', async () => {
    await page.getByRole('link', { name: 'Trunks' }).click();
    await page.getByRole('heading', { name: 'Trunks', level: 1 }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByLabel('Friendly name', { exact: true }).fill('Edge trunk');
    await page.getByLabel('Domain name', { exact: true }).fill(domain().toUpperCase());
    await page.getByRole('button', { name: 'Create trunk' }).click();
    await page.getByRole('heading', { name: 'Edge trunk', level: 1 }).waitFor();
    await page.getByText(domain(), { exact: true }).waitFor();

    await page.getByLabel('Assign an IP access control list', { exact: true }).selectOption({ label: 'Office uplinks' });
    await page.getByRole('button', { name: 'Assign IP access control list' }).click();
    await page.getByRole('link', { name: 'Office uplinks' }).waitFor({ timeout: 20_000 });
    await workersDecide(page, 'IP access control list “Office uplinks” assigned');
    const decision = await h.stack.authorize({ domain: domain(), sourceIp: '203.0.113.9', method: 'INVITE', requestUri: `sip:+15550100@${domain()}` });
    expect(decision).toMatchObject({ decision: 'allow', reason: 'ip-allowed' });
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('warns when the first digest algorithm is not MD5 and saves the order', async () => {
    expect(await page.getByText(/is offered first/).count()).toBe(0);
    await page.getByRole('button', { name: 'Move SHA-256 up' }).click();
    await page.getByText('SHA-256 is offered first', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Save algorithm order' }).click();
    await workersDecide(page, 'Digest algorithms set to SHA-256');
    const trunkId = page.url().split('/').pop()!;
    const trunk = await fetchTrunk(trunkId);
    expect(trunk.digestAlgorithms[0]).toBe('SHA-256');
    await screenshot(page, 'trunk');
  });

  it('unassigns a list and refuses to delete an ACL a trunk holds, naming the trunk', async () => {
    await page.getByRole('link', { name: 'Office uplinks' }).click();
    await page.getByRole('button', { name: 'Delete IP access control list' }).click();
    await page.getByRole('button', { name: 'Yes, delete “Office uplinks”' }).click();
    await page.getByRole('link', { name: 'Trunk “Edge trunk”' }).click();
    await page.getByRole('heading', { name: 'Edge trunk', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Unassign Office uplinks' }).click();
    await page.getByRole('button', { name: 'Yes, unassign Office uplinks' }).click();
    await page.getByText('No IP access control list assigned.').waitFor({ timeout: 20_000 });
  });

  it('renames and deletes a trunk and an IP ACL no trunk holds any more', async () => {
    const trunkUrl = page.url();
    await page.getByLabel('Friendly name', { exact: true }).fill('Edge trunk (Paris)');
    await page.getByRole('button', { name: 'Rename trunk' }).click();
    await page.getByRole('heading', { name: 'Edge trunk (Paris)', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Delete trunk' }).click();
    await page.getByRole('button', { name: 'Yes, delete “Edge trunk (Paris)”' }).click();
    await page.getByRole('heading', { name: 'Trunks', level: 1 }).waitFor();
    await page.getByText('Every worker now decides with this change').waitFor({ timeout: 20_000 });
    expect(await page.getByRole('link', { name: 'Edge trunk (Paris)' }).count()).toBe(0);
    const gone = await h.stack.authorize({ domain: domain(), sourceIp: '203.0.113.9', method: 'INVITE', requestUri: `sip:+15550100@${domain()}` });
    expect(gone.decision).toBe('deny');

    await page.getByRole('link', { name: 'IP access control lists' }).click();
    await page.getByRole('link', { name: 'Office uplinks' }).click();
    await page.getByLabel('Friendly name', { exact: true }).first().fill('Old uplinks');
    await page.getByRole('button', { name: 'Rename IP access control list' }).click();
    await page.getByRole('heading', { name: 'Old uplinks', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Delete IP access control list' }).click();
    await page.getByRole('button', { name: 'Yes, delete “Old uplinks”' }).click();
    await page.getByRole('heading', { name: 'IP access control lists', level: 1 }).waitFor();
    await page.getByText('No IP access control list yet').waitFor({ timeout: 20_000 });
    await page.goto(trunkUrl);
    await page.getByText('Not found: it may have been deleted.').waitFor();
  });

  it('fits a 360 px wide screen on the trunk list', async () => {
    await h.stack.apply('trunk.create', { accountId: 'ACME', friendlyName: 'Narrow trunk', domainName: `narrow-${domain()}` });
    const { page: narrow } = await h.newPage(360);
    await signIn(narrow, TOKENS.acme.token);
    await narrow.goto('/console/#/accounts/ACME/trunks');
    await narrow.getByRole('link', { name: 'Narrow trunk' }).click();
    await narrow.getByRole('heading', { name: 'Narrow trunk', level: 1 }).waitFor();
    expect(await seriousA11yViolations(narrow)).toEqual([]);
    await screenshot(narrow, 'trunk');
  });

  it('explains a 403 when the token does not cover the account', async () => {
    await page.goto('/console/#/accounts/OTHER/trunks');
    await page.getByRole('heading', { name: 'This token may not open account OTHER' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Choose another account' }).click();
    await page.getByRole('link', { name: 'Open account ACME' }).waitFor();
  });

  it('signs out with a clear message when the server stops accepting the token mid-session (401)', async () => {
    const { page: revoked } = await h.newPage(1440);
    await signIn(revoked, TOKENS.acme.token);
    await revoked.evaluate(() => { for (const key of Object.keys(sessionStorage)) sessionStorage.setItem(key, 'revoked-token-0123456789abcdef'); });
    await revoked.getByRole('link', { name: 'Open account ACME' }).click();
    await revoked.getByText('The server no longer accepts your API token (401)').waitFor();
    await revoked.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await revoked.evaluate(() => sessionStorage.length)).toBe(0);
  });

  it('lets a token for every account type the account to open', async () => {
    const { page: operator } = await h.newPage(1440);
    await signIn(operator, TOKENS.all.token);
    await operator.getByLabel('Account ID', { exact: true }).fill('ACME');
    await operator.getByRole('button', { name: 'Open account' }).click();
    await operator.getByRole('heading', { name: 'Credential lists', level: 1 }).waitFor();
  });

  it('broke no rule of the Content-Security-Policy on any page it showed', () => {
    expect(h.cspViolations).toEqual([]);
  });
});

async function fetchTrunk(trunkId: string): Promise<{ digestAlgorithms: string[] }> {
  const res = await fetch(`${h.stack.configUrl}/v1/accounts/ACME/trunks/${trunkId}`, { headers: { Authorization: `Bearer ${TOKENS.acme.token}` } });
  const body = await res.json() as Record<string, unknown>;
  const data = (body.ok === true ? body.data : body) as Record<string, unknown>;
  return (data.trunk ?? data) as { digestAlgorithms: string[] };
}
