/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The console's credential-list flows in Debian's Chromium against the whole stack: sign-in (401),
 * the account picker, create with the first credential (live password hints, the server's field
 * errors), rename, add, duplicate username, change password with overlap, remove, paging and search,
 * a delete refused by a trunk (named and linked), delete, keyboard-only creation, and an axe-core scan
 * of every page.
 */
import type { Page } from 'playwright-core';
import { type ConsoleHarness, screenshot, seriousA11yViolations, signIn, startConsoleHarness, tabTo, TOKENS } from './console-browser';

jest.setTimeout(120_000);

let h: ConsoleHarness;
let page: Page;

beforeAll(async () => {
  h = await startConsoleHarness('ccl');
  ({ page } = await h.newPage(1440));
});
afterAll(async () => { await h?.close(); });

const openAccount = async (p: Page, account = 'ACME') => {
  await p.getByRole('link', { name: `Open account ${account}` }).click();
  await p.getByRole('heading', { name: 'Credential lists', level: 1 }).waitFor();
};
/**
 * Waits until the page says every worker decides with the change it names (`what`, as the notice
 * words it): a notice left by an earlier change must not count (it did, under load: the trunk read
 * back still had the order before the save).
 */
const workersDecide = (p: Page, what: string) => p.locator('.propagation-live', { hasText: what })
  .getByText('Every worker now decides with this change').waitFor({ timeout: 20_000 });

describe('the console, credential lists', () => {
  it('refuses an unknown token with a clear 401 message and keeps nothing of it', async () => {
    await page.goto('/console/');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'sign-in');
    await page.getByLabel('API token', { exact: true }).fill('not-a-token-anyone-issued');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('This API token was not accepted (401)').waitFor();
    expect(await page.evaluate(() => sessionStorage.length + localStorage.length)).toBe(0);
  });

  it('signs in, keeps the token in sessionStorage only (never the URL or localStorage) and offers the accounts the token covers', async () => {
    await signIn(page, TOKENS.acme.token);
    expect(page.url()).not.toContain(TOKENS.acme.token);
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    expect(await page.evaluate(() => Object.values(sessionStorage))).toEqual([TOKENS.acme.token]);
    await page.getByRole('link', { name: 'Open account BETA' }).waitFor();
    await page.getByText(`Token “${TOKENS.acme.name}”`).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await openAccount(page);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('creates a list with its first credential: live password hints, the server\'s error next to the field, then the list', async () => {
    const form = page.locator('form', { has: page.getByRole('button', { name: 'Create credential list' }) });
    await form.getByLabel('Friendly name', { exact: true }).fill('Office PBX');
    await form.getByLabel('Username', { exact: true }).fill('alice');
    await form.getByLabel('Password', { exact: true }).fill('weakpass');
    await form.getByText('a digit (not yet)').waitFor();
    await form.getByText('a lower-case letter (met)').waitFor();
    await form.getByRole('button', { name: 'Create credential list' }).click();
    const passwordError = form.locator('.field-invalid', { has: page.getByLabel('Password', { exact: true }) }).locator('.field-error');
    await passwordError.waitFor();
    expect(await passwordError.textContent()).toMatch(/upper-case letter/);
    await expectDescribedBy(page, 'Password', /upper-case letter/);
    await form.getByLabel('Password', { exact: true }).fill('Correct-Horse-42');
    await form.getByText('a digit (met)').waitFor();
    await form.getByRole('button', { name: 'Create credential list' }).click();
    await page.getByRole('heading', { name: 'Office PBX', level: 1 }).waitFor();
    await workersDecide(page, 'Credential list “Office PBX” created');
    await page.getByRole('cell', { name: 'alice', exact: true }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('renames the list, adds a credential, refuses a duplicate username and changes a password with an overlap', async () => {
    await page.getByLabel('Friendly name', { exact: true }).fill('Head office PBX');
    await page.getByRole('button', { name: 'Rename credential list' }).click();
    await page.getByRole('heading', { name: 'Head office PBX', level: 1 }).waitFor();

    const add = page.locator('form', { has: page.getByRole('heading', { name: 'Add a credential' }) });
    await add.getByLabel('Username', { exact: true }).fill('bob');
    await add.getByLabel('Password', { exact: true }).fill('Bob-password-77');
    await add.getByRole('button', { name: 'Add credential' }).click();
    await page.getByRole('cell', { name: 'bob', exact: true }).waitFor({ timeout: 20_000 });

    await add.getByLabel('Username', { exact: true }).fill('ALICE');
    await add.getByLabel('Password', { exact: true }).fill('Other-password-88');
    await add.getByRole('button', { name: 'Add credential' }).click();
    const usernameError = add.locator('.field-invalid', { has: page.getByLabel('Username', { exact: true }) }).locator('.field-error');
    await usernameError.waitFor();
    expect(await usernameError.textContent()).toMatch(/already|taken|exists|unique/i);

    await page.getByRole('button', { name: 'Change password of bob' }).click();
    await page.getByLabel('New password', { exact: true }).fill('Bob-rotated-password-99');
    await page.getByLabel('Keep the previous password valid', { exact: true }).selectOption({ label: 'For 1 day' });
    await page.getByRole('button', { name: 'Save new password for bob' }).click();
    await workersDecide(page, 'Password of “bob” changed');
    await page.getByLabel('New password', { exact: true }).waitFor({ state: 'detached' });
    const validUntil = page.getByRole('row', { name: /^bob / }).getByRole('cell').nth(2);
    await expectEventually(async () => /\d{4}/.test((await validUntil.textContent()) ?? ''), 'bob shows until when his previous password is valid');
    await screenshot(page, 'credential-list');
  });

  it('removes a credential after asking to confirm', async () => {
    await page.getByRole('button', { name: 'Remove bob' }).click();
    await page.getByRole('button', { name: 'Yes, remove bob' }).click();
    await workersDecide(page, 'Credential “bob” removed');
    await page.getByRole('cell', { name: 'bob', exact: true }).waitFor({ state: 'detached', timeout: 20_000 });
  });

  it('names and links the trunk that holds a list whose deletion is refused, and deletes a list no trunk holds', async () => {
    const held = await h.stack.apply<{ credentialListId: string }>('credential-list.create', { accountId: 'ACME', friendlyName: 'Held list', username: 'carol', password: 'Carol-password-1' });
    const trunk = await h.stack.apply<{ trunkId: string }>('trunk.create', { accountId: 'ACME', friendlyName: 'Main trunk', domainName: `main-${h.stack.namespace}.pstn.example.net`.toLowerCase() });
    await h.stack.apply('trunk.assign', { accountId: 'ACME', trunkId: trunk.trunkId, listKind: 'credentialList', listId: held.credentialListId });
    await page.goto(`/console/#/accounts/ACME/credential-lists/${held.credentialListId}`);
    await page.getByRole('heading', { name: 'Held list', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Delete credential list' }).click();
    await page.getByRole('button', { name: 'Yes, delete “Held list”' }).click();
    const link = page.getByRole('link', { name: 'Trunk “Main trunk”' });
    await link.waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await link.click();
    await page.getByRole('heading', { name: 'Main trunk', level: 1 }).waitFor();

    await page.goto('/console/#/accounts/ACME/credential-lists');
    await page.getByRole('link', { name: 'Head office PBX' }).click();
    await page.getByRole('button', { name: 'Delete credential list' }).click();
    await page.getByRole('button', { name: 'Yes, delete “Head office PBX”' }).click();
    await page.getByRole('heading', { name: 'Credential lists', level: 1 }).waitFor();
    await workersDecide(page, 'Credential list “Head office PBX” deleted');
    await page.getByRole('link', { name: 'Head office PBX' }).waitFor({ state: 'detached', timeout: 20_000 });
  });

  it('shows every list across pages and finds lists by friendly name', async () => {
    for (let i = 1; i <= 24; i++) {
      await h.stack.send('credential-list.create', { accountId: 'ACME', friendlyName: `Branch ${String(i).padStart(2, '0')}`, username: 'u', password: 'Branch-password-1' });
    }
    const last = await h.stack.apply('credential-list.create', { accountId: 'ACME', friendlyName: 'Warehouse', username: 'u', password: 'Branch-password-1' });
    expect(last.position).toBeDefined();
    await page.goto('/console/#/accounts/ACME/credential-lists');
    await page.reload();
    const more = page.getByRole('button', { name: 'Load more credential lists' });
    await page.getByRole('table').waitFor();
    while (await more.isVisible()) {
      await more.click();
      await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
    }
    await page.getByRole('link', { name: 'Warehouse' }).waitFor();
    expect(await page.getByRole('link', { name: /^Branch \d\d$/ }).count()).toBe(24);
    await page.getByLabel('Search by friendly name', { exact: true }).fill('branch 1');
    await expectEventually(async () => (await page.getByRole('link', { name: /^Branch \d\d$/ }).count()) === 10, 'ten lists match "branch 1"');
    expect(await page.getByRole('link', { name: 'Warehouse' }).count()).toBe(0);
    await page.getByLabel('Search by friendly name', { exact: true }).fill('');
    await screenshot(page, 'credential-lists');
  });

  it('creates a credential list with the keyboard alone', async () => {
    const { page: kb } = await h.newPage(1440);
    await kb.goto('/console/');
    await tabTo(kb, 'API token');
    await kb.keyboard.type(TOKENS.acme.token);
    await kb.keyboard.press('Enter');
    await kb.getByRole('heading', { name: 'Choose an account' }).waitFor();
    await tabTo(kb, 'Open account ACME');
    await kb.keyboard.press('Enter');
    await kb.getByRole('heading', { name: 'Credential lists', level: 1 }).waitFor();
    await tabTo(kb, 'Friendly name');
    await kb.keyboard.type('Keyboard list');
    await tabTo(kb, 'Username');
    await kb.keyboard.type('keys');
    await tabTo(kb, 'Password');
    await kb.keyboard.type('Typed-only-password-5');
    await tabTo(kb, 'Create credential list');
    await kb.keyboard.press('Enter');
    await kb.getByRole('heading', { name: 'Keyboard list', level: 1 }).waitFor();
    await kb.getByRole('cell', { name: 'keys', exact: true }).waitFor({ timeout: 20_000 });
    // The new page's content has the focus: the next Tab stays in it, and adding a credential works the same way.
    expect(await kb.evaluate(() => document.activeElement?.id)).toBe('main');
    await tabTo(kb, 'Username');
    await kb.keyboard.type('keys2');
    await tabTo(kb, 'Password');
    await kb.keyboard.type('Typed-only-password-6');
    await kb.keyboard.press('Enter');
    await kb.getByRole('cell', { name: 'keys2', exact: true }).waitFor({ timeout: 20_000 });
  });

  it('fits a 360 px wide screen', async () => {
    const { page: narrow } = await h.newPage(360);
    await signIn(narrow, TOKENS.acme.token);
    await screenshot(narrow, 'accounts');
    await openAccount(narrow);
    await narrow.getByRole('table').waitFor();
    expect(await overflowing(narrow)).toEqual([]);
    expect(await seriousA11yViolations(narrow)).toEqual([]);
    await screenshot(narrow, 'credential-lists');
    await narrow.getByLabel('Search by friendly name', { exact: true }).fill('keyboard');
    await narrow.getByRole('link', { name: 'Keyboard list' }).click();
    await narrow.getByRole('heading', { name: 'Keyboard list', level: 1 }).waitFor();
    expect(await overflowing(narrow)).toEqual([]);
    await screenshot(narrow, 'credential-list');
  });

  it('broke no rule of the Content-Security-Policy on any page it showed', () => {
    expect(h.cspViolations).toEqual([]);
  });
});

/** Elements that stick out to the right of the viewport (the page would scroll sideways). */
async function overflowing(p: Page): Promise<string[]> {
  return p.evaluate(() => [...document.querySelectorAll('body *')]
    .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1 && !el.closest('.sidenav ul'))
    .map((el) => `${el.tagName.toLowerCase()}.${el.className} (${Math.round(el.getBoundingClientRect().right)} px)`));
}

async function expectDescribedBy(p: Page, label: string, text: RegExp): Promise<void> {
  const described = await p.getByLabel(label, { exact: true }).first().evaluate((el) => (el.getAttribute('aria-describedby') ?? '').split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '').join(' '));
  expect(described).toMatch(text);
}

async function expectEventually(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`never happened: ${what}`);
}
