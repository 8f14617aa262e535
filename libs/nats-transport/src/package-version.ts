import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The `version` of the package.json in `packageDir` (what `$SRV.INFO` reports), `0.0.0` when unreadable. */
export function packageVersion(packageDir: string): string {
  try {
    return (JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}
