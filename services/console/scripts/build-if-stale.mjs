// Builds the console (vite) when dist/index.html is missing or older than any source file. The
// browser tests call it under a lock, so parallel test files never build over each other.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'dist', 'index.html');

const newest = (path) => {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
};

const sources = ['src', 'index.html', 'vite.config.mts', join('..', '..', 'libs', 'domain', 'src', 'rules.ts')].map((p) => join(root, p));
if (!existsSync(built) || Math.max(...sources.map(newest)) > statSync(built).mtimeMs) {
  const run = spawnSync(process.execPath, [join(root, '..', '..', 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  process.exit(run.status ?? 1);
}
