/** CPU time of processes, read from /proc (Linux): what the benchmarks divide by the work done. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Milliseconds per clock tick, the unit of /proc/<pid>/stat's times. */
export const TICK_MS = 1000 / Number(execFileSync('getconf', ['CLK_TCK']).toString().trim());

/**
 * The fields of /proc/<pid>/stat after the command name (index 0 is field 3, the state), or
 * undefined once the process is gone. The name is cut at the last ')' since it may hold spaces.
 */
export function statFields(pid: number | string): string[] | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** CPU ms used so far by `pid` (utime + stime, fields 14 and 15); 0 once it is gone. */
export function cpuMs(pid: number): number {
  const f = statFields(pid);
  return f ? (Number(f[11]) + Number(f[12])) * TICK_MS : 0;
}
