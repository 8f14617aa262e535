/**
 * A real SIP client under test as a child process: its own temporary directory (config, HOME),
 * output collected, conditions waited on (never fixed sleeps), and always stopped at the end.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What every driver needs to place a call through the SIP edge. */
export interface CallRequest {
  /** The SIP edge: every request goes there first (outbound proxy), over UDP. */
  proxy: { host: string; port: number };
  /** The trunk's domain: host of the Request-URI and of the caller's From. */
  domain: string;
  username: string;
  password: string;
  /** User part of the called number; default 15550100. */
  callee?: string;
  /** Bound on the whole attempt, start to hang-up; default 20 s. */
  timeoutMs?: number;
}

export const DEFAULT_CALLEE = '15550100';
export const DEFAULT_CALL_TIMEOUT_MS = 20_000;

/** True when `binary` is on PATH (tests skip, saying so, when a client is not installed locally). */
export function hasBinary(binary: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${binary}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** A private directory for one client run; `remove()` deletes it with everything the client wrote. */
export function clientDir(client: string): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), `sipauth-${client}-`));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export interface Exit { code: number | null; signal: NodeJS.Signals | null }

/** One running client: its output so far, lines to its stdin, waits on what it prints, and a stop. */
export class ClientProcess {
  private out = '';
  private exit: Exit | undefined;
  private readonly exited: Promise<Exit>;
  private readonly child: ChildProcess;

  private constructor(command: string, args: string[], opts: { cwd: string; env: Record<string, string> }) {
    // Own process group, so that stop() reaches anything the client forks.
    this.child = spawn(command, args, { cwd: opts.cwd, env: opts.env, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    const collect = (chunk: Buffer) => {
      this.out += chunk.toString('utf8');
      if (this.out.length > 2_000_000) this.out = this.out.slice(-1_000_000);
    };
    this.child.stdout!.on('data', collect);
    this.child.stderr!.on('data', collect);
    this.child.stdin!.on('error', () => undefined);
    this.exited = new Promise((resolve) => {
      this.child.once('error', (err) => {
        this.out += `\n[spawn failed: ${err.message}]`;
        this.exit = { code: null, signal: null };
        resolve(this.exit);
      });
      this.child.once('exit', (code, signal) => {
        this.exit = { code, signal };
        resolve(this.exit);
      });
    });
  }

  /** Starts `command` with a minimal environment (PATH, LANG=C) plus `env`. */
  static start(command: string, args: string[], opts: { cwd: string; env?: Record<string, string> }): ClientProcess {
    const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C', ...opts.env };
    return new ClientProcess(command, args, { cwd: opts.cwd, env });
  }

  output(): string {
    return this.out;
  }

  exitStatus(): Exit | undefined {
    return this.exit;
  }

  /** Writes one line to the client's stdin (its command prompt). */
  send(line: string): void {
    if (!this.exit && this.child.stdin!.writable) this.child.stdin!.write(`${line}\n`);
  }

  /** Resolves when the client has exited, or with undefined after `timeoutMs`. */
  async waitForExit(timeoutMs: number): Promise<Exit | undefined> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), timeoutMs)));
    try {
      return await Promise.race([this.exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Waits until `check(output)` holds, the client exits, or `timeoutMs` passes; resolves whether it held.
   */
  async waitUntil(check: (output: string) => boolean, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (check(this.out)) return true;
      if (this.exit || Date.now() > deadline) return false;
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** Waits (as waitUntil) for the first of `patterns` to match; resolves its index, or -1. */
  async waitForOutput(patterns: RegExp[], timeoutMs: number): Promise<number> {
    let index = -1;
    await this.waitUntil((out) => (index = patterns.findIndex((p) => p.test(out))) >= 0, timeoutMs);
    return index;
  }

  /**
   * Stops the client: each signal of `signals` in turn with `graceMs` to exit after it, then SIGKILL.
   * Resolves once it is gone.
   */
  async stop(signals: NodeJS.Signals[] = ['SIGTERM'], graceMs = 2000): Promise<Exit> {
    for (const signal of [...signals, 'SIGKILL' as const]) {
      if (this.exit) break;
      try {
        process.kill(-this.child.pid!, signal);
      } catch {
        break; // already gone
      }
      await this.waitForExit(signal === 'SIGKILL' ? 10_000 : graceMs);
    }
    return this.exited;
  }
}
