/** Kubernetes probes and Prometheus metrics of the projection-service. */
import { Controller, Get, Header, HttpCode, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { PROJECTION_RUNTIME, type ProjectionRuntime } from '../projection-service.tokens';

@Controller()
export class ProbesController {
  constructor(@Inject(PROJECTION_RUNTIME) private readonly runtime: ProjectionRuntime) {}

  /** Liveness: the process answers. */
  @Get('healthz')
  @HttpCode(200)
  healthz(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: connected to NATS, and caught up to the head seen on becoming active, or a standby. */
  @Get('readyz')
  readyz(@Res() res: Response): void {
    const { runner } = this.runtime;
    const ready = runner.ready && this.runtime.natsConnected();
    res.status(ready ? 200 : 503).json({ ready, role: runner.role, position: runner.position ?? null });
  }

  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  metrics(): Promise<string> {
    return this.runtime.metrics.text();
  }
}
