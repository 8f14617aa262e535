/** Kubernetes probes and the Prometheus endpoint (WORKER_HTTP_PORT). */
import { Controller, Get, Header, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { NatsConnection } from 'nats';
import { followNatsConnection } from '@sipauth/contracts';
import { ReadModelWatcher } from '../index/read-model-watcher';
import { WorkerMetrics } from './worker-metrics';
import { METRICS, NATS_CONNECTION, READ_MODEL_WATCHER } from '../sip-auth-worker.tokens';

@Controller()
export class ProbesController {
  constructor(
    @Inject(READ_MODEL_WATCHER) private readonly watcher: ReadModelWatcher,
    @Inject(METRICS) private readonly metrics: WorkerMetrics,
    @Inject(NATS_CONNECTION) nc: NatsConnection,
  ) {
    this.natsConnected = followNatsConnection(nc);
  }

  private readonly natsConnected: () => boolean;

  /** Liveness: the process answers. */
  @Get('healthz')
  healthz(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: 200 only once the initial read-model load has completed, and while connected to NATS. */
  @Get('readyz')
  readyz(@Res() res: Response): void {
    const status = this.watcher.status();
    const ready = status.ready && this.natsConnected();
    res.status(ready ? 200 : 503).json({ ...status, ready });
  }

  @Get('metrics')
  @Header('Cache-Control', 'no-store')
  async prometheus(@Res() res: Response): Promise<void> {
    res.type(this.metrics.registry.contentType).send(await this.metrics.registry.metrics());
  }
}
