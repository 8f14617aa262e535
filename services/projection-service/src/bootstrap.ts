/**
 * Starts the projection-service: NATS, the event store, the runner (single-active, checkpointed),
 * the rebuild endpoint on NATS, and the HTTP probes (/healthz, /readyz, /metrics).
 */
import 'reflect-metadata';
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { NestFactory } from '@nestjs/core';
import { connect } from 'nats';
import { followNatsConnection, natsConnectOptions } from '@sipauth/contracts';
import { createEventStore } from '@sipauth/event-store';
import { createServiceLogger, useServiceLogger, withServiceLogging } from '@sipauth/logging';
import { ProjectionMetrics } from './ops/projection-metrics';
import { ProjectionRunner } from './projection-runner';
import { ProjectionServiceModule } from './projection-service.module';
import { readSettings } from './projection-service.settings';
import type { ProjectionRuntime } from './projection-service.tokens';
import type { RebuildResult } from './rebuild-generation';
import { projectionNatsTransport } from './transport/projection-nats.transport';

export interface RunningProjectionService {
  /** The port the probes listen on (useful with `PROJECTION_HTTP_PORT=0`). */
  httpPort: number;
  /** Stops applying, writes the checkpoint, releases the lease, stops HTTP, drains NATS. */
  close(): Promise<void>;
  /** Rebuilds the read model into a fresh generation and switches readers to it (active instance only). */
  rebuild(): Promise<RebuildResult>;
  /** The runner, for status and tests. */
  runner: ProjectionRunner;
}

/** Reads the configuration from `env` (SPEC §7 plus PROJECTION_*) and starts the service. */
export async function startProjectionService(env: NodeJS.ProcessEnv = process.env): Promise<RunningProjectionService> {
  const settings = readSettings(env);
  const { namespace } = settings.shared;
  const log = createServiceLogger('projection-service', env);
  const nc = await connect(natsConnectOptions(settings.shared, 'projection-service'));
  // The lease is renewed over a connection of its own: the read-model writes queue on `nc`.
  const leaseNc = await connect(natsConnectOptions(settings.shared, 'projection-service-lease')).catch(async (err: unknown) => {
    await nc.close();
    throw err;
  });
  try {
    const store = await createEventStore(nc, { namespace, eventStoreConnectionString: settings.shared.eventStoreConnectionString, replicas: settings.shared.eventStreamReplicas });
    const metrics = new ProjectionMetrics();
    const runner = await ProjectionRunner.start({
      js: nc.jetstream(),
      jsm: await nc.jetstreamManager(),
      leaseJs: leaseNc.jetstream(),
      store,
      namespace,
      replicas: settings.shared.eventStreamReplicas,
      holderId: `${hostname()}-${process.pid}-${randomBytes(4).toString('hex')}`,
      leaseTtlMs: settings.leaseTtlMs,
      rebuildGraceMs: settings.rebuildGraceMs,
      metrics,
      log: (message) => log.info(message),
    });
    const runtime: ProjectionRuntime = {
      runner,
      metrics,
      natsConnected: followNatsConnection(nc),
      async stop() {
        await runner.close();
        await store.close();
      },
    };
    const app = await NestFactory.create(withServiceLogging(ProjectionServiceModule.forRoot(runtime), log), { bufferLogs: true, abortOnError: false });
    useServiceLogger(app);
    app.connectMicroservice({ strategy: projectionNatsTransport(nc, namespace) });
    await app.startAllMicroservices();
    await app.listen(settings.httpPort);
    const { port } = app.getHttpServer().address() as AddressInfo;
    log.info({ event: 'started', httpPort: port, namespace }, 'projection-service started');
    let closing: Promise<void> | undefined;
    return {
      httpPort: port,
      runner,
      rebuild: () => runner.rebuild(),
      close() {
        closing ??= (async () => {
          log.info({ event: 'stopping' }, 'projection-service stopping: checkpoint, lease, NATS');
          await app.close();
          await nc.drain();
          await leaseNc.drain();
          log.info({ event: 'stopped' }, 'projection-service stopped');
        })();
        return closing;
      },
    };
  } catch (err) {
    await nc.close();
    await leaseNc.close();
    throw err;
  }
}
