/// <reference lib="dom" />
/**
 * Test support for the console in a real Chromium (Debian's, through playwright-core): the whole stack
 * on a fresh namespace with named API tokens, the console built if its sources changed, one browser
 * per test file, an axe-core scan and screenshots.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startStack, type Stack } from '../support/stack';

const ROOT = join(__dirname, '..', '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

/** The tokens the stack accepts: one for accounts ACME and BETA, one for every account. */
export const TOKENS = {
  acme: { name: 'console-test', token: 'console-test-token-0123456789abcdef', accounts: ['ACME', 'BETA'] },
  all: { name: 'operator', token: 'operator-token-0123456789abcdef0123', accounts: ['*'] },
};

export interface ConsoleHarness {
  stack: Stack;
  browser: Browser;
  /** A fresh browser context (own sessionStorage) and page at the given width. */
  newPage(width?: number): Promise<{ context: BrowserContext; page: Page }>;
  /** Content-Security-Policy violations any page of this harness reported (console messages). */
  cspViolations: string[];
  close(): Promise<void>;
}

/** Builds the console when its sources are newer than its build (under a lock shared by test files). */
export function buildConsoleIfStale(): void {
  const run = spawnSync('flock', [join(tmpdir(), 'sipauth-console-build.lock'), process.execPath, join(ROOT, 'services/console/scripts/build-if-stale.mjs')], { stdio: 'inherit' });
  if (run.status !== 0) throw new Error('building the console failed');
}

export async function startConsoleHarness(prefix: string): Promise<ConsoleHarness> {
  buildConsoleIfStale();
  const tokens = Object.values(TOKENS).map((t) => `${t.name}:${t.token}=${t.accounts.join('|')}`).join(',');
  const stack = await startStack({ prefix, env: { CONFIG_API_TOKENS: tokens } });
  let browser: Browser;
  try {
    // launch() gives Chromium a fresh temporary profile (user-data dir) and removes it on close.
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  } catch (err) {
    await stack.close();
    throw err;
  }
  const contexts: BrowserContext[] = [];
  const cspViolations: string[] = [];
  return {
    stack, browser, cspViolations,
    async newPage(width = 1440) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, baseURL: stack.configUrl });
      contexts.push(context);
      const page = await context.newPage();
      page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text()); });
      return { context, page };
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await stack.close();
    },
  };
}

/** Opens the console and signs in with `token`, landing on the account picker. */
export async function signIn(page: Page, token: string): Promise<void> {
  await page.goto('/console/');
  await page.getByLabel('API token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Choose an account' }).waitFor();
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical violations on the page as it is now (empty when none). */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  // evaluate runs through the DevTools protocol, which the page's Content-Security-Policy does not govern.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: { id: string; impact?: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => JSON.stringify(n.target)) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id}: ${v.targets.join(', ')}`);
}

/** Saves a screenshot: into docs/screenshots with UPDATE_SCREENSHOTS=1 (for the README), else a temp folder. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.UPDATE_SCREENSHOTS === '1' ? join(ROOT, 'docs', 'screenshots') : join(tmpdir(), 'sipauth-console-screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}-${page.viewportSize()?.width}.png`), fullPage: true });
}

/** Presses Tab until the focused element is the one named `name` (its label or text); fails after 80 presses. */
export async function tabTo(page: Page, name: string): Promise<void> {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | null;
      if (!el) return '';
      return (el.labels?.[0]?.textContent ?? el.getAttribute('aria-label') ?? el.textContent ?? '').trim();
    });
    if (focused === name) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}
