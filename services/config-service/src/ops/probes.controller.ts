/** Kubernetes probes: liveness says the process serves HTTP; readiness says it is connected to NATS now. */
import { Controller, Get, HttpCode, Inject, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import type { NatsConnection } from 'nats';
import { followNatsConnection } from '@sipauth/contracts';
import { NATS_CONNECTION } from '../config-service.tokens';

@ApiExcludeController()
@Controller()
export class HealthController {
  private readonly natsConnected: () => boolean;

  constructor(@Inject(NATS_CONNECTION) nc: NatsConnection) {
    this.natsConnected = followNatsConnection(nc);
  }

  @Get('healthz')
  @HttpCode(200)
  live(): { ok: true } {
    return { ok: true };
  }

  @Get('readyz')
  ready(@Res() res: Response): void {
    const connected = this.natsConnected();
    res.status(connected ? 200 : 503).json({ ok: connected });
  }
}
