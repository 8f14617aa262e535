/**
 * No Docker engine runs in CI, so the Dockerfile is checked by reading it: it stays in step with the
 * workspaces (a new library or service that the image does not copy would break the build only on
 * a machine with Docker), keeps dev dependencies out of the runtime image, and runs as non-root.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
const instructions = dockerfile
  .replace(/\\\n/g, ' ')
  .split('\n')
  .filter((l) => l.trim() && !l.trim().startsWith('#'));
const stages = instructions.reduce<string[][]>((acc, line) => {
  if (/^FROM\s/i.test(line)) acc.push([line]);
  else if (acc.length > 0) acc[acc.length - 1].push(line);
  return acc;
}, []);
const workspaces = ['libs', 'services'].flatMap((dir) =>
  readdirSync(join(ROOT, dir)).filter((name) => existsSync(join(ROOT, dir, name, 'package.json'))).map((name) => `${dir}/${name}`),
);

describe('the Dockerfile', () => {
  it('builds in one stage and runs from a slim stage of its own on the Node LTS that package.json engines name', () => {
    expect(stages.map((s) => s[0].split(/\s+/).pop())).toEqual(['build', 'prod-deps', 'runtime']);
    const [, major] = /^ARG NODE_IMAGE=node:(\d+)-[\w-]*slim$/m.exec(dockerfile)!;
    expect(['22', '24']).toContain(major);
    const engines: string = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).engines.node;
    expect(engines.split('||').map((r) => r.trim())).toContain(`>=${major}`);
    expect(stages[0].join('\n')).toMatch(/RUN npm ci\b/);
    expect(stages[0].join('\n')).toMatch(/RUN npm run build/);
  });

  it('is tested on the runtime it ships: npm run test:node24 runs this suite on the image\'s Node major', () => {
    const [, major] = /^ARG NODE_IMAGE=node:(\d+)-/m.exec(dockerfile)!;
    const script: string = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts['test:node24'];
    expect(script).toContain(`SIPAUTH_EXPECT_NODE_MAJOR=${major} npx -y -p node@${major} -- node`);
    expect(readFileSync(join(ROOT, '.ci', 'run'), 'utf8')).toMatch(/^npm run test:node24$/m);
    // Inside that run, this process is that Node.
    if (process.env.SIPAUTH_EXPECT_NODE_MAJOR) expect(process.versions.node.split('.')[0]).toBe(process.env.SIPAUTH_EXPECT_NODE_MAJOR);
  });

  it('copies the package.json of every workspace before npm ci, so the lockfile install sees them all', () => {
    const build = stages[0].join('\n');
    const npmCi = build.indexOf('npm ci');
    for (const ws of workspaces) {
      const copy = build.indexOf(`COPY ${ws}/package.json ${ws}/`);
      expect([ws, copy >= 0 && copy < npmCi]).toEqual([ws, true]);
    }
  });

  it('puts only production dependencies and compiled output into the runtime image', () => {
    expect(stages[1].join('\n')).toMatch(/npm prune --omit=dev/);
    const runtime = stages[2].join('\n');
    expect(runtime).toMatch(/COPY --from=prod-deps \/app\/node_modules node_modules/);
    expect(runtime).not.toMatch(/COPY --from=build \/app\/node_modules/);
    for (const lib of workspaces.filter((ws) => ws.startsWith('libs/'))) {
      expect(runtime).toContain(`COPY --from=build /app/${lib}/dist ${lib}/dist`);
    }
    expect(runtime).toContain('COPY --from=build /app/services/${SERVICE}/dist services/${SERVICE}/dist');
  });

  it('selects the service by build argument and runs it as a non-root user with a health check', () => {
    const runtime = stages[2];
    expect(runtime).toContain('ARG SERVICE');
    const user = runtime.find((l) => /^USER\s/.test(l))!;
    expect(user).toBeDefined();
    expect(user).not.toMatch(/\broot\b|^USER 0\b/);
    expect(runtime.join('\n')).toMatch(/^HEALTHCHECK .*deploy\/docker\/healthcheck\.js/m);
    expect(runtime.join('\n')).toMatch(/^CMD .*services\/\$\{SERVICE\}\/dist\/main\.js/m);
    // An init as PID 1 forwards SIGTERM to node even before node installs its handlers.
    expect(runtime.find((l) => /^ENTRYPOINT\s/.test(l))).toBe('ENTRYPOINT ["/usr/bin/tini", "--"]');
    expect(runtime.join('\n')).toMatch(/apt-get install [^\n]*\btini\b/);
    expect(existsSync(join(ROOT, 'deploy', 'docker', 'healthcheck.js'))).toBe(true);
  });

  it('leaves local keys, builds and dependencies out of the build context', () => {
    const ignored = readFileSync(join(ROOT, '.dockerignore'), 'utf8').split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['**/node_modules', '**/dist', '.sipauth', '.git', 'deploy/compose.env*']));
  });

  it('has a health check that passes on a ready service and fails on one that is not ready or not there', async () => {
    let status = 200;
    const seen: string[] = [];
    const server = createServer((req, res) => {
      seen.push(req.url!);
      res.writeHead(status).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = String((server.address() as { port: number }).port);
    const check = (env: Record<string, string>) =>
      new Promise<number | null>((resolve) => {
        // The probe's own 2.5 s bound is for Docker; a loaded CI machine may be slower than that to answer.
        spawn(process.execPath, [join(ROOT, 'deploy', 'docker', 'healthcheck.js')], { env: { ...process.env, HEALTHCHECK_TIMEOUT_MS: '20000', ...env } }).on('exit', resolve);
      });
    try {
      expect(await check({ SERVICE: 'sip-auth-worker', WORKER_HTTP_PORT: port })).toBe(0);
      expect(await check({ SERVICE: 'config-service', CONFIG_HTTP_PORT: port })).toBe(0);
      status = 503;
      expect(await check({ SERVICE: 'projection-service', PROJECTION_HTTP_PORT: port })).toBe(1);
      expect(seen).toEqual(['/readyz', '/readyz', '/readyz']);
    } finally {
      await new Promise((r) => server.close(r));
    }
    expect(spawnSync(process.execPath, [join(ROOT, 'deploy', 'docker', 'healthcheck.js')], { env: { ...process.env, SERVICE: 'nope' } }).status).toBe(1);
  }, 90_000);
});
