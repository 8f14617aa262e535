/** Starts a sip-auth-worker in this process (used by main.ts, the local stack and the tests). */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { connect } from 'nats';
import type { AddressInfo } from 'node:net';
import { AuthStatus, natsConnectOptions } from '@sipauth/contracts';
import { createServiceLogger, useServiceLogger, withServiceLogging } from '@sipauth/logging';
import { readWorkerConfig } from './sip-auth-worker.settings';
import type { ReadModelWatcher } from './index/read-model-watcher';
import { WorkerModule } from './sip-auth-worker.module';
import { READ_MODEL_WATCHER } from './sip-auth-worker.tokens';

export interface RunningWorker {
  /** Base URL of /healthz, /readyz and /metrics. */
  httpUrl: string;
  status(): AuthStatus;
  /** The read-model bucket in use (`<ns>_rm_<generation>`); undefined before the first load. */
  readModelBucket(): string | undefined;
  /** Drains the auth subscriptions, stops watching and closes the NATS connection. */
  close(): Promise<void>;
}

/**
 * Reads the configuration (throws a clear Error for a missing or invalid variable), connects to NATS
 * and starts serving; it answers auth.status at once and the deciding subjects once the read model
 * is loaded (`status().ready`).
 */
export async function startSipAuthWorker(env: NodeJS.ProcessEnv = process.env): Promise<RunningWorker> {
  const config = readWorkerConfig(env);
  // JSON lines at LOG_LEVEL; the request path logs nothing per allow or challenge (only rejections and lockouts).
  const log = createServiceLogger('sip-auth-worker', env);
  const nc = await connect(natsConnectOptions(config.shared, 'sip-auth-worker'));
  try {
    const app = await NestFactory.create(withServiceLogging(WorkerModule.forRoot(config, nc), log), { bufferLogs: true, abortOnError: false });
    useServiceLogger(app);
    await app.listen(config.httpPort);
    const { port } = app.getHttpServer().address() as AddressInfo;
    log.info({ event: 'started', httpPort: port, namespace: config.shared.namespace }, 'sip-auth-worker started');
    const watcher = app.get<ReadModelWatcher>(READ_MODEL_WATCHER);
    let closing: Promise<void> | undefined;
    return {
      httpUrl: `http://127.0.0.1:${port}`,
      status: () => watcher.status(),
      readModelBucket: () => watcher.bucket,
      close: () => (closing ??= (async () => {
        log.info({ event: 'stopping' }, 'sip-auth-worker stopping: draining the auth subscriptions');
        await app.close().then(() => nc.drain()).catch(() => nc.close());
        log.info({ event: 'stopped' }, 'sip-auth-worker stopped');
      })()),
    };
  } catch (err) {
    await nc.close();
    throw err;
  }
}
