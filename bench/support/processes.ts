/**
 * The services as separate node processes (their built `dist/main.js`), as a deployment runs them,
 * on a bench namespace: config-service, projection-service and workers whose HTTP probes report their
 * applied position (`/readyz`). Each child is stopped with SIGTERM by `close()`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { querySubject } from '@sipauth/contracts';
import { BENCH_ACCOUNT, openBenchNamespace, type BenchNamespace } from './namespace';

/** The repository, from bench/dist/support. */
const ROOT = join(__dirname, '..', '..', '..');

export interface ProcessStack extends BenchNamespace {
  /** Each worker's applied position, from its `/readyz`. */
  workerPositions(): Promise<bigint[]>;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function readyz(port: number): Promise<{ ready: boolean; position: string } | undefined> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/readyz`);
    return res.ok ? ((await res.json()) as { ready: boolean; position: string }) : undefined;
  } catch {
    return undefined;
  }
}

export async function startProcessStack(connectionName: string, workerCount: number): Promise<ProcessStack> {
  const space = await openBenchNamespace(connectionName);
  const children: ChildProcess[] = [];
  const start = (service: string, env: Record<string, string>) => {
    const child = spawn(process.execPath, [join(ROOT, 'services', service, 'dist', 'main.js')], {
      env: { ...space.env, LOG_LEVEL: 'error', ...env }, stdio: ['ignore', 'ignore', 'inherit'],
    });
    children.push(child);
  };
  const close = async () => {
    await Promise.all(children.map((c) => (c.exitCode !== null ? undefined : new Promise((resolve) => { c.once('exit', resolve); c.kill('SIGTERM'); }))));
    await space.close();
  };
  try {
    start('config-service', { CONFIG_HTTP_PORT: String(await freePort()) });
    start('projection-service', { PROJECTION_HTTP_PORT: String(await freePort()) });
    const ports: number[] = [];
    for (let i = 0; i < workerCount; i++) {
      ports.push(await freePort());
      start('sip-auth-worker', { WORKER_HTTP_PORT: String(ports[i]) });
    }
    const deadline = Date.now() + 60_000;
    for (;;) {
      const serving = await space.request(querySubject(space.ns, 'credential-list.list'), { accountId: BENCH_ACCOUNT }).then(() => true, () => false);
      const ready = (await Promise.all(ports.map(readyz))).every((s) => s?.ready === true);
      if (serving && ready) break;
      const died = children.find((c) => c.exitCode !== null);
      if (died) throw new Error(`${died.spawnargs[1]} exited with ${died.exitCode} while starting`);
      if (Date.now() > deadline) throw new Error('the service processes did not get ready in 60 s');
      await sleep(100);
    }
    return {
      ...space, close,
      workerPositions: async () => (await Promise.all(ports.map(readyz))).map((s) => BigInt(s?.position ?? '0')),
    };
  } catch (err) {
    await close();
    throw err;
  }
}
