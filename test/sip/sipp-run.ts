/**
 * Runs a sipp UAC scenario (test/sip/scenarios) against the edge once and reports how it ended:
 * sipp exits 0 when every call succeeded, 1 when one failed; the error log says where.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freeSipPort, sippLocalPortArgs } from '../support/sip-edge';

export const SCENARIOS = join(__dirname, 'scenarios');

export interface SippRun { code: number | null; log: string }

export async function runSippUac(o: {
  scenario: string; target: string; domain: string; username?: string; password?: string;
  authUri?: string | false; transport?: 'u1' | 't1'; calls?: number; extra?: string[];
}): Promise<SippRun> {
  const dir = mkdtempSync(join(tmpdir(), 'sipauth-sipp-'));
  const port = await freeSipPort();
  const args = [
    o.target, '-sf', join(SCENARIOS, o.scenario), '-i', '127.0.0.1', '-p', String(port), ...await sippLocalPortArgs(),
    '-m', String(o.calls ?? 1), '-s', '15550100', '-key', 'domain', o.domain, '-t', o.transport ?? 'u1',
    '-nostdin', '-timeout', '10s', '-timeout_error', '-trace_err', '-error_file', join(dir, 'errors.log'),
    ...(o.username ? ['-au', o.username, '-ap', o.password ?? ''] : []),
    ...(o.authUri === false ? [] : ['-auth_uri', o.authUri ?? o.domain]),
    ...(o.extra ?? []),
  ];
  const child = spawn('sipp', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  const logs = readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
  rmSync(dir, { recursive: true, force: true });
  return { code, log: `${stderr}\n${logs}`.slice(-4000) };
}

/** Fails with sipp's error log and the tail of Kamailio's log unless the run ended with `code`. */
export function expectSippExit(run: SippRun, code: number, kamailioLog: string): void {
  if (run.code !== code) {
    throw new Error(`sipp exited ${run.code}, expected ${code}\n--- sipp ---\n${run.log}\n--- kamailio ---\n${kamailioLog.slice(-3000)}`);
  }
}
