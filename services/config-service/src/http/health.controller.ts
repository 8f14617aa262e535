/** Kubernetes probes: liveness says the process serves HTTP; readiness says it is connected to NATS. */
import { Controller, Get, HttpCode, Inject, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import type { NatsConnection } from 'nats';
import { NATS_CONNECTION } from '../config-service.tokens';

@ApiExcludeController()
@Controller()
export class HealthController {
  constructor(@Inject(NATS_CONNECTION) private readonly nc: NatsConnection) {}

  @Get('healthz')
  @HttpCode(200)
  live(): { ok: true } {
    return { ok: true };
  }

  @Get('readyz')
  ready(@Res() res: Response): void {
    const connected = !this.nc.isClosed() && !this.nc.isDraining();
    res.status(connected ? 200 : 503).json({ ok: connected });
  }
}
